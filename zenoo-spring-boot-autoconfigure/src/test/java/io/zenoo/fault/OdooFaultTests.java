package io.zenoo.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooConnectionException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooMalformedResponseException;
import io.zenoo.client.error.OdooResponseTooLargeException;
import io.zenoo.client.error.OdooTimeoutException;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Odoo misbehaving, on every protocol: slow (the whole response late, or a body trickling in), down (connection
 * refused), a proxy's HTML 502 page, malformed and truncated JSON, and 50 MB bodies. Each ends in a typed
 * {@link io.zenoo.client.error.OdooException} within the configured time; reads are retried as documented
 * ({@code zenoo.odoo.retry.attempts} times), writes never.
 */
@Tag("fault")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OdooFaultTests {

	/** Scheduling noise on a loaded 2-core machine; the bounds below add it once per test. */
	private static final long MARGIN_MS = 700;

	private static final String BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body>"
			+ "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

	private static final int FIFTY_MB = 50 * 1024 * 1024;

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	/** The longest a read may take when every attempt times out: each attempt, the back-offs and the margin. */
	private static long readBoundMillis() {
		long attempts = OdooFaultClients.RETRIES + 1;
		long backoffs = 0;
		for (int i = 0; i < OdooFaultClients.RETRIES; i++) {
			backoffs += (long) (OdooFaultClients.BACKOFF.toMillis() * Math.pow(2, i) * 1.5);
		}
		return attempts * OdooFaultClients.READ_TIMEOUT.toMillis() + backoffs + MARGIN_MS;
	}

	private static Throwable failureOf(Runnable call) {
		return catchThrowable(call::run);
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void slowReadTimesOutWithinTheReadTimeoutOfEachAttemptAndIsRetried(OdooProtocol protocol) {
		try (ZenooClient client = OdooFaultClients.loggedIn(OdooFaultClients.settings(server, protocol))) {
			server.calls().clear();
			server.faults().latency(Duration.ofSeconds(2));
			long start = System.nanoTime();

			Throwable error = failureOf(() -> client.model("res.partner").count().block());

			long elapsed = OdooFaultClients.millisSince(start);
			int attempts = server.calls().count("res.partner", "search_count");
			System.out.printf("[fault] odoo slow read (%s): %s after %d attempts in %d ms (bound %d ms)%n", protocol,
					simpleName(error), attempts, elapsed, readBoundMillis());
			assertThat(error).isInstanceOf(OdooTimeoutException.class);
			assertThat(error.getMessage()).contains(OdooFaultClients.READ_TIMEOUT.toMillis() + " ms");
			assertThat(attempts).isEqualTo(OdooFaultClients.RETRIES + 1);
			assertThat(elapsed).isGreaterThanOrEqualTo(attempts * OdooFaultClients.READ_TIMEOUT.toMillis())
				.isLessThan(readBoundMillis());
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void slowWriteTimesOutOnceAndIsNeverRetried(OdooProtocol protocol) {
		try (ZenooClient client = OdooFaultClients.loggedIn(OdooFaultClients.settings(server, protocol))) {
			server.calls().clear();
			server.faults().latency(Duration.ofSeconds(2));
			long start = System.nanoTime();

			Throwable error = failureOf(() -> client.model("res.partner").create(Map.of("name", "Slow write")).block());

			long elapsed = OdooFaultClients.millisSince(start);
			int attempts = server.calls().count("res.partner", "create");
			long bound = OdooFaultClients.READ_TIMEOUT.toMillis() + MARGIN_MS;
			System.out.printf("[fault] odoo slow write (%s): %s after %d attempt(s) in %d ms (bound %d ms)%n",
					protocol, simpleName(error), attempts, elapsed, bound);
			assertThat(error).isInstanceOf(OdooTimeoutException.class);
			assertThat(attempts).isEqualTo(1);
			assertThat(elapsed).isLessThan(bound);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void bodyTricklingInPastTheReadTimeoutTimesOut(OdooProtocol protocol) {
		try (ZenooClient client = OdooFaultClients.loggedIn(OdooFaultClients.settings(server, protocol))) {
			server.calls().clear();
			// every pause is shorter than the read timeout, the whole body takes several times longer
			server.faults().trickle(OdooFaultClients.RETRIES + 1, 16, Duration.ofMillis(100));
			long start = System.nanoTime();

			Throwable error = failureOf(() -> client.model("res.partner").fields("name", "email").limit(10).all()
				.block());

			long elapsed = OdooFaultClients.millisSince(start);
			int attempts = server.calls().count("res.partner", "search_read");
			System.out.printf("[fault] odoo trickling body (%s): %s after %d attempts in %d ms (bound %d ms)%n",
					protocol, simpleName(error), attempts, elapsed, readBoundMillis());
			assertThat(error).isInstanceOf(OdooTimeoutException.class);
			assertThat(attempts).isEqualTo(OdooFaultClients.RETRIES + 1);
			assertThat(elapsed).isLessThan(readBoundMillis());
			// the faults are used up: the next read is answered normally
			assertThat(client.model("res.partner").fields("name").limit(3).all().block()).hasSize(3);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void odooDownFailsFastWithAConnectionError(OdooProtocol protocol) {
		String url = "http://127.0.0.1:" + OdooFaultClients.closedPort();
		ZenooClientSettings settings = OdooFaultClients.settings(url, protocol, OdooFaultClients.admin(server,
				protocol));
		try (ZenooClient client = ZenooClient.create(settings)) {
			long start = System.nanoTime();
			Throwable login = failureOf(() -> client.uid().block());
			long loginMillis = OdooFaultClients.millisSince(start);
			start = System.nanoTime();
			Throwable read = failureOf(() -> client.model("res.partner").count().block());
			long readMillis = OdooFaultClients.millisSince(start);
			start = System.nanoTime();
			Throwable version = failureOf(() -> client.refreshVersion().block());
			long versionMillis = OdooFaultClients.millisSince(start);

			System.out.printf("[fault] odoo down (%s): login %s in %d ms, read %s in %d ms, version %s in %d ms%n",
					protocol, simpleName(login), loginMillis, simpleName(read), readMillis, simpleName(version),
					versionMillis);
			long bound = OdooFaultClients.CONNECT_TIMEOUT.toMillis();
			for (Throwable error : List.of(login, read, version)) {
				assertThat(error).isInstanceOf(OdooConnectionException.class);
				assertThat(((OdooConnectionException) error).isTransient()).isTrue();
				assertThat(error.getMessage()).contains(url);
			}
			// refused is immediate: far below the connect timeout even with the retries
			assertThat(List.of(loginMillis, readMillis, versionMillis)).allSatisfy((millis) -> assertThat(millis)
				.isLessThan(bound));
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void htmlBadGatewayPagesAreRetriedForReadsOnlyThenReportedWithTheirStatus(OdooProtocol protocol) {
		try (ZenooClient client = OdooFaultClients.loggedIn(OdooFaultClients.settings(server, protocol))) {
			server.faults().httpError(OdooFaultClients.RETRIES + 1, 502, "text/html", BAD_GATEWAY);
			Throwable read = failureOf(() -> client.model("res.partner").count().block());
			assertThat(read).isInstanceOfSatisfying(OdooHttpStatusException.class, (http) -> {
				assertThat(http.getStatus()).isEqualTo(502);
				assertThat(http.getBodyExcerpt()).contains("502 Bad Gateway");
			});

			server.calls().clear();
			server.faults().httpError(1, 502, "text/html", BAD_GATEWAY);
			Throwable write = failureOf(() -> client.model("res.partner").create(Map.of("name", "Behind a proxy"))
				.block());
			assertThat(write).isInstanceOf(OdooHttpStatusException.class);
			// the write was tried once: had it been retried, it would have reached Odoo and created the partner
			assertThat(server.calls().count("res.partner", "create")).isZero();
			assertThat(client.model("res.partner").count().block()).isPositive();
			System.out.printf("[fault] odoo HTML 502 (%s): read %s after %d attempts, write %s after 1%n", protocol,
					simpleName(read), OdooFaultClients.RETRIES + 1, simpleName(write));
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void malformedAndTruncatedJsonAreMalformedResponses(OdooProtocol protocol) {
		String envelope = (protocol == OdooProtocol.JSON2) ? ""
				: "{\"jsonrpc\": \"2.0\", \"id\": 7, \"result\": ";
		List<String> bodies = List.of(envelope + "[{\"id\": 1, \"name\": \"Your Comp", envelope + "[{\"id\": 1,,}]}",
				envelope + "[{\"id\": 1 \"name\": \"x\"}]}", "<html><body>Maintenance</body></html>", "{\"jsonrpc\"",
				"\u0000\u0001garbage", envelope + "[{\"id\": 1, \"name\": \"\\uZZZZ\"}]}");
		try (ZenooClient client = OdooFaultClients.loggedIn(OdooFaultClients.settings(server, protocol))) {
			for (String body : bodies) {
				server.faults().rawBody(1, "application/json", body.getBytes(StandardCharsets.UTF_8));
				long start = System.nanoTime();
				Throwable error = failureOf(() -> client.model("res.partner").fields("name").all().block());
				long elapsed = OdooFaultClients.millisSince(start);
				assertThat(error).as("answer %s", body).isInstanceOf(OdooMalformedResponseException.class);
				assertThat(elapsed).isLessThan(readBoundMillis());
			}
			server.faults().rawBody(1, "application/json", new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3,
					(byte) 0x28, '"', '}' });
			assertThat(failureOf(() -> client.model("res.partner").fields("name").all().block()))
				.as("invalid UTF-8").isInstanceOf(OdooMalformedResponseException.class);
			System.out.printf("[fault] odoo malformed JSON (%s): %d bodies, each an OdooMalformedResponseException%n",
					protocol, bodies.size() + 1);
		}
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void fiftyMegabytesAboveTheLimitFailFastWithoutReadingThem(OdooProtocol protocol) {
		ZenooClientSettings settings = OdooFaultClients.settings(server, protocol).withMaxResponseBytes(1024 * 1024);
		try (ZenooClient client = OdooFaultClients.loggedIn(settings)) {
			server.faults().rawBody(1, "application/json", fiftyMegabyteRows(protocol));
			long start = System.nanoTime();

			Throwable error = failureOf(() -> client.model("res.partner").fields("name", "image_1920").all().block());

			long elapsed = OdooFaultClients.millisSince(start);
			System.out.printf("[fault] odoo 50 MB body over a 1 MB limit (%s): %s in %d ms%n", protocol,
					simpleName(error), elapsed);
			assertThat(error).isInstanceOfSatisfying(OdooResponseTooLargeException.class,
					(tooLarge) -> {
						assertThat(tooLarge.getLimit()).isEqualTo(1024 * 1024);
						assertThat(tooLarge.getMessage()).contains("zenoo.odoo.max-response-size");
					});
			assertThat(elapsed).isLessThan(readBoundMillis());
			assertThat(client.model("res.partner").fields("name").limit(2).all().block()).hasSize(2);
		}
	}

	/**
	 * A 50 MB answer under the default 64 MB limit is read: one partner whose image is 50 MB of base64, the shape a
	 * binary field gives (a tree of millions of small values would measure Jackson, not the client). The read timeout
	 * is raised to let 50 MB through a loaded machine.
	 */
	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void fiftyMegabytesUnderTheLimitAreRead(OdooProtocol protocol) {
		ZenooClientSettings settings = OdooFaultClients.settings(server, protocol)
			.withTimeouts(OdooFaultClients.CONNECT_TIMEOUT, Duration.ofSeconds(20));
		assertThat(settings.maxResponseBytes()).isGreaterThan(FIFTY_MB + 1024);
		try (ZenooClient client = OdooFaultClients.loggedIn(settings)) {
			server.faults().rawBody(1, "application/json", fiftyMegabyteRows(protocol));
			Runtime runtime = Runtime.getRuntime();
			long start = System.nanoTime();

			List<Map<String, Object>> rows = client.model("res.partner").fields("name", "image_1920").all().block();

			long elapsed = OdooFaultClients.millisSince(start);
			long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
			System.out.printf("[fault] odoo 50 MB body under the limit (%s): read in %d ms, heap in use %d MB of "
					+ "max %d MB%n", protocol, elapsed, usedMb, runtime.maxMemory() / (1024 * 1024));
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0)).containsEntry("name", "Large image");
			assertThat((String) rows.get(0).get("image_1920")).hasSize(FIFTY_MB).startsWith("AAAA");
		}
	}

	private static byte[] fiftyMegabyteRows(OdooProtocol protocol) {
		String head = ((protocol == OdooProtocol.JSON2) ? "" : "{\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": ")
				+ "[{\"id\": 7, \"name\": \"Large image\", \"image_1920\": \"";
		String tail = "\"}]" + ((protocol == OdooProtocol.JSON2) ? "" : "}");
		byte[] body = new byte[head.length() + FIFTY_MB + tail.length()];
		System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
		Arrays.fill(body, head.length(), head.length() + FIFTY_MB, (byte) 'A');
		System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, body, head.length() + FIFTY_MB, tail.length());
		return body;
	}

	private static String simpleName(Throwable error) {
		return (error != null) ? error.getClass().getSimpleName() : "no error";
	}

}
