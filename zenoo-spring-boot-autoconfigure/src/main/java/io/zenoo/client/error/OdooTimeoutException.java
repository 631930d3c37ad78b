package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No connection could be opened within the connect timeout, or no response arrived within the read timeout.
 */
public class OdooTimeoutException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what timed out, naming the call
	 * @param cause the underlying failure, if any
	 */
	public OdooTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
