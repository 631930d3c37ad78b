package io.zenoo.client.error;

/**
 * A business rule refused the operation, with a message meant for the user ({@code odoo.exceptions.UserError}).
 */
public class OdooUserException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooUserException(OdooServerError error) {
		super(error);
	}

}
