package io.zenoo.client.transport;

import java.util.List;
import java.util.Map;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.error.OdooInvalidCallException;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class Json2TransportTest extends TransportContractTests {

	@Override
	OdooProtocol protocol() {
		return OdooProtocol.JSON2;
	}

	@Override
	OdooCredentials adminCredentials(OdooTestServer server) {
		return OdooCredentials.apiKey("admin", server.createApiKey("admin"));
	}

	@Override
	OdooCredentials limitedCredentials(OdooTestServer server) {
		return OdooCredentials.apiKey(TransportTests.LIMITED_LOGIN, server.createApiKey(TransportTests.LIMITED_LOGIN));
	}

	@Override
	OdooCredentials wrongCredentials(String secret) {
		return OdooCredentials.apiKey("admin", secret);
	}

	@Test
	void positionalArgumentsAreRefusedBeforeAnythingIsSent() {
		OdooCall call = new OdooCall("res.partner", "search", null, List.of(List.of()), Map.of(), Map.of(), true);

		StepVerifier.create(this.transport.execute(call))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OdooInvalidCallException.class)
				.hasMessageContaining("named arguments only")
				.hasMessageContaining("res.partner.search"))
			.verify();
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void aPasswordIsRefusedBySettings() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> TransportTests.settings(server, OdooProtocol.JSON2, TransportTests.ADMIN))
			.withMessageContaining("API key");
	}

}
