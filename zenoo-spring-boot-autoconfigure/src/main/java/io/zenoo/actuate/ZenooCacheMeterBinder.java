package io.zenoo.actuate;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zenoo.cache.CacheType;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;

/**
 * Binds every Zenoo cache to a Micrometer registry, including caches set up at run time after the registry was
 * bound: the standard cache meters, tagged {@code cache}, {@code cache.manager} and {@code tier}
 * ({@code memory|redis|tiered}); {@code zenoo.cache.decode.failures}; for Redis and tiered caches
 * {@code zenoo.cache.redis.breaker.state} (0 closed, 1 open, 2 half-open) and {@code zenoo.cache.redis.fallback.active}
 * (0 or 1); for tiered caches {@code zenoo.cache.invalidations{direction=sent|received}}.
 */
public class ZenooCacheMeterBinder implements MeterBinder {

	private final ZenooCacheManager cacheManager;

	private final String cacheManagerName;

	/**
	 * Create a binder.
	 * @param cacheManager the caches
	 * @param cacheManagerName the {@code cache.manager} tag value, as the bean name ({@code zenooCacheManager})
	 */
	public ZenooCacheMeterBinder(ZenooCacheManager cacheManager, String cacheManagerName) {
		this.cacheManager = cacheManager;
		this.cacheManagerName = cacheManagerName;
	}

	/**
	 * Bind the caches there are now and every cache set up later.
	 * @param registry the registry
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.cacheManager.addCacheListener((cache) -> bind(cache, registry));
	}

	private void bind(ZenooCache cache, MeterRegistry registry) {
		Tags tags = Tags.of("cache.manager", this.cacheManagerName, "tier",
				cache.type().name().toLowerCase(Locale.ROOT));
		new ZenooCacheMetrics(cache, tags).bindTo(registry);
		Tags cacheTags = tags.and("cache", cache.getName());
		FunctionCounter.builder("zenoo.cache.decode.failures", cache, (c) -> c.statistics().decodeFailures())
			.description("Stored values that could not be decoded (and were dropped)")
			.tags(cacheTags)
			.register(registry);
		if (cache.type() == CacheType.REDIS || cache.type() == CacheType.TIERED) {
			String name = cache.getName();
			ZenooCacheManager manager = this.cacheManager;
			Gauge.builder("zenoo.cache.redis.breaker.state", manager, (m) -> breakerCode(m.breakerState(name)))
				.description("Circuit breaker of the Redis cache: 0 closed, 1 open, 2 half-open")
				.tags(cacheTags)
				.register(registry);
			Gauge.builder("zenoo.cache.redis.fallback.active", manager, (m) -> m.isFallbackActive(name) ? 1 : 0)
				.description("Whether the memory fallback serves instead of Redis")
				.tags(cacheTags)
				.register(registry);
		}
		if (cache.type() == CacheType.TIERED) {
			FunctionCounter.builder("zenoo.cache.invalidations", cache, (c) -> c.statistics().invalidationsSent())
				.description("Invalidation messages published to other instances")
				.tags(cacheTags.and("direction", "sent"))
				.register(registry);
			FunctionCounter.builder("zenoo.cache.invalidations", cache, (c) -> c.statistics().invalidationsReceived())
				.description("Invalidation messages received from other instances")
				.tags(cacheTags.and("direction", "received"))
				.register(registry);
		}
	}

	private static double breakerCode(BreakerState state) {
		return (state != null) ? state.code() : Double.NaN;
	}

}
