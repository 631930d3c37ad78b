package io.zenoo.client.error;

/**
 * Odoo (or a proxy in front of it) answered with an HTTP error status and a body that is not an Odoo error, for
 * example an HTML 502 page from a reverse proxy or Odoo's plain-text 400 for a malformed request.
 */
public class OdooHttpStatusException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String bodyExcerpt;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the call
	 * @param status the HTTP status
	 * @param bodyExcerpt the start of the response body, shortened
	 */
	public OdooHttpStatusException(String message, int status, String bodyExcerpt) {
		super(message, null);
		this.status = status;
		this.bodyExcerpt = bodyExcerpt;
	}

	/**
	 * The HTTP status.
	 * @return the status, for example 502
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The start of the response body.
	 * @return a short excerpt, possibly empty
	 */
	public String getBodyExcerpt() {
		return this.bodyExcerpt;
	}

	/**
	 * Gateway errors (502, 503, 504) are transient: the server behind the proxy may be back soon.
	 */
	@Override
	public boolean isTransient() {
		return this.status == 502 || this.status == 503 || this.status == 504;
	}

}
