package io.zenoo.client;

import java.util.Objects;

/**
 * Who the client acts as: a login and its secret, which is either a password or an API key.
 * <p>
 * {@link #toString()} never shows the secret, so credentials can be logged or appear in exception messages safely.
 *
 * @param login the user's login, for example {@code admin}
 * @param secret the password or API key
 * @param apiKey whether {@code secret} is an API key (required by {@link OdooProtocol#JSON2})
 */
public record OdooCredentials(String login, String secret, boolean apiKey) {

	public OdooCredentials {
		Objects.requireNonNull(login, "login must not be null");
		Objects.requireNonNull(secret, "secret must not be null");
		if (login.isBlank()) {
			throw new IllegalArgumentException("login must not be blank");
		}
	}

	/**
	 * Credentials made of a login and its password.
	 * @param login the login
	 * @param password the password
	 * @return the credentials
	 */
	public static OdooCredentials password(String login, String password) {
		return new OdooCredentials(login, password, false);
	}

	/**
	 * Credentials made of a login and an API key (Odoo 14+).
	 * @param login the login
	 * @param apiKey the API key
	 * @return the credentials
	 */
	public static OdooCredentials apiKey(String login, String apiKey) {
		return new OdooCredentials(login, apiKey, true);
	}

	@Override
	public String toString() {
		return "OdooCredentials[login=" + this.login + ", " + (this.apiKey ? "apiKey" : "password") + "=******]";
	}

}
