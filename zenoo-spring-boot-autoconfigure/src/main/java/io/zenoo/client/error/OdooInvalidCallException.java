package io.zenoo.client.error;

/**
 * The call cannot be sent over the chosen protocol as described, for example positional arguments over JSON-2,
 * which accepts named arguments only. Nothing was sent to the server.
 */
public class OdooInvalidCallException extends OdooException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong with the call and how to fix it
	 */
	public OdooInvalidCallException(String message) {
		super(message, null);
	}

}
