package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.ZenooCacheStatistics;
import io.zenoo.client.FreshCaches.Kind;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refresh-ahead on every kind of cache, against the test server: hits past the fraction of the TTL return the cached
 * value at once and refresh it in the background exactly once, however many callers hit it; callers never miss.
 */
class RefreshAheadTests {

	private static final Duration TTL = Duration.ofSeconds(3);

	private static final CacheFreshness REFRESH_AT_HALF = new CacheFreshness(Duration.ZERO, 0.5);

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private final RedisInstances instances = new RedisInstances("zenoo_refresh_");

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	private static QueryBuilder<ResPartner> companies(ZenooClient client) {
		return client.model(ResPartner.class).filter("is_company", true).orderBy("id");
	}

	private static int searchReads() {
		return server.calls().count("res.partner", "search_read");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void fiftyConcurrentHitsPastTheFractionRefreshOnceAndNeverMiss(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, REFRESH_AT_HALF, this.instances);
		ZenooClient client = caches.client(server);
		List<ResPartner> loaded = companies(client).all().block();
		ZenooCacheStatistics statistics = caches.cache().statistics();
		assertThat(statistics.misses()).isEqualTo(1);
		long first = loaded.get(0).id();
		server.store().write("res.partner", first, Map.of("name", "Renamed Company"));
		// before the fraction: a hit and nothing else
		assertThat(companies(client).all().block()).isEqualTo(loaded);
		assertThat(statistics.refreshes()).isZero();
		caches.ageTo(0.6);

		List<List<ResPartner>> results = Flux.range(0, 50)
			.flatMap((i) -> companies(client).all().subscribeOn(Schedulers.parallel()), 50)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(results).hasSize(50).allSatisfy((rows) -> assertThat(rows).hasSameSizeAs(loaded));
		assertThat(statistics.misses()).as("no caller missed").isEqualTo(1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(companies(client).all().block().get(0).name()).isEqualTo("Renamed Company"));
		assertThat(searchReads()).as("one load and exactly one refresh").isEqualTo(2);
		assertThat(statistics.refreshes()).isEqualTo(1);
		assertThat(statistics.refreshFailures()).isZero();
		assertThat(statistics.misses()).isEqualTo(1);
		assertThat(caches.manager().getStats().caches().get("fresh").refreshes()).isEqualTo(1);
		if (kind != Kind.MEMORY) {
			assertThat(caches.redisTtls()).as("the refreshed entry lives a whole TTL again")
				.allSatisfy((pttl) -> assertThat(pttl).isGreaterThan(TTL.toMillis() * 6 / 10));
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aFailedRefreshIsCountedAndTheEntryStays(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, REFRESH_AT_HALF, this.instances);
		ZenooClient client = caches.client(server);
		List<ResPartner> loaded = companies(client).all().block();
		ZenooCacheStatistics statistics = caches.cache().statistics();
		caches.ageTo(0.6);
		server.faults().httpError(1, 502, "text/html", "<html><body>Bad Gateway</body></html>");

		assertThat(companies(client).all().block()).isEqualTo(loaded);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(statistics.refreshFailures()).isEqualTo(1));
		assertThat(statistics.refreshes()).isEqualTo(1);
		assertThat(statistics.misses()).isEqualTo(1);
		assertThat(searchReads()).as("the failed refresh did not reach search_read").isEqualTo(1);
	}

}
