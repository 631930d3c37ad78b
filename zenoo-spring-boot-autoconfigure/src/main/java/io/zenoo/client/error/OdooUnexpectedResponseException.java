package io.zenoo.client.error;

/**
 * The response is valid JSON but not in the shape the protocol defines, for example a JSON array where a JSON-RPC
 * envelope was expected.
 */
public class OdooUnexpectedResponseException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what was expected and what came, naming the call
	 */
	public OdooUnexpectedResponseException(String message) {
		super(message, null);
	}

}
