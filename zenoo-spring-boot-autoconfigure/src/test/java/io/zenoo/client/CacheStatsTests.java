package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.CacheStats;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.cache.stats.ModelStats;
import io.zenoo.cache.stats.ZenooCacheStats;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code getStats()} and {@code getDetailedStats()} after scripted sequences of queries through the client against
 * the test server.
 */
class CacheStatsTests {

	private static OdooTestServer server;

	private ZenooCacheManager caches;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("main", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.caches.setupMemoryCache(new MemoryCacheSpec("other", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.client = TestClients.admin(server, this.caches);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.caches.destroy();
	}

	private List<ResPartner> companies() {
		return this.client.model(ResPartner.class).filter("is_company", true).orderBy("id").all().block();
	}

	private List<ResPartner> people() {
		return this.client.model(ResPartner.class).filter("is_company", false).orderBy("id").limit(5).all().block();
	}

	private List<ResCountry> countries(String cache) {
		return this.client.model(ResCountry.class).filter("code__in", List.of("BE", "FR")).cache(cache).all().block();
	}

	@Test
	void statsAreExactAfterAScriptedSequenceOfHitsAndMisses() {
		companies(); // miss
		companies(); // hit
		people(); // miss
		companies(); // hit
		people(); // hit
		countries("other"); // miss in "other"
		countries("other"); // hit in "other"
		ZenooCacheStats stats = this.caches.getStats();
		CacheStats main = stats.caches().get("main");
		assertThat(main).isEqualTo(new CacheStats("main", "memory", 3, 2, 5, 0.6, 0, 0));
		assertThat(stats.caches().get("other")).isEqualTo(new CacheStats("other", "memory", 1, 1, 2, 0.5, 0, 0));
		assertThat(stats.hits()).isEqualTo(4);
		assertThat(stats.misses()).isEqualTo(3);
		assertThat(stats.requests()).isEqualTo(7);
		assertThat(stats.hitRate()).isCloseTo(4.0 / 7, within(1e-9));
		assertThat(stats.caches().keySet()).containsExactly("main", "other");
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(2);
	}

	@Test
	void statsOfAnEmptyManagerAreZeroNotNaN() {
		ZenooCacheStats stats = new ZenooCacheManager().getStats();
		assertThat(stats.requests()).isZero();
		assertThat(stats.hitRate()).isZero();
		assertThat(stats.caches()).isEmpty();
	}

	@Test
	void detailedStatsSplitResponseTimesCountPerModelAndMeasureTheCache() {
		this.caches.enableDetailedStats();
		companies(); // miss: includes the call to Odoo
		// hits; one in 32 is timed at random, so enough of them that some surely are (all but 1e-14 of the time)
		for (int i = 0; i < 1000; i++) {
			companies();
		}
		people(); // miss
		countries("main"); // miss
		countries("main"); // hit
		DetailedStats stats = this.caches.getDetailedStats().block();
		assertThat(stats.detailedEnabled()).isTrue();
		DetailedCacheStats main = stats.caches().get("main");
		assertThat(main.hits()).isEqualTo(1001);
		assertThat(main.misses()).isEqualTo(3);
		assertThat(main.missRate()).isCloseTo(3.0 / 1004, within(1e-9));
		assertThat(main.byModel()).containsExactly(Map.entry("res.country", ModelStats.of(1, 1)),
				Map.entry("res.partner", ModelStats.of(1000, 2)));
		assertThat(main.averageHitMillis()).isPositive();
		// a miss waits for an HTTP round trip to the server; a hit is a map lookup
		assertThat(main.averageMissMillis()).isGreaterThan(main.averageHitMillis() * 5);
		assertThat(main.size()).isEqualTo(3);
		assertThat(main.memoryMb()).isPositive();
		assertThat(main.tiers()).isEmpty();
		assertThat(stats.caches().get("other").size()).isZero();
		assertThat(stats.memoryMb()).isEqualTo(main.memoryMb());
	}

	@Test
	void disabledDetailedStatsKeepCountersButCollectNoTimesNorModels() {
		companies();
		companies();
		DetailedCacheStats main = this.caches.getDetailedStats().block().caches().get("main");
		assertThat(main.hits()).isEqualTo(1);
		assertThat(main.misses()).isEqualTo(1);
		assertThat(main.averageHitMillis()).isZero();
		assertThat(main.averageMissMillis()).isZero();
		assertThat(main.byModel()).isEmpty();

		this.caches.enableDetailedStats();
		companies();
		assertThat(this.caches.getDetailedStats().block().caches().get("main").byModel())
			.containsExactly(Map.entry("res.partner", ModelStats.of(1, 0)));
		this.caches.disableDetailedStats();
		companies();
		DetailedStats after = this.caches.getDetailedStats().block();
		assertThat(after.detailedEnabled()).isFalse();
		assertThat(after.caches().get("main").byModel()).isEmpty();
		assertThat(after.caches().get("main").hits()).isEqualTo(3);
	}

	@Test
	void cachesSetUpAfterEnablingDetailedStatsCollectThemToo() {
		this.caches.enableDetailedStats();
		this.caches.setupMemoryCache(MemoryCacheSpec.of("late"));
		countries("late");
		countries("late");
		assertThat(this.caches.getDetailedStats().block().caches().get("late").byModel())
			.containsExactly(Map.entry("res.country", ModelStats.of(1, 1)));
	}

}
