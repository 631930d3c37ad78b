package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Odoo could not be reached, or its answer could not be understood. Subtypes say what went wrong; this class itself
 * is used for failures that fit none of them.
 * <p>
 * {@link #isTransient()} tells whether trying again may succeed (timeouts, refused or dropped connections, HTTP
 * 502/503/504); the client retries only read-only calls, and only on transient failures.
 */
public class OdooTransportException extends OdooException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the call; must not contain secrets
	 * @param cause the underlying failure, if any
	 */
	public OdooTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether the same request may succeed if sent again.
	 * @return {@code true} for transient failures
	 */
	public boolean isTransient() {
		return false;
	}

}
