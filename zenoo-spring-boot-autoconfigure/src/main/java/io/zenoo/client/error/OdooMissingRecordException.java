package io.zenoo.client.error;

/**
 * A record the call needs does not exist or has been deleted ({@code odoo.exceptions.MissingError}).
 */
public class OdooMissingRecordException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooMissingRecordException(OdooServerError error) {
		super(error);
	}

}
