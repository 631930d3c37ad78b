package io.zenoo.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An error Odoo itself reported while running a call. The concrete type is chosen from Odoo's exception name
 * ({@code error.data.name} over JSON-RPC, the body's {@code name} and the HTTP status over JSON-2), never from the
 * numeric JSON-RPC error code, which changed between Odoo versions.
 * <p>
 * {@link #getMessage()} is Odoo's own message followed by the call, for example
 * {@code Record does not exist or has been deleted. (res.partner.write)}. The server traceback is available from
 * {@link #getDebug()} but is never part of the message.
 */
public abstract class OdooServerException extends OdooException {

	private static final long serialVersionUID = 1L;

	private final OdooServerError error;

	protected OdooServerException(OdooServerError error) {
		super(describe(error), null);
		this.error = error;
	}

	private static String describe(OdooServerError error) {
		String message = error.message().isBlank() ? error.name() : error.message().strip();
		String target = error.target();
		return target.isEmpty() ? message : message + " (" + target + ")";
	}

	/**
	 * Everything Odoo reported.
	 * @return the error details
	 */
	public OdooServerError getError() {
		return this.error;
	}

	/**
	 * Odoo's exception class, for example {@code odoo.exceptions.ValidationError}.
	 * @return the exception name
	 */
	public String getName() {
		return this.error.name();
	}

	/**
	 * Odoo's message alone, without the call.
	 * @return the message
	 */
	public String getServerMessage() {
		return this.error.message();
	}

	/**
	 * The model called.
	 * @return the model, or {@code null} for a service call
	 */
	public @Nullable String getModel() {
		return this.error.model();
	}

	/**
	 * The method called.
	 * @return the method, or {@code null} if unknown
	 */
	public @Nullable String getMethod() {
		return this.error.method();
	}

	/**
	 * The exception's arguments as Odoo sent them.
	 * @return the arguments, possibly empty
	 */
	public List<String> getArguments() {
		return this.error.arguments();
	}

	/**
	 * The server's traceback, for logs. Not meant for end users.
	 * @return the traceback, or {@code null} if the server sent none
	 */
	public @Nullable String getDebug() {
		return this.error.debug();
	}

}
