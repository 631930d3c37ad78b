package io.zenoo.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;

/**
 * Clients of the Odoo test server for the fault suite: short timeouts, a small pool, quick retries, acting as admin
 * over any protocol (with an API key for JSON-2).
 */
final class OdooFaultClients {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	static final Duration READ_TIMEOUT = Duration.ofMillis(300);

	static final int RETRIES = 2;

	static final Duration BACKOFF = Duration.ofMillis(10);

	static final int MAX_CONNECTIONS = 8;

	private OdooFaultClients() {
	}

	static OdooCredentials admin(OdooTestServer server, OdooProtocol protocol) {
		return (protocol == OdooProtocol.JSON2)
				? OdooCredentials.apiKey(OdooTestUsers.ADMIN_LOGIN, server.createApiKey(OdooTestUsers.ADMIN_LOGIN))
				: OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD);
	}

	static ZenooClientSettings settings(String url, OdooProtocol protocol, OdooCredentials credentials) {
		return new ZenooClientSettings(URI.create(url), OdooTestServer.DATABASE, credentials, protocol, CONNECT_TIMEOUT,
				READ_TIMEOUT, MAX_CONNECTIONS, ZenooClientSettings.DEFAULT_MAX_RESPONSE_BYTES, RETRIES, BACKOFF);
	}

	static ZenooClientSettings settings(OdooTestServer server, OdooProtocol protocol) {
		return settings(server.url(), protocol, admin(server, protocol));
	}

	/** A client that has logged in already, so that the next request is the call itself. */
	static ZenooClient loggedIn(ZenooClientSettings settings) {
		ZenooClient client = ZenooClient.create(settings);
		// a cold first connection on a loaded machine may miss a short read timeout: that is not what is tested
		client.uid().retry(3).block(Duration.ofSeconds(10));
		return client;
	}

	/** A loopback port nothing listens on (bound, then released). */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
