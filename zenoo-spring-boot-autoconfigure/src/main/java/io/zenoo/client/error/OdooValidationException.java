package io.zenoo.client.error;

/**
 * A constraint refused the values: a required field, a recursion, a unique constraint, a foreign key
 * ({@code odoo.exceptions.ValidationError}).
 */
public class OdooValidationException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooValidationException(OdooServerError error) {
		super(error);
	}

}
