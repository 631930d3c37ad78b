package io.zenoo.client.error;

/**
 * The method was called with arguments it does not accept: an unexpected keyword, a malformed domain, a wrong
 * value ({@code builtins.TypeError}, {@code builtins.ValueError}, HTTP 422 on JSON-2).
 */
public class OdooBadArgumentsException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooBadArgumentsException(OdooServerError error) {
		super(error);
	}

}
