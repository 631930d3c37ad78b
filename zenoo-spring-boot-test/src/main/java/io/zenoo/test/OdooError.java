package io.zenoo.test;

/**
 * An Odoo server-side exception, as the test server reports it: the Python exception class name (what clients
 * dispatch on), the human message, and how each protocol renders it.
 */
final class OdooError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static final String ACCESS_ERROR = "odoo.exceptions.AccessError";

	static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";

	static final String MISSING_ERROR = "odoo.exceptions.MissingError";

	static final String USER_ERROR = "odoo.exceptions.UserError";

	static final String VALIDATION_ERROR = "odoo.exceptions.ValidationError";

	static final String VALUE_ERROR = "builtins.ValueError";

	static final String TYPE_ERROR = "builtins.TypeError";

	static final String KEY_ERROR = "builtins.KeyError";

	static final String INDEX_ERROR = "builtins.IndexError";

	static final String ATTRIBUTE_ERROR = "builtins.AttributeError";

	static final String EXCEPTION = "builtins.Exception";

	static final String OPERATIONAL_ERROR = "psycopg2.OperationalError";

	static final String SESSION_EXPIRED = "odoo.http.SessionExpiredException";

	static final String NOT_FOUND = "werkzeug.exceptions.NotFound";

	static final String UNAUTHORIZED = "werkzeug.exceptions.Unauthorized";

	private final String errorName;

	private final int json2Status;

	private OdooError(String errorName, String message, int json2Status) {
		super(message, null, false, false);
		this.errorName = errorName;
		this.json2Status = json2Status;
	}

	/** @return the dotted Python exception class name */
	String errorName() {
		return this.errorName;
	}

	/** @return the HTTP status JSON-2 answers with */
	int json2Status() {
		return this.json2Status;
	}

	/** @return the Python exception class name without its module, for tracebacks */
	String shortName() {
		return this.errorName.substring(this.errorName.lastIndexOf('.') + 1);
	}

	boolean isSessionExpired() {
		return SESSION_EXPIRED.equals(this.errorName);
	}

	boolean isNotFound() {
		return NOT_FOUND.equals(this.errorName);
	}

	static OdooError of(String name, String message) {
		return new OdooError(name, message, defaultStatus(name));
	}

	static OdooError accessError(String message) {
		return of(ACCESS_ERROR, message);
	}

	static OdooError accessDenied() {
		return of(ACCESS_DENIED, "Access Denied");
	}

	static OdooError userError(String message) {
		return of(USER_ERROR, message);
	}

	static OdooError validation(String message) {
		return of(VALIDATION_ERROR, message);
	}

	static OdooError valueError(String message) {
		return of(VALUE_ERROR, message);
	}

	static OdooError typeError(String message) {
		return of(TYPE_ERROR, message);
	}

	static OdooError missing(String model, java.util.Collection<Long> ids, long uid) {
		return of(MISSING_ERROR, "Record does not exist or has been deleted.\n(Record: " + model + Py.tuple(ids)
				+ ", User: " + uid + ")");
	}

	static OdooError unknownDatabase(String db) {
		return of(OPERATIONAL_ERROR, "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \""
				+ db + "\" does not exist\n");
	}

	static OdooError sessionExpired() {
		return new OdooError(SESSION_EXPIRED, "Session expired", 401);
	}

	static OdooError notFound() {
		return new OdooError(NOT_FOUND, "404 Not Found: The requested URL was not found on the server. If you entered "
				+ "the URL manually please check your spelling and try again.", 404);
	}

	static OdooError notFound(String message) {
		return new OdooError(NOT_FOUND, message, 404);
	}

	static OdooError unauthorized(String message) {
		return new OdooError(UNAUTHORIZED, message, 401);
	}

	private static int defaultStatus(String name) {
		return switch (name) {
			case ACCESS_DENIED -> 401;
			case ACCESS_ERROR -> 403;
			case NOT_FOUND -> 404;
			case USER_ERROR, VALIDATION_ERROR, MISSING_ERROR, VALUE_ERROR, TYPE_ERROR -> 422;
			default -> 500;
		};
	}

}
