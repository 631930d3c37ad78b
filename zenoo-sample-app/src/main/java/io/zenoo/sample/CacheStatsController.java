package io.zenoo.sample;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.cache.stats.ZenooCacheStats;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caches' statistics, as the application sees them (the actuator's {@code /actuator/zenoo} shows the same).
 */
@RestController
public class CacheStatsController {

	private final ZenooCacheManager caches;

	/**
	 * @param caches the Zenoo cache manager
	 */
	public CacheStatsController(ZenooCacheManager caches) {
		this.caches = caches;
	}

	/**
	 * Hits, misses and hit rates per cache and in total, and the detailed statistics (entries, estimated memory,
	 * per-model counters; timings while detailed statistics are on, see {@code sample.detailed-stats}).
	 * @return both views
	 */
	@GetMapping("/cache/stats")
	public Mono<CacheStatsView> stats() {
		ZenooCacheStats summary = this.caches.getStats();
		return this.caches.getDetailedStats().map((detailed) -> new CacheStatsView(summary, detailed));
	}

	/**
	 * The answer of {@code GET /cache/stats}.
	 * @param summary {@code cacheManager.getStats()}
	 * @param detailed {@code cacheManager.getDetailedStats()}
	 */
	public record CacheStatsView(ZenooCacheStats summary, DetailedStats detailed) {
	}

}
