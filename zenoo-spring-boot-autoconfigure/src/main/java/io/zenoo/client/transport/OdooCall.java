package io.zenoo.client.transport;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One call of a model method, independent of the wire protocol.
 * <p>
 * Standard methods are described with <em>named</em> arguments only ({@code kwargs}), plus {@code ids} for record
 * methods ({@code read}, {@code write}, {@code unlink}, ...), so that every protocol can send them: JSON-RPC and the
 * web session put {@code ids} as the first positional argument, JSON-2 sends them as the {@code ids} key.
 * Positional {@code args} exist for {@link io.zenoo.client.ZenooClient#call generic calls}; JSON-2 rejects them.
 *
 * @param model the model, for example {@code res.partner}
 * @param method the method, for example {@code search_read}
 * @param ids the record ids for record methods, or {@code null} for model methods
 * @param args positional arguments after {@code ids} (empty for standard methods)
 * @param kwargs named arguments, without {@code context}
 * @param context the Odoo context ({@code lang}, {@code tz}, {@code allowed_company_ids}, ...), may be empty
 * @param readOnly whether the call only reads, so a transport failure may be retried
 */
public record OdooCall(String model, String method, @Nullable List<Long> ids, List<?> args, Map<String, ?> kwargs,
		Map<String, ?> context, boolean readOnly) {

	public OdooCall {
		Objects.requireNonNull(model, "model must not be null");
		Objects.requireNonNull(method, "method must not be null");
		if (model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		if (method.isBlank()) {
			throw new IllegalArgumentException("method must not be blank");
		}
		ids = (ids != null) ? List.copyOf(ids) : null;
		args = (args != null) ? List.copyOf(args) : List.of();
		kwargs = (kwargs != null) ? Map.copyOf(kwargs) : Map.of();
		context = (context != null) ? Map.copyOf(context) : Map.of();
	}

	/**
	 * A read-only model method called with named arguments.
	 * @param model the model
	 * @param method the method
	 * @param kwargs its named arguments
	 * @return the call
	 */
	public static OdooCall read(String model, String method, Map<String, ?> kwargs) {
		return new OdooCall(model, method, null, List.of(), kwargs, Map.of(), true);
	}

	/**
	 * A copy with the given context.
	 * @param context the context
	 * @return the copy
	 */
	public OdooCall withContext(Map<String, ?> context) {
		return new OdooCall(this.model, this.method, this.ids, this.args, this.kwargs, context, this.readOnly);
	}

	@Override
	public String toString() {
		return this.model + "." + this.method;
	}

}
