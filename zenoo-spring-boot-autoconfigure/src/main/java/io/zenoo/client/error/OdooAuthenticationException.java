package io.zenoo.client.error;

/**
 * Odoo refused the credentials: a wrong login, password or API key ({@code odoo.exceptions.AccessDenied},
 * {@code common.authenticate} answering {@code false}, or HTTP 401 on JSON-2).
 */
public class OdooAuthenticationException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooAuthenticationException(OdooServerError error) {
		super(error);
	}

}
