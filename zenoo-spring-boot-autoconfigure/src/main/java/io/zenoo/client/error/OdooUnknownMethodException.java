package io.zenoo.client.error;

/**
 * The method does not exist on the model, or is private (its name starts with an underscore) and so cannot be
 * called remotely.
 */
public class OdooUnknownMethodException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooUnknownMethodException(OdooServerError error) {
		super(error);
	}

}
