package io.zenoo.client.error;

/**
 * The user may not do this: access rights or record rules refused the operation
 * ({@code odoo.exceptions.AccessError}, HTTP 403 on JSON-2).
 */
public class OdooAccessException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooAccessException(OdooServerError error) {
		super(error);
	}

}
