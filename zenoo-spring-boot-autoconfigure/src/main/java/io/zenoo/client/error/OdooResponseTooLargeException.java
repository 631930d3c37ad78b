package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The response body is larger than the configured limit ({@code zenoo.odoo.max-response-size}). Usually a
 * {@code search_read} without {@code fields} (images included) or without {@code limit}.
 */
public class OdooResponseTooLargeException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	private final long limit;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the call
	 * @param limit the limit in bytes
	 * @param cause the underlying failure, if any
	 */
	public OdooResponseTooLargeException(String message, long limit, @Nullable Throwable cause) {
		super(message, cause);
		this.limit = limit;
	}

	/**
	 * The limit that was exceeded.
	 * @return the largest body accepted, in bytes
	 */
	public long getLimit() {
		return this.limit;
	}

}
