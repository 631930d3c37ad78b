package io.zenoo.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zenoo.cache.CacheType;
import io.zenoo.cache.RedisKeyCount;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;

/**
 * Binds every Zenoo cache to a Micrometer registry, including caches set up at run time after the registry was
 * bound: the standard cache meters, tagged {@code cache}, {@code cache.manager} and {@code tier}
 * ({@code memory|redis|tiered}); {@code zenoo.cache.decode.failures}; {@code zenoo.cache.stale} (expired values
 * served because loading failed, stale-if-error); {@code zenoo.cache.refreshes{result=started|failed}}
 * (refresh-ahead); for Redis and tiered caches {@code cache.size}
 * from a {@link RedisKeyCount} (a {@code SCAN} count in the background, at most once per refresh interval and only
 * while scraped; NaN until the first count), {@code zenoo.cache.redis.breaker.state} (0 closed, 1 open, 2 half-open)
 * and {@code zenoo.cache.redis.fallback.active} (0 or 1); for tiered caches
 * {@code zenoo.cache.invalidations{direction=sent|received}}. {@link #close()} stops the background counts.
 */
public class ZenooCacheMeterBinder implements MeterBinder, AutoCloseable {

	private final ZenooCacheManager cacheManager;

	private final String cacheManagerName;

	private final Duration sizeRefresh;

	private final List<RedisKeyCount> keyCounts = new CopyOnWriteArrayList<>();

	/**
	 * Create a binder whose Redis cache sizes are counted at most every {@link RedisKeyCount#DEFAULT_REFRESH}.
	 * @param cacheManager the caches
	 * @param cacheManagerName the {@code cache.manager} tag value, as the bean name ({@code zenooCacheManager})
	 */
	public ZenooCacheMeterBinder(ZenooCacheManager cacheManager, String cacheManagerName) {
		this(cacheManager, cacheManagerName, RedisKeyCount.DEFAULT_REFRESH);
	}

	/**
	 * Create a binder.
	 * @param cacheManager the caches
	 * @param cacheManagerName the {@code cache.manager} tag value, as the bean name ({@code zenooCacheManager})
	 * @param sizeRefresh how long a Redis cache's entry count is reported before a scrape starts a new count; positive
	 */
	public ZenooCacheMeterBinder(ZenooCacheManager cacheManager, String cacheManagerName, Duration sizeRefresh) {
		this.cacheManager = Objects.requireNonNull(cacheManager, "cacheManager must not be null");
		this.cacheManagerName = Objects.requireNonNull(cacheManagerName, "cacheManagerName must not be null");
		Objects.requireNonNull(sizeRefresh, "sizeRefresh must not be null");
		if (sizeRefresh.isNegative() || sizeRefresh.isZero()) {
			throw new IllegalArgumentException("sizeRefresh must be positive, was " + sizeRefresh);
		}
		this.sizeRefresh = sizeRefresh;
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
		FunctionCounter.builder("zenoo.cache.decodes", cache, (c) -> c.statistics().decodes())
			.description("Entries a compact memory cache decoded from their bytes (first hits, and hits after their "
					+ "decoded form was dropped)")
			.tags(cacheTags)
			.register(registry);
		FunctionCounter.builder("zenoo.cache.stale", cache, (c) -> c.statistics().staleServed())
			.description("Expired values served because loading them again from Odoo failed (stale-if-error)")
			.tags(cacheTags)
			.register(registry);
		FunctionCounter.builder("zenoo.cache.refreshes", cache, (c) -> c.statistics().refreshes())
			.description("Background refreshes started by hits on entries past the refresh-ahead fraction of their TTL")
			.tags(cacheTags.and("result", "started"))
			.register(registry);
		FunctionCounter.builder("zenoo.cache.refreshes", cache, (c) -> c.statistics().refreshFailures())
			.description("Background refreshes that failed (the entry stayed until its TTL)")
			.tags(cacheTags.and("result", "failed"))
			.register(registry);
		if (cache.type() == CacheType.REDIS || cache.type() == CacheType.TIERED) {
			bindKeyCount(cache, cacheTags, registry);
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

	private void bindKeyCount(ZenooCache cache, Tags cacheTags, MeterRegistry registry) {
		RedisKeyCount count = RedisKeyCount.of(cache, this.sizeRefresh);
		this.keyCounts.add(count);
		// the same meter as the memory caches' (Micrometer's CacheMeterBinder), read without waiting for Redis
		Gauge.builder("cache.size", count, RedisKeyCount::value)
			.description("The number of entries in this cache (Redis: a SCAN count refreshed in the background)")
			.tags(cacheTags)
			.strongReference(true)
			.register(registry);
	}

	/** Stop the background counts of Redis cache sizes. */
	@Override
	public void close() {
		this.keyCounts.forEach(RedisKeyCount::close);
	}

	private static double breakerCode(BreakerState state) {
		return (state != null) ? state.code() : Double.NaN;
	}

}
