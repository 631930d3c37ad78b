package io.zenoo.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error the Zenoo client signals. Its message never contains a password or an API key.
 * <p>
 * Two families extend it: errors Odoo reported ({@link OdooServerException} and its subtypes, dispatched on Odoo's
 * {@code error.data.name}) and failures to reach or understand Odoo ({@link OdooTransportException} and its subtypes).
 */
public abstract class OdooException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected OdooException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
