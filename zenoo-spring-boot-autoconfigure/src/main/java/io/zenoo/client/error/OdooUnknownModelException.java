package io.zenoo.client.error;

/**
 * The model does not exist on the server (not installed, or misspelt).
 */
public class OdooUnknownModelException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooUnknownModelException(OdooServerError error) {
		super(error);
	}

}
