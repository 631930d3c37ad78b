package io.zenoo.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooException;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 failing calls (HTML 502 pages, JSON 503s, malformed and truncated JSON, bodies over the size limit, dropped
 * connections, bodies trickling past the read timeout, and a refused port) from concurrent callers on all three
 * protocols, then: every call failed with an {@link OdooException}, a burst of normal calls twice the pool size goes
 * through at once, and once the clients are closed the test server sees no connection left open (a connection the
 * pool never got back would stay open).
 */
@Tag("fault")
class OdooConnectionLeakTests {

	private static final long SEED = 0x5EED_0DD0L;

	private static final int CONCURRENCY = 16;

	private static final int PER_PROTOCOL = 3000;

	private static final int REFUSED = 1000;

	private static final int MAX_RESPONSE_BYTES = 64 * 1024;

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	private final LongAdder successes = new LongAdder();

	private final List<long[]> latencies = new ArrayList<>();

	private enum Fault {

		BAD_GATEWAY, UNAVAILABLE_JSON, MALFORMED, TRUNCATED, TOO_LARGE, DROPPED, TRICKLING

	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void tenThousandFailingCallsLeakNoConnection() {
		Random random = new Random(SEED);
		System.out.printf("[fault] odoo leak run: seed %d, %d callers%n", SEED, CONCURRENCY);
		long start = System.nanoTime();
		List<ZenooClient> clients = new ArrayList<>();
		Map<Fault, Integer> injected = new TreeMap<>();
		try {
			for (OdooProtocol protocol : OdooProtocol.values()) {
				ZenooClientSettings settings = OdooFaultClients.settings(server, protocol)
					.withRetry(0, Duration.ZERO)
					.withTimeouts(OdooFaultClients.CONNECT_TIMEOUT, Duration.ofMillis(300))
					.withMaxResponseBytes(MAX_RESPONSE_BYTES);
				ZenooClient client = OdooFaultClients.loggedIn(settings);
				clients.add(client);
				List<Fault> faults = queueFaults(random, PER_PROTOCOL, injected);
				run(client, faults.size());
			}
			String refusedUrl = "http://127.0.0.1:" + OdooFaultClients.closedPort();
			try (ZenooClient refused = ZenooClient.create(OdooFaultClients.settings(refusedUrl, OdooProtocol.JSON_RPC,
					OdooFaultClients.admin(server, OdooProtocol.JSON_RPC)).withRetry(0, Duration.ZERO))) {
				run(refused, REFUSED);
			}
			long runMillis = OdooFaultClients.millisSince(start);
			long calls = this.failures.values().stream().mapToLong(LongAdder::sum).sum() + this.successes.sum();
			int openAfterRun = server.openConnections();
			System.out.printf("[fault] odoo leak run: %d calls in %d ms, %d succeeded; faults injected %s; "
					+ "failures by type %s; latency %s; server connections open after the run %d (pool size %d per "
					+ "client, %d clients)%n", calls, runMillis, this.successes.sum(), injected, counts(),
					latencySummary(), openAfterRun, OdooFaultClients.MAX_CONNECTIONS, clients.size());

			assertThat(calls).isEqualTo(3L * PER_PROTOCOL + REFUSED);
			assertThat(this.successes.sum()).as("every call met a fault").isZero();
			assertThat(this.failures).doesNotContainKey("non-Odoo exception");
			assertThat(runMillis).isLessThan(60_000);
			assertThat(openAfterRun).isLessThanOrEqualTo(clients.size() * OdooFaultClients.MAX_CONNECTIONS);

			// every pool can still serve a burst of twice its size
			for (ZenooClient client : clients) {
				List<Long> counts = Flux.range(0, 2 * OdooFaultClients.MAX_CONNECTIONS)
					.flatMap((i) -> client.model("res.partner").count(), 2 * OdooFaultClients.MAX_CONNECTIONS)
					.collectList()
					.block(Duration.ofSeconds(10));
				assertThat(counts).hasSize(2 * OdooFaultClients.MAX_CONNECTIONS).allSatisfy((count) -> assertThat(count)
					.isPositive());
			}
		}
		finally {
			clients.forEach(ZenooClient::close);
		}
		// a pool closes the connections it holds; one it never got back would stay open
		long closing = System.nanoTime();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.openConnections())
			.isZero());
		System.out.printf("[fault] odoo leak run: 0 connections open %d ms after closing the clients%n",
				OdooFaultClients.millisSince(closing));
	}

	private List<Fault> queueFaults(Random random, int count, Map<Fault, Integer> injected) {
		List<Fault> faults = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			// trickling costs a read timeout each: keep it to about 3 %
			Fault fault = (random.nextInt(100) < 3) ? Fault.TRICKLING
					: Fault.values()[random.nextInt(Fault.values().length - 1)];
			faults.add(fault);
			injected.merge(fault, 1, Integer::sum);
			switch (fault) {
				case BAD_GATEWAY -> server.faults().httpError(1, 502, "text/html",
						"<html><body><h1>502 Bad Gateway</h1></body></html>");
				case UNAVAILABLE_JSON -> server.faults().httpError(1, 503, "application/json",
						"{\"error\": \"maintenance\"}");
				case MALFORMED -> server.faults().rawBody(1, "application/json", bytes("{\"jsonrpc\": \"2.0\", ]"));
				case TRUNCATED -> server.faults().rawBody(1, "application/json",
						bytes("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": 4"));
				case TOO_LARGE -> server.faults().rawBody(1, "application/json", tooLarge());
				case DROPPED -> server.faults().dropConnection(1);
				case TRICKLING -> server.faults().trickle(1, 1, Duration.ofMillis(600));
			}
		}
		return faults;
	}

	private void run(ZenooClient client, int calls) {
		long[] times = new long[calls];
		AtomicLong next = new AtomicLong();
		Flux.range(0, calls).flatMap((i) -> {
			long start = System.nanoTime();
			return client.model("res.partner").count()
				.doOnNext((count) -> this.successes.increment())
				.onErrorResume((ex) -> {
					String type = (ex instanceof OdooException) ? ex.getClass().getSimpleName()
							: "non-Odoo exception";
					this.failures.computeIfAbsent(type, (key) -> new LongAdder()).increment();
					return Mono.empty();
				})
				.doFinally((signal) -> times[(int) next.getAndIncrement()] = System.nanoTime() - start);
		}, CONCURRENCY).blockLast(Duration.ofSeconds(60));
		synchronized (this.latencies) {
			this.latencies.add(times);
		}
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		this.failures.forEach((type, count) -> counts.put(type, count.sum()));
		return counts;
	}

	private String latencySummary() {
		long[] all = this.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", all[all.length / 2] / 1e6,
				all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
	}

	private static byte[] tooLarge() {
		byte[] body = new byte[MAX_RESPONSE_BYTES * 2];
		Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[body.length - 1] = ']';
		return body;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
