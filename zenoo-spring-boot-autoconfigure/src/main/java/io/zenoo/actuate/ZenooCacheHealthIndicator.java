package io.zenoo.actuate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.CacheStats;
import io.zenoo.cache.stats.RedisHealth;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health {@code zenooCache}: per cache its type, hit rate and, for Redis and tiered caches, whether Redis answers a
 * {@code PING}, the circuit breaker state and whether the fallback serves. A cache in that reduced mode is
 * {@code degraded: true}; the status stays UP (the caches never fail their callers) unless
 * {@code downWhenDegraded}. A hit rate below the alert threshold adds a {@code warning}, once the cache has had at
 * least {@code minRequests} lookups: right after startup a few misses are expected and say nothing.
 */
public class ZenooCacheHealthIndicator implements ReactiveHealthIndicator {

	private final ZenooCacheManager cacheManager;

	private final double alertThreshold;

	private final long minRequests;

	private final boolean downWhenDegraded;

	/**
	 * Create an indicator.
	 * @param cacheManager the caches
	 * @param alertThreshold the hit rate below which a cache gets a warning (0 to 1)
	 * @param minRequests the lookups a cache must have had before its hit rate can earn a warning (0 or more)
	 * @param downWhenDegraded whether a degraded cache makes the status DOWN
	 * @throws IllegalArgumentException if the threshold is outside 0..1 or {@code minRequests} is negative
	 */
	public ZenooCacheHealthIndicator(ZenooCacheManager cacheManager, double alertThreshold, long minRequests,
			boolean downWhenDegraded) {
		this.cacheManager = Objects.requireNonNull(cacheManager, "cacheManager must not be null");
		if (!(alertThreshold >= 0.0 && alertThreshold <= 1.0)) {
			throw new IllegalArgumentException("alertThreshold must be between 0 and 1, was " + alertThreshold);
		}
		if (minRequests < 0) {
			throw new IllegalArgumentException("minRequests must not be negative, was " + minRequests);
		}
		this.alertThreshold = alertThreshold;
		this.minRequests = minRequests;
		this.downWhenDegraded = downWhenDegraded;
	}

	@Override
	public Mono<Health> health() {
		return this.cacheManager.checkRedisHealth().map((redisHealth) -> {
			Map<String, RedisHealth> redisByCache = new LinkedHashMap<>();
			redisHealth.forEach((status) -> redisByCache.put(status.cache(), status));
			boolean anyDegraded = false;
			Map<String, Object> caches = new LinkedHashMap<>();
			for (CacheStats stats : this.cacheManager.getStats().caches().values()) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("type", stats.type());
				details.put("hitRate", stats.hitRate());
				details.put("requests", stats.requests());
				if (stats.requests() > 0 && stats.requests() >= this.minRequests
						&& stats.hitRate() < this.alertThreshold) {
					details.put("warning", String.format(Locale.ROOT, "hit rate %.3f is below the alert threshold %.3f",
							stats.hitRate(), this.alertThreshold));
				}
				RedisHealth redis = redisByCache.get(stats.name());
				if (redis != null) {
					details.put("redisReachable", redis.reachable());
					details.put("breaker", redis.breaker().name().toLowerCase(Locale.ROOT));
					details.put("fallbackActive", redis.fallbackActive());
					details.put("degraded", redis.degraded());
					if (redis.error() != null) {
						details.put("error", redis.error());
					}
					anyDegraded |= redis.degraded();
				}
				caches.put(stats.name(), details);
			}
			Health.Builder builder = (anyDegraded && this.downWhenDegraded) ? Health.down() : Health.up();
			return builder.withDetail("degraded", anyDegraded).withDetail("caches", caches).build();
		}).onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", Failures.describe(ex)).build()));
	}

}
