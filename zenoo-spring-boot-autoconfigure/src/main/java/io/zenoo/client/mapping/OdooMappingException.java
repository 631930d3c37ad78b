package io.zenoo.client.mapping;

import io.zenoo.client.error.OdooException;
import org.jspecify.annotations.Nullable;

/**
 * A Java value cannot be converted for Odoo, or an Odoo value cannot be converted to the Java type that asked for it.
 * The message names the class, component, model and field involved and the expected and actual types; it never
 * contains the value itself.
 */
public class OdooMappingException extends OdooException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what cannot be mapped and why
	 */
	public OdooMappingException(String message) {
		super(message, null);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what cannot be mapped and why
	 * @param cause the underlying failure, or {@code null}
	 */
	public OdooMappingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
