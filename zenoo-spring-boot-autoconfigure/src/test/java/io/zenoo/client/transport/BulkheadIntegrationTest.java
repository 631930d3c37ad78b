package io.zenoo.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zenoo.client.BatchSettings;
import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooBulkheadFullException;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulkhead against the test server slowed down: the server never sees more requests at once than the limit,
 * refused requests fail with {@link OdooBulkheadFullException}, cancelled requests give their places back, and a
 * retried read gives its place up while it backs off.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkheadIntegrationTest {

	private static final OdooCall COUNT = OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()));

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	/** Settings with a connection pool larger than any limit here, so that only the bulkhead limits. */
	private static ZenooClientSettings settings(BulkheadSettings bulkhead) {
		return new ZenooClientSettings(URI.create(server.url()), server.database(), TransportTests.ADMIN,
				OdooProtocol.JSON_RPC, Duration.ofSeconds(2), Duration.ofSeconds(10), 64,
				ZenooClientSettings.DEFAULT_MAX_RESPONSE_BYTES, 2, Duration.ofMillis(10), BatchSettings.OFF, bulkhead);
	}

	/** A transport already logged in (so that the login does not take a place during the test). */
	private static OdooTransport transport(BulkheadSettings bulkhead) {
		OdooTransport transport = OdooTransports.create(settings(bulkhead));
		StepVerifier.create(transport.uid()).expectNext(2L).verifyComplete();
		server.clearMaxRequestsInFlight();
		return transport;
	}

	@Test
	void twoHundredConcurrentCallsWithALimitOfTenNeverHaveMoreThanTenAtTheServer() {
		try (OdooTransport transport = transport(new BulkheadSettings(10, 1000, Duration.ofSeconds(30)))) {
			server.faults().latency(Duration.ofMillis(50));
			long start = System.nanoTime();
			List<JsonNode> results = burst(transport, 200);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

			assertThat(results).hasSize(200).allSatisfy((count) -> assertThat(count.asLong()).isPositive());
			assertThat(server.maxRequestsInFlight()).isBetween(1, 10);
			assertThat(transport.bulkhead().rejected()).isZero();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> transport.bulkhead().inFlight() == 0 && server.requestsInFlight() == 0);
			System.out.printf("bulkhead: 200 calls, limit 10, 50 ms latency: %d ms, at most %d at the server%n", millis,
					server.maxRequestsInFlight());
		}
	}

	@Test
	void withoutTheLimitTheSameBurstReachesTheServerWithMoreThanTenAtOnce() {
		try (OdooTransport transport = transport(BulkheadSettings.UNLIMITED)) {
			server.faults().latency(Duration.ofMillis(50));
			assertThat(burst(transport, 200)).hasSize(200);
			assertThat(server.maxRequestsInFlight()).isGreaterThan(10);
		}
	}

	private static List<JsonNode> burst(OdooTransport transport, int calls) {
		return Flux.range(0, calls)
			.flatMap((i) -> transport.execute(COUNT), calls)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	@Test
	void callsThatFindTheQueueFullFailTypedAtOnce() {
		try (OdooTransport transport = transport(new BulkheadSettings(5, 5, Duration.ofSeconds(30)))) {
			// long enough for all 30 calls to be subscribed (which takes or refuses their places) before one ends
			server.faults().latency(Duration.ofMillis(1500));
			List<Object> outcomes = Flux.range(0, 30)
				.flatMap((i) -> transport.execute(COUNT).<Object>map((count) -> count)
					.onErrorResume(OdooBulkheadFullException.class, Mono::just), 30)
				.collectList()
				.block(Duration.ofSeconds(30));

			List<OdooBulkheadFullException> refused = outcomes.stream()
				.filter(OdooBulkheadFullException.class::isInstance)
				.map(OdooBulkheadFullException.class::cast)
				.toList();
			assertThat(outcomes).hasSize(30);
			assertThat(refused).hasSize(20).allSatisfy((ex) -> {
				assertThat(ex.isTimedOut()).isFalse();
				assertThat(ex.isTransient()).isFalse();
				assertThat(ex.getMessage()).contains("res.partner.search_count")
					.contains("zenoo.odoo.max-concurrent-requests")
					.contains("zenoo.odoo.max-queued-requests")
					.contains(server.url());
			});
			assertThat(transport.bulkhead().rejected()).isEqualTo(20);
			assertThat(server.maxRequestsInFlight()).isBetween(1, 5);
			assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(10);
		}
	}

	@Test
	void callsThatWaitLongerThanTheQueueTimeoutFailTyped() {
		try (OdooTransport transport = transport(new BulkheadSettings(2, 100, Duration.ofMillis(150)))) {
			server.faults().latency(Duration.ofMillis(800));
			List<Object> outcomes = Flux.range(0, 10)
				.flatMap((i) -> transport.execute(COUNT).<Object>map((count) -> count)
					.onErrorResume(OdooBulkheadFullException.class, Mono::just), 10)
				.collectList()
				.block(Duration.ofSeconds(30));

			List<OdooBulkheadFullException> refused = outcomes.stream()
				.filter(OdooBulkheadFullException.class::isInstance)
				.map(OdooBulkheadFullException.class::cast)
				.toList();
			assertThat(refused).hasSize(8)
				.allSatisfy((ex) -> assertThat(ex.isTimedOut()).isTrue())
				.allSatisfy((ex) -> assertThat(ex.getMessage()).contains("zenoo.odoo.queue-timeout").contains("150ms"));
			assertThat(transport.bulkhead().rejected()).isEqualTo(8);
			assertThat(transport.bulkhead().queued()).isZero();
		}
	}

	@Test
	void aThousandCancelledCallsWaitingOrInFlightGiveEveryPlaceBack() {
		try (OdooTransport transport = transport(new BulkheadSettings(10, 2000, Duration.ofSeconds(30)))) {
			server.faults().latency(Duration.ofSeconds(5));
			OdooBulkhead bulkhead = transport.bulkhead();
			List<Disposable> calls = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				calls.add(transport.execute(COUNT).subscribe());
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> server.requestsInFlight() == 10);
			assertThat(bulkhead.inFlight()).isEqualTo(10);
			assertThat(bulkhead.queued()).isEqualTo(990);

			// cancel in an order that mixes waiting calls and calls in flight
			for (int i = 999; i >= 0; i -= 2) {
				calls.get(i).dispose();
			}
			for (int i = 0; i < 1000; i += 2) {
				calls.get(i).dispose();
			}

			await().atMost(Duration.ofSeconds(5)).until(() -> bulkhead.inFlight() == 0 && bulkhead.queued() == 0);
			// the server may finish its 5 s delay before it notices the closed connections
			await().atMost(Duration.ofSeconds(15)).until(() -> server.requestsInFlight() == 0);
			assertThat(bulkhead.rejected()).isZero();

			// all ten places are free again: ten new calls take one each at once, none waits
			server.faults().latency(Duration.ofMillis(300));
			Mono<List<JsonNode>> again = Flux.range(0, 10)
				.flatMap((i) -> transport.execute(COUNT), 10)
				.collectList()
				.cache();
			again.subscribe();
			assertThat(bulkhead.inFlight()).isEqualTo(10);
			assertThat(bulkhead.queued()).isZero();
			assertThat(again.block(Duration.ofSeconds(10))).hasSize(10);
		}
	}

	@Test
	void aRetriedReadGivesItsPlaceUpWhileItBacksOff() {
		OdooTransport transport = OdooTransports
			.create(settings(new BulkheadSettings(1, 10, Duration.ofSeconds(30))).withRetry(1, Duration.ofSeconds(4)));
		try (transport) {
			StepVerifier.create(transport.uid()).expectNext(2L).verifyComplete();
			server.clearMaxRequestsInFlight();
			server.faults().httpError(1, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
			AtomicBoolean firstDone = new AtomicBoolean();
			Mono<JsonNode> retried = transport.execute(COUNT).doOnTerminate(() -> firstDone.set(true)).cache();
			retried.subscribe();
			// the first try reached the server and got its 502; the retry waits at least 2 s (4 s, jitter 0.5), and
			// meanwhile the only place is free
			await().atMost(Duration.ofSeconds(2))
				.until(() -> server.maxRequestsInFlight() == 1 && transport.bulkhead().inFlight() == 0);
			StepVerifier.create(transport.execute(OdooCall.read("res.partner", "search_count",
					Map.of("domain", List.of(List.of("id", "=", 3))))))
				.assertNext((count) -> assertThat(count.asLong()).isEqualTo(1))
				.verifyComplete();
			assertThat(firstDone).as("the retried read is still backing off").isFalse();
			StepVerifier.create(retried)
				.assertNext((count) -> assertThat(count.asLong()).isPositive())
				.verifyComplete();
			assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(2);
		}
	}

}
