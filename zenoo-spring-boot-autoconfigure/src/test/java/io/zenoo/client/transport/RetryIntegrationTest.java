package io.zenoo.client.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Retries against the server's "next N requests fail" faults: with 2 retries a read survives 2 gateway errors and
 * fails on the 3rd (the fault budget proves how many attempts were made); a write is tried exactly once.
 */
class RetryIntegrationTest {

	private static final String BAD_GATEWAY = "<html><body><h1>502 Bad Gateway</h1></body></html>";

	private static final OdooCall COUNT = OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()));

	private static OdooTestServer server;

	private OdooTransport transport;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private OdooTransport transport(OdooProtocol protocol) {
		OdooCredentials credentials = (protocol == OdooProtocol.JSON2)
				? OdooCredentials.apiKey("admin", server.createApiKey("admin")) : TransportTests.ADMIN;
		OdooTransport transport = OdooTransports.create(
				TransportTests.settings(server, protocol, credentials).withRetry(2, Duration.ofMillis(5)));
		StepVerifier.create(transport.uid()).expectNext(2L).verifyComplete();
		server.calls().clear();
		return transport;
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void readSurvivesAsManyGatewayErrorsAsRetries(OdooProtocol protocol) {
		try (OdooTransport transport = transport(protocol)) {
			server.faults().httpError(2, 502, "text/html", BAD_GATEWAY);

			StepVerifier.create(transport.execute(COUNT))
				.assertNext((count) -> assertThat(count.asLong()).isPositive())
				.verifyComplete();
			assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void readGivesUpAfterThreeAttemptsWithTheTypedError(OdooProtocol protocol) {
		try (OdooTransport transport = transport(protocol)) {
			server.faults().httpError(3, 502, "text/html", BAD_GATEWAY);

			Throwable error = catchThrowable(() -> transport.execute(COUNT).block());

			assertThat(error).isInstanceOfSatisfying(OdooHttpStatusException.class,
					(http) -> assertThat(http.getStatus()).isEqualTo(502));
			// exactly three attempts used the three faults: the next call goes through at once
			StepVerifier.create(transport.execute(COUNT))
				.assertNext((count) -> assertThat(count.asLong()).isPositive())
				.verifyComplete();
			assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void writesAreNeverRetried(OdooProtocol protocol) {
		try (OdooTransport transport = transport(protocol)) {
			OdooCall create = new OdooCall("res.partner", "create", null, List.of(),
					kwargs("vals_list", Map.of("name", "Zenoo retry probe")), Map.of(), false);
			server.faults().httpError(1, 502, "text/html", BAD_GATEWAY);

			Throwable error = catchThrowable(() -> transport.execute(create).block());

			assertThat(error).isInstanceOf(OdooHttpStatusException.class);
			assertThat(server.calls().count("res.partner", "create")).isZero();
			long probes = transport.execute(OdooCall.read("res.partner", "search_count",
					kwargs("domain", List.of(List.of("name", "=", "Zenoo retry probe"))))).block().asLong();
			assertThat(probes).isZero();
		}
	}

}
