package io.zenoo.client.transport;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The factory and what holds without a server: argument checks, secrets kept out of {@code toString()}, and a
 * refused connection on every protocol.
 */
class OdooTransportsTest {

	private static final String SECRET = "N0t-In-Any-Text-5521";

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void createsTheTransportOfTheProtocol(OdooProtocol protocol) throws IOException {
		try (OdooTransport transport = OdooTransports.create(settings(closedPort(), protocol))) {
			assertThat(transport.getClass().getSimpleName()).isEqualTo(switch (protocol) {
				case JSON_RPC -> "JsonRpcTransport";
				case SESSION -> "SessionTransport";
				case JSON2 -> "Json2Transport";
			});
			assertThat(transport.login()).isEqualTo("admin");
			assertThat(transport.database()).isEqualTo("demo");
			assertThat(transport.toString()).doesNotContain(SECRET);
			assertThat(transport.withCredentials(OdooCredentials.apiKey("other", "other-key")).login())
				.isEqualTo("other");
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void refusedConnectionIsATypedTransientError(OdooProtocol protocol) throws IOException {
		int port = closedPort();
		try (OdooTransport transport = OdooTransports.create(settings(port, protocol))) {
			StepVerifier.create(transport.version()).expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(OdooConnectionException.class);
				assertThat(((OdooConnectionException) error).isTransient()).isTrue();
				assertThat(error.getMessage()).contains("127.0.0.1:" + port);
				TransportTests.assertNoSecret(error, SECRET);
			}).verify(Duration.ofSeconds(10));
			StepVerifier
				.create(transport.execute(OdooCall.read("res.partner", "search_read", kwargs("domain", List.of()))))
				.expectErrorSatisfies((error) -> {
					assertThat(error).isInstanceOf(OdooConnectionException.class);
					assertThat(error.getMessage()).contains("127.0.0.1:" + port);
					TransportTests.assertNoSecret(error, SECRET);
				})
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void usesTheCallersBuilderWithoutChangingIt() throws IOException {
		AtomicInteger filtered = new AtomicInteger();
		WebClient.Builder builder = WebClient.builder().filter((request, next) -> {
			filtered.incrementAndGet();
			return next.exchange(request);
		});
		try (OdooTransport transport = OdooTransports.create(settings(closedPort(), OdooProtocol.JSON_RPC), builder)) {
			StepVerifier.create(transport.version()).expectError(OdooConnectionException.class).verify();
		}
		// the caller's filter saw the request and its one retry (connection refused is transient, version retried)
		assertThat(filtered).hasValue(2);
		// the caller's builder still builds a plain client of its own
		assertThat(builder.build()).isNotNull();
	}

	@Test
	void nullArgumentsAreRejectedWithAMessage() throws IOException {
		assertThatNullPointerException().isThrownBy(() -> OdooTransports.create(null))
			.withMessage("settings must not be null");
		ZenooClientSettings settings = settings(closedPort(), OdooProtocol.JSON_RPC);
		assertThatNullPointerException().isThrownBy(() -> OdooTransports.create(settings, null))
			.withMessage("webClientBuilder must not be null");
		try (OdooTransport transport = OdooTransports.create(settings)) {
			assertThatNullPointerException().isThrownBy(() -> transport.execute(null))
				.withMessage("call must not be null");
			assertThatNullPointerException().isThrownBy(() -> transport.withCredentials(null))
				.withMessage("credentials must not be null");
		}
	}

	@Test
	void argumentsThatCannotBeWrittenAsJsonAreATypedError() throws IOException {
		try (OdooTransport transport = OdooTransports.create(settings(closedPort(), OdooProtocol.JSON2))) {
			OdooCall call = OdooCall.read("res.partner", "search_read", kwargs("domain", new Exploding("x")));

			StepVerifier.create(transport.execute(call))
				.expectErrorSatisfies((error) -> assertThat(error)
					.isInstanceOf(io.zenoo.client.error.OdooInvalidCallException.class)
					.hasMessageContaining("res.partner.search_read"))
				.verify(Duration.ofSeconds(10));
		}
	}

	record Exploding(String value) {

		@Override
		public String value() {
			throw new IllegalStateException("cannot be read");
		}

	}

	private static ZenooClientSettings settings(int port, OdooProtocol protocol) {
		return ZenooClientSettings.of("http://127.0.0.1:" + port, "demo", OdooCredentials.apiKey("admin", SECRET))
			.withProtocol(protocol)
			.withRetry(1, Duration.ofMillis(1));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}


}
