package io.zenoo.client.transport;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooAuthenticationException;
import io.zenoo.client.error.OdooBadArgumentsException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooGenericServerException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooMissingRecordException;
import io.zenoo.client.error.OdooServerError;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooSessionExpiredException;
import io.zenoo.client.error.OdooUnknownFieldException;
import io.zenoo.client.error.OdooUnknownMethodException;
import io.zenoo.client.error.OdooUnknownModelException;
import io.zenoo.client.error.OdooUserException;
import io.zenoo.client.error.OdooValidationException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what Odoo reported into the matching {@link OdooServerException} subtype.
 * <p>
 * The type is chosen from Odoo's exception name (never from the JSON-RPC {@code error.code}, which went from 200 to
 * 0 after 18.0, and never from the traceback). A few names cover several situations, told apart by the start of
 * Odoo's message, as recorded from Odoo 18: an unknown model over {@code /jsonrpc} is a {@code UserError}
 * "Object x doesn't exist", an unknown field is a {@code ValueError} "Invalid field ...", a private method is an
 * {@code AccessError} "Private methods ...". Over JSON-2 the HTTP status decides when the name is a generic
 * {@code werkzeug} one.
 */
final class ServerErrors {

	static final int NO_STATUS = 0;

	private static final Set<Integer> JSON2_STATUSES = Set.of(401, 403, 404, 422);

	private ServerErrors() {
	}

	/**
	 * Reads the {@code data} object of a JSON-RPC {@code error} (or a JSON-2 error body, which has the same fields).
	 */
	static OdooServerError read(JsonNode errorData, String fallbackMessage, Target target, Redactor redactor) {
		String name = OdooJson.text(errorData, "name", "unknown");
		String message = redactor.apply(OdooJson.text(errorData, "message", fallbackMessage));
		JsonNode debugNode = errorData.get("debug");
		String debug = (debugNode != null && debugNode.isString()) ? redactor.apply(debugNode.asString()) : null;
		List<String> arguments = OdooJson.texts(errorData.get("arguments")).stream()
			.map(redactor::apply)
			.toList();
		return new OdooServerError(name, message, arguments, debug, target.model(), target.method());
	}

	/**
	 * The exception for a JSON-RPC {@code error} member ({@code /jsonrpc} and the web session).
	 */
	static OdooServerException fromJsonRpc(JsonNode error, Target target, Redactor redactor) {
		JsonNode data = error.get("data");
		String fallback = OdooJson.text(error, "message", "Odoo Server Error");
		OdooServerError details = read((data != null && data.isObject()) ? data : error, fallback, target, redactor);
		return classify(details, NO_STATUS);
	}

	/**
	 * The exception for a failed JSON-2 response: Odoo's {@code {name, message, ...}} body when there is one; for the
	 * statuses JSON-2 defines (401, 403, 404, 422) or a bare JSON string message, a server error chosen by status;
	 * otherwise (a proxy's HTML 502, ...) an {@link OdooHttpStatusException}.
	 */
	static OdooException fromJson2(HttpResult response, Target target, Redactor redactor, String server) {
		JsonNode body = response.json();
		int status = response.status();
		if (body != null && body.isObject() && body.has("name")) {
			return classify(read(body, "HTTP " + status, target, redactor), status);
		}
		boolean stringMessage = body != null && body.isString();
		if (stringMessage || JSON2_STATUSES.contains(status)) {
			String message = stringMessage ? redactor.apply(body.asString()) : response.excerpt();
			return classify(new OdooServerError("HTTP " + status, message, List.of(message), null, target.model(),
					target.method()), status);
		}
		return new OdooHttpStatusException("Odoo at " + server + " answered " + target + " with HTTP " + status
				+ ": " + response.excerpt(), status, response.excerpt());
	}

	/**
	 * Chooses the exception type.
	 * @param error what Odoo reported
	 * @param httpStatus the HTTP status of a JSON-2 error, or {@link #NO_STATUS} for JSON-RPC
	 */
	static OdooServerException classify(OdooServerError error, int httpStatus) {
		String message = error.message().toLowerCase(Locale.ROOT).strip();
		switch (error.name()) {
			case "odoo.exceptions.AccessDenied":
				return new OdooAuthenticationException(error);
			case "odoo.exceptions.AccessError":
				return message.startsWith("private method") ? new OdooUnknownMethodException(error)
						: new OdooAccessException(error);
			case "odoo.exceptions.ValidationError":
				return new OdooValidationException(error);
			case "odoo.exceptions.MissingError":
				return new OdooMissingRecordException(error);
			case "odoo.exceptions.UserError":
			case "odoo.exceptions.RedirectWarning":
				return (message.startsWith("object ") && message.endsWith("doesn't exist"))
						? new OdooUnknownModelException(error) : new OdooUserException(error);
			case "odoo.http.SessionExpiredException":
				return new OdooSessionExpiredException(error);
			case "builtins.KeyError":
				return new OdooUnknownModelException(error);
			case "builtins.AttributeError":
				return message.startsWith("the method ") ? new OdooUnknownMethodException(error)
						: new OdooGenericServerException(error);
			case "builtins.ValueError":
				return message.startsWith("invalid field") ? new OdooUnknownFieldException(error)
						: new OdooBadArgumentsException(error);
			case "builtins.TypeError":
				return new OdooBadArgumentsException(error);
			case "werkzeug.exceptions.NotFound":
				return notFound(error, message);
			default:
				return byStatus(error, httpStatus, message);
		}
	}

	private static OdooServerException byStatus(OdooServerError error, int httpStatus, String message) {
		return switch (httpStatus) {
			case 401 -> new OdooAuthenticationException(error);
			case 403 -> new OdooAccessException(error);
			case 404 -> notFound(error, message);
			case 422 -> new OdooBadArgumentsException(error);
			default -> new OdooGenericServerException(error);
		};
	}

	// JSON-2 says "the model 'x' does not exist" or "The method 'm' does not exist on the model 'x'"; the web
	// session's call_kw answers a bare werkzeug 404 for an unknown model.
	private static OdooServerException notFound(OdooServerError error, String message) {
		if (!message.startsWith("the model") && message.contains("method")) {
			return new OdooUnknownMethodException(error);
		}
		return new OdooUnknownModelException(error);
	}

}
