package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The response body is not valid JSON, or was cut short.
 */
public class OdooMalformedResponseException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the call
	 * @param cause the parser's failure, if any
	 */
	public OdooMalformedResponseException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
