package io.zenoo.actuate;

import java.util.Map;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code zenooCache} health indicator's hit-rate warning waits for a minimum number of lookups.
 */
class ZenooCacheHealthIndicatorTests {

	private final ZenooCacheManager caches = new ZenooCacheManager();

	@AfterEach
	void tearDown() {
		this.caches.destroy();
	}

	private static void misses(ZenooCache cache, int count) {
		for (int i = 0; i < count; i++) {
			cache.find("absent-" + i, String.class).block();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health, String cache) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("caches")).get(cache);
	}

	@Test
	void aLowHitRateEarnsAWarningOnlyFromMinRequestsLookupsOn() {
		ZenooCache cache = this.caches.setupMemoryCache(MemoryCacheSpec.of("young"));
		ZenooCacheHealthIndicator indicator = new ZenooCacheHealthIndicator(this.caches, 0.5, 100, false);

		misses(cache, 99);
		Health before = indicator.health().block();
		assertThat(before.getStatus()).isEqualTo(Status.UP);
		assertThat(details(before, "young")).containsEntry("requests", 99L).containsEntry("hitRate", 0.0)
			.doesNotContainKey("warning");

		misses(cache, 1);
		Health after = indicator.health().block();
		assertThat(after.getStatus()).isEqualTo(Status.UP);
		assertThat(details(after, "young")).containsEntry("requests", 100L)
			.hasEntrySatisfying("warning", (warning) -> assertThat((String) warning)
				.contains("hit rate 0.000 is below the alert threshold 0.500"));
	}

	@Test
	void aHealthyCachePastMinRequestsHasNoWarningAndZeroMinRequestsJudgesAtOnce() {
		ZenooCache healthy = this.caches.setupMemoryCache(MemoryCacheSpec.of("healthy"));
		healthy.store("k", "v", null).block();
		for (int i = 0; i < 5; i++) {
			healthy.find("k", String.class).block();
		}
		ZenooCache fresh = this.caches.setupMemoryCache(MemoryCacheSpec.of("fresh"));
		misses(fresh, 1);
		Health health = new ZenooCacheHealthIndicator(this.caches, 0.5, 0, false).health().block();
		assertThat(details(health, "healthy")).doesNotContainKey("warning");
		assertThat(details(health, "fresh")).containsKey("warning");
	}

	@Test
	void invalidSettingsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ZenooCacheHealthIndicator(this.caches, 0.5, -1, false))
			.withMessageContaining("minRequests");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ZenooCacheHealthIndicator(this.caches, 1.5, 100, false))
			.withMessageContaining("alertThreshold");
	}

}
