package io.zenoo.client;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;

/**
 * Clients of the test server, as the tests need them.
 */
final class TestClients {

	private TestClients() {
	}

	static ZenooClientSettings adminSettings(OdooTestServer server) {
		return ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD));
	}

	static ZenooClient admin(OdooTestServer server) {
		return ZenooClient.create(adminSettings(server));
	}

	static ZenooClient admin(OdooTestServer server, ZenooCacheManager caches) {
		return ZenooClient.create(adminSettings(server), caches);
	}

}
