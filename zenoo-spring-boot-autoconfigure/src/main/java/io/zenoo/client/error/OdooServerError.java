package io.zenoo.client.error;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What Odoo reported about a failed call: the {@code error.data} object of a JSON-RPC error, or the body of a
 * JSON-2 error response, plus the call it answered.
 *
 * @param name Odoo's exception class, for example {@code odoo.exceptions.AccessError}
 * @param message Odoo's human message ({@code data.message})
 * @param arguments the exception's arguments ({@code data.arguments}), as text
 * @param debug the server traceback ({@code data.debug}), if sent; never shown in exception messages
 * @param model the model called, or {@code null} for a service call such as {@code common.authenticate}
 * @param method the method called, or {@code null} if unknown
 */
public record OdooServerError(String name, String message, List<String> arguments, @Nullable String debug,
		@Nullable String model, @Nullable String method) {

	public OdooServerError {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(message, "message must not be null");
		arguments = (arguments != null) ? List.copyOf(arguments) : List.of();
	}

	/**
	 * The call this error answers, for example {@code res.partner.write} or {@code common.authenticate}.
	 * @return the call, or an empty string if unknown
	 */
	public String target() {
		if (this.model != null && this.method != null) {
			return this.model + "." + this.method;
		}
		if (this.method != null) {
			return this.method;
		}
		return (this.model != null) ? this.model : "";
	}

	@Override
	public String toString() {
		return "OdooServerError[name=" + this.name + ", message=" + this.message + ", target=" + target() + "]";
	}

}
