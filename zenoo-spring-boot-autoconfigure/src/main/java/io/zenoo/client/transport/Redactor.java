package io.zenoo.client.transport;

/**
 * Removes the password or API key from any text that may end up in an exception message: server messages and
 * tracebacks, response excerpts, low-level error messages. Odoo should never echo a secret back, but a proxy error
 * page or a Python {@code TypeError} quoting an argument could.
 */
final class Redactor {

	static final String MASK = "******";

	private final String secret;

	Redactor(String secret) {
		this.secret = secret;
	}

	String apply(String text) {
		if (this.secret.isEmpty() || text.isEmpty() || !text.contains(this.secret)) {
			return text;
		}
		return text.replace(this.secret, MASK);
	}

}
