package io.zenoo.client.error;

/**
 * A field named in the domain, in {@code fields} or in the values does not exist on the model.
 */
public class OdooUnknownFieldException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooUnknownFieldException(OdooServerError error) {
		super(error);
	}

}
