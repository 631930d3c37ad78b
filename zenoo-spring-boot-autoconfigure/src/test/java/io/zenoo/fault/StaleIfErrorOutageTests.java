package io.zenoo.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.ZenooCacheStatistics;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stale-if-error under a sustained load: eight callers query twenty cached keys (TTL 300 ms, max-stale 1 minute)
 * for about five seconds; for two of them Odoo answers every call with an HTML 502 page, as a proxy in front of a
 * dead Odoo does. Not one query may fail: each key was cached before the outage, so an expired one is served stale
 * until Odoo is back. Prints requests, stale answers, failures and latencies.
 */
@Tag("fault")
class StaleIfErrorOutageTests {

	private static final Duration TTL = Duration.ofMillis(300);

	private static final int KEYS = 20;

	private static final int CALLERS = 8;

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private final String namespace = "zenoo_outage_" + UUID.randomUUID().toString().substring(0, 8);

	private ZenooCacheManager manager;

	private ZenooClient client;

	@AfterEach
	void cleanUp() {
		server.faults().clear();
		if (this.client != null) {
			this.client.close();
		}
		if (this.manager != null) {
			this.manager.destroy();
		}
		RedisClient redis = RedisClient.create(SharedRedis.url());
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			List<String> keys = new ArrayList<>();
			ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(this.namespace + ":*").limit(500))
				.forEachRemaining(keys::add);
			keys.forEach(connection.sync()::unlink);
		}
		finally {
			redis.shutdown();
		}
	}

	private ZenooCacheManager caches(String kind) {
		ZenooCacheManager caches = new ZenooCacheManager();
		RedisCacheSpec redis = RedisCacheSpec.builder("far").url(SharedRedis.url()).namespace(this.namespace)
			.defaultTtl(TTL).build();
		switch (kind) {
			case "memory" -> caches.setupMemoryCache(new MemoryCacheSpec("fresh", 1000, TTL, CacheStrategy.TTL));
			case "redis" -> caches.setupRedisCache(RedisCacheSpec.builder("fresh").url(SharedRedis.url())
				.namespace(this.namespace).defaultTtl(TTL).build());
			default -> {
				caches.setupMemoryCache(new MemoryCacheSpec("near", 1000, Duration.ofMinutes(1), CacheStrategy.TTL));
				caches.setupRedisCache(redis);
				caches.setupTieredCache("fresh", "near", "far");
			}
		}
		caches.setDefaultCacheName("fresh");
		caches.setFreshness("fresh", new CacheFreshness(Duration.ofMinutes(1), 0));
		return caches;
	}

	private QueryBuilder<ResPartner> key(int index) {
		return this.client.model(ResPartner.class).orderBy("id").limit(index + 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void noCachedQueryFailsWhileOdooIsDown(String kind) throws Exception {
		this.manager = caches(kind);
		ZenooClientSettings settings = ZenooClientSettings
			.of(server.url(), server.database(),
					OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD))
			.withRetry(1, Duration.ofMillis(20))
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
		this.client = ZenooClient.create(settings, this.manager);
		for (int i = 0; i < KEYS; i++) {
			assertThat(key(i).all().block()).hasSize(i + 1);
		}
		int loadsBefore = server.calls().count("res.partner", "search_read");
		ConcurrentLinkedQueue<Long> normal = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> outage = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<Throwable> firstFailure = new AtomicReference<>();
		AtomicReference<ConcurrentLinkedQueue<Long>> phase = new AtomicReference<>(normal);
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CALLERS; c++) {
				int caller = c;
				running.add(callers.submit(() -> {
					for (int n = caller; System.nanoTime() < end; n++) {
						ConcurrentLinkedQueue<Long> latencies = phase.get();
						long start = System.nanoTime();
						try {
							List<ResPartner> rows = key(n % KEYS).all().block(Duration.ofSeconds(10));
							if (rows == null || rows.size() != n % KEYS + 1) {
								throw new IllegalStateException("wrong rows: " + rows);
							}
						}
						catch (RuntimeException ex) {
							failures.incrementAndGet();
							firstFailure.compareAndSet(null, ex);
						}
						latencies.add(System.nanoTime() - start);
					}
				}));
			}
			awaitNanos(end - Duration.ofMillis(4000).toNanos());
			server.faults().httpError(1_000_000, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
			phase.set(outage);
			awaitNanos(end - Duration.ofMillis(2000).toNanos());
			server.faults().clear();
			phase.set(normal);
			for (Future<?> caller : running) {
				caller.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		ZenooCacheStatistics statistics = this.manager.getCache("fresh").statistics();
		int loadsAfter = server.calls().count("res.partner", "search_read") - loadsBefore;
		System.out.printf("stale-if-error outage (%s): %d requests (%d during the 2 s outage), %d stale served, "
				+ "%d failed, %d loads from Odoo; latency normal p50 %.2f ms p99 %.2f ms, outage p50 %.2f ms p99 %.2f ms%n",
				kind, normal.size() + outage.size(), outage.size(), statistics.staleServed(), failures.get(), loadsAfter,
				percentile(normal, 50), percentile(normal, 99), percentile(outage, 50), percentile(outage, 99));
		assertThat(failures.get()).as("failed queries, first: %s", firstFailure.get()).isZero();
		assertThat(outage).isNotEmpty();
		assertThat(statistics.staleServed()).as("expired entries were served during the outage").isPositive();
		assertThat(loadsAfter).as("Odoo served loads again once back").isPositive();
	}

	/** Wait until the given System.nanoTime() without sleeping on a monitor: the callers run meanwhile. */
	private static void awaitNanos(long deadline) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> System.nanoTime() - deadline >= 0);
	}

	private static double percentile(ConcurrentLinkedQueue<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		sorted.sort(null);
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1_000_000.0;
	}

}
