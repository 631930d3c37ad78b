package io.zenoo.client.error;

/**
 * Any other error Odoo reported (a database error such as {@code psycopg2.OperationalError}, an unexpected
 * Python exception, ...). {@link #getName()} tells which.
 */
public class OdooGenericServerException extends OdooServerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param error what Odoo reported
	 */
	public OdooGenericServerException(OdooServerError error) {
		super(error);
	}

}
