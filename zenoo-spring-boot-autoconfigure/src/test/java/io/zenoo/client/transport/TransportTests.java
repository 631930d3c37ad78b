package io.zenoo.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.test.OdooTestServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings and checks shared by the transport tests against the in-process Odoo test server.
 */
final class TransportTests {

	static final OdooCredentials ADMIN = OdooCredentials.password("admin", "admin");

	static final String LIMITED_LOGIN = "rpc_limited";

	static final String LIMITED_PASSWORD = "limited";

	private TransportTests() {
	}

	static ZenooClientSettings settings(OdooTestServer server, OdooProtocol protocol, OdooCredentials credentials) {
		return new ZenooClientSettings(URI.create(server.url()), server.database(), credentials, protocol,
				Duration.ofSeconds(2), Duration.ofSeconds(5), 8, ZenooClientSettings.DEFAULT_MAX_RESPONSE_BYTES, 2,
				Duration.ofMillis(10));
	}

	/** The id of what {@code create} returned: an int over JSON-RPC, a list of one id over JSON-2. */
	static long createdId(JsonNode created) {
		if (created.isArray()) {
			assertThat(created.size()).isEqualTo(1);
			return created.get(0).asLong();
		}
		assertThat(created.isIntegralNumber()).as("create returns an id: %s", created).isTrue();
		return created.asLong();
	}

	/** Asserts the secret appears in no message, cause message or toString of the error and its causes. */
	static void assertNoSecret(Throwable error, String secret) {
		Throwable current = error;
		int depth = 0;
		while (current != null && depth++ < 20) {
			assertThat(String.valueOf(current.getMessage())).as("message of %s", current.getClass())
				.doesNotContain(secret);
			assertThat(current.toString()).doesNotContain(secret);
			for (Throwable suppressed : current.getSuppressed()) {
				assertThat(suppressed.toString()).doesNotContain(secret);
			}
			current = current.getCause();
		}
	}

	static Map<String, Object> kwargs(Object... keyValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
