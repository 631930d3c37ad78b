package io.zenoo.client.transport;

import java.util.List;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcTransportTest extends TransportContractTests {

	@Override
	OdooProtocol protocol() {
		return OdooProtocol.JSON_RPC;
	}

	@Override
	OdooCredentials adminCredentials(OdooTestServer server) {
		return TransportTests.ADMIN;
	}

	@Override
	OdooCredentials limitedCredentials(OdooTestServer server) {
		return OdooCredentials.password(TransportTests.LIMITED_LOGIN, TransportTests.LIMITED_PASSWORD);
	}

	@Override
	OdooCredentials wrongCredentials(String secret) {
		return OdooCredentials.password("admin", secret);
	}

	@Test
	void apiKeyReplacesThePassword() {
		String key = server.createApiKey("admin");
		try (OdooTransport withKey = OdooTransports.create(
				TransportTests.settings(server, OdooProtocol.JSON_RPC, OdooCredentials.apiKey("admin", key)))) {
			StepVerifier.create(withKey.uid()).expectNext(2L).verifyComplete();
			StepVerifier
				.create(withKey.execute(OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()))))
				.assertNext((count) -> assertThat(count.asLong()).isPositive())
				.verifyComplete();
		}
	}

}
