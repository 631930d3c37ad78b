package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection to Odoo was refused, reset, or closed before a complete response arrived.
 */
public class OdooConnectionException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the call
	 * @param cause the underlying failure, if any
	 */
	public OdooConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
