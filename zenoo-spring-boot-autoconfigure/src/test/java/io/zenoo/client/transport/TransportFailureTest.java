package io.zenoo.client.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooConnectionException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooMalformedResponseException;
import io.zenoo.client.error.OdooResponseTooLargeException;
import io.zenoo.client.error.OdooTimeoutException;
import io.zenoo.client.error.OdooTransportException;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Transport failures, produced by the test server's fault injection, on every protocol (a refused connection is
 * in {@link OdooTransportsTest}). The
 * transports act with an API key, a distinctive secret that must appear in no error text.
 */
class TransportFailureTest {

	private static final OdooCall COUNT = OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()));

	private static OdooTestServer server;

	private OdooCredentials credentials;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void reset() {
		this.credentials = OdooCredentials.apiKey("admin", server.createApiKey("admin"));
	}

	private ZenooClientSettings settings(OdooProtocol protocol) {
		return TransportTests.settings(server, protocol, this.credentials).withRetry(0, Duration.ZERO);
	}

	/** A transport already authenticated, so that the next request is the call itself. */
	private OdooTransport authenticated(ZenooClientSettings settings) {
		OdooTransport transport = OdooTransports.create(settings);
		StepVerifier.create(transport.uid()).expectNext(2L).verifyComplete();
		server.calls().clear();
		return transport;
	}

	private <T extends OdooTransportException> T failure(OdooTransport transport, Class<T> type) {
		Throwable error = catchThrowable(() -> transport.execute(COUNT).block());
		assertThat(error).isInstanceOf(type);
		assertThat(error.getMessage()).contains("res.partner.search_count");
		TransportTests.assertNoSecret(error, this.credentials.secret());
		return type.cast(error);
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void readTimeout(OdooProtocol protocol) {
		ZenooClientSettings settings = settings(protocol).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
		try (OdooTransport transport = authenticated(settings)) {
			server.faults().latency(Duration.ofSeconds(3));

			OdooTimeoutException error = failure(transport, OdooTimeoutException.class);

			assertThat(error.isTransient()).isTrue();
			assertThat(error.getMessage()).contains("300 ms");
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void htmlBadGatewayKeepsStatusAndExcerpt(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol))) {
			server.faults().httpError(1, 502, "text/html",
					"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");

			OdooHttpStatusException error = failure(transport, OdooHttpStatusException.class);

			assertThat(error.getStatus()).isEqualTo(502);
			assertThat(error.getBodyExcerpt()).contains("502 Bad Gateway");
			assertThat(error.isTransient()).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void truncatedJson(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol))) {
			server.faults().rawBody(1, "application/json",
					"{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 1, \"name\": \"Your".getBytes(
							StandardCharsets.UTF_8));

			failure(transport, OdooMalformedResponseException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void htmlWhereJsonWasExpected(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol))) {
			server.faults().rawBody(1, "text/html", "<html><body>Maintenance</body></html>".getBytes(
					StandardCharsets.UTF_8));

			failure(transport, OdooMalformedResponseException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(value = OdooProtocol.class, names = { "JSON_RPC", "SESSION" })
	void validJsonThatIsNotAJsonRpcResponse(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol))) {
			server.faults().rawBody(1, "application/json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
			failure(transport, OdooUnexpectedResponseException.class);

			server.faults().rawBody(1, "application/json", "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8));
			failure(transport, OdooUnexpectedResponseException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void oversizeBody(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol).withMaxResponseBytes(4096))) {
			StringBuilder huge = new StringBuilder("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [");
			for (int i = 0; i < 2000; i++) {
				huge.append(i).append(", ");
			}
			huge.append("0]}");
			server.faults().rawBody(1, "application/json", huge.toString().getBytes(StandardCharsets.UTF_8));

			OdooResponseTooLargeException error = failure(transport, OdooResponseTooLargeException.class);

			assertThat(error.getLimit()).isEqualTo(4096);
			// a real response over the limit, too
			Throwable real = catchThrowable(() -> transport.execute(OdooCall.read("res.partner", "search_read",
					kwargs("domain", List.of(), "fields", List.of("name", "email", "street", "city")))).block());
			assertThat(real).isInstanceOf(OdooResponseTooLargeException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void droppedConnection(OdooProtocol protocol) {
		try (OdooTransport transport = authenticated(settings(protocol))) {
			server.faults().dropConnection(1);

			OdooConnectionException error = failure(transport, OdooConnectionException.class);

			assertThat(error.isTransient()).isTrue();
			StepVerifier.create(transport.execute(COUNT))
				.assertNext((count) -> assertThat(count.asLong()).isPositive())
				.verifyComplete();
		}
	}

}
