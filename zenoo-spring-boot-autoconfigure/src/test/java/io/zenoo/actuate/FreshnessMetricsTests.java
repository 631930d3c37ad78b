package io.zenoo.actuate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.client.error.OdooHttpStatusException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stale answers and refreshes show in the meters ({@code zenoo.cache.stale}, {@code zenoo.cache.refreshes}), in
 * {@code getStats()} and in the {@code zenoo} endpoint's detailed statistics.
 */
class FreshnessMetricsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final ZenooCacheManager manager = new ZenooCacheManager();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void close() {
		this.manager.destroy();
	}

	@Test
	void staleAnswersAndRefreshesAreMeteredAndReported() {
		this.manager.setupMemoryCache(new MemoryCacheSpec("fresh", 100, Duration.ofSeconds(10), CacheStrategy.TTL),
				this.nanos::get);
		this.manager.setFreshness("fresh", new CacheFreshness(Duration.ofMinutes(1), 0.8));
		new ZenooCacheMeterBinder(this.manager, "zenooCacheManager").bindTo(this.registry);
		ZenooCache cache = this.manager.getCache("fresh");
		AtomicInteger loads = new AtomicInteger();
		assertThat(cache.findOrLoad("k", String.class, () -> Mono.just("v" + loads.incrementAndGet()), null).block())
			.isEqualTo("v1");
		// past 0.8 of the TTL: a hit, refreshed in the background
		this.nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		assertThat(cache.findOrLoad("k", String.class, () -> Mono.just("v" + loads.incrementAndGet()), null).block())
			.isEqualTo("v1");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(cache.find("k", String.class).block()).isEqualTo("v2"));
		// past the refreshed entry's TTL, Odoo failing: stale
		this.nanos.addAndGet(Duration.ofSeconds(11).toNanos());
		assertThat(cache.findOrLoad("k", String.class,
				() -> Mono.<String>error(new OdooHttpStatusException("search_read answered 502", 502, "<html>")), null)
			.block()).isEqualTo("v2");

		assertThat(this.registry.get("zenoo.cache.stale").tag("cache", "fresh").functionCounter().count()).isEqualTo(1);
		assertThat(this.registry.get("zenoo.cache.refreshes").tags("cache", "fresh", "result", "started")
			.functionCounter().count()).isEqualTo(1);
		assertThat(this.registry.get("zenoo.cache.refreshes").tags("cache", "fresh", "result", "failed")
			.functionCounter().count()).isZero();
		assertThat(this.manager.getStats().caches().get("fresh").staleServed()).isEqualTo(1);
		assertThat(this.manager.getStats().caches().get("fresh").refreshes()).isEqualTo(1);
		DetailedCacheStats detailed = new ZenooEndpoint(this.manager).stats().block().caches().get("fresh");
		assertThat(detailed.staleServed()).isEqualTo(1);
		assertThat(detailed.refreshes()).isEqualTo(1);
		assertThat(detailed.refreshFailures()).isZero();
	}

}
