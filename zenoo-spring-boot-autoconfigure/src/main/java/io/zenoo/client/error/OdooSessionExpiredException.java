package io.zenoo.client.error;

/**
 * The web session is no longer valid ({@code odoo.http.SessionExpiredException}). The session transport
 * re-authenticates and replays the call once before letting this through.
 */
public class OdooSessionExpiredException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooSessionExpiredException(OdooServerError error) {
		super(error);
	}

}
