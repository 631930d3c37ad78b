package io.zenoo.client.transport;

import java.util.List;

import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooAuthenticationException;
import io.zenoo.client.error.OdooServerError;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the uid out of an authentication answer: an integer, or {@code false} for refused credentials.
 */
final class Authentication {

	static final String ACCESS_DENIED = "odoo.exceptions.AccessDenied";

	private Authentication() {
	}

	static long uid(JsonNode uid, Target target, ZenooClientSettings settings, String server) {
		if (uid.isIntegralNumber() && uid.canConvertToLong() && uid.asLong() > 0) {
			return uid.asLong();
		}
		if (uid.isBoolean() || uid.isNull()) {
			throw refused(target, settings);
		}
		throw new OdooUnexpectedResponseException("Odoo at " + server + " answered " + target
				+ " with something that is not a user id");
	}

	static OdooAuthenticationException refused(Target target, ZenooClientSettings settings) {
		String message = "Access Denied: Odoo refused the " + (settings.credentials().apiKey() ? "API key" : "password")
				+ " of login '" + settings.credentials().login() + "' on database '" + settings.database() + "'";
		return new OdooAuthenticationException(
				new OdooServerError(ACCESS_DENIED, message, List.of(), null, target.model(), target.method()));
	}

}
