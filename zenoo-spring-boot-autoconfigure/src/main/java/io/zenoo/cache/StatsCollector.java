package io.zenoo.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.zenoo.cache.stats.CacheStats;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.cache.stats.ModelStats;
import io.zenoo.cache.stats.RedisHealth;
import io.zenoo.cache.stats.ZenooCacheStats;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns the caches' live counters into the immutable statistics of {@link ZenooCacheManager}.
 */
final class StatsCollector {

	private static final double BYTES_PER_MB = 1024.0 * 1024.0;

	private StatsCollector() {
	}

	static ZenooCacheStats stats(List<ZenooCache> caches) {
		List<CacheStats> all = new ArrayList<>(caches.size());
		for (ZenooCache cache : caches) {
			ZenooCacheStatistics counters = cache.statistics();
			all.add(CacheStats.of(cache.getName(), typeName(cache), counters.hits(), counters.misses(),
					counters.staleServed(), counters.refreshes()));
		}
		return ZenooCacheStats.of(all);
	}

	static Mono<DetailedStats> detailed(boolean enabled, List<ZenooCache> caches) {
		return Flux.fromIterable(caches)
			.concatMap((cache) -> detailed(cache).map((stats) -> Map.entry(cache.getName(), stats)))
			.collectList()
			.map((entries) -> {
				Map<String, DetailedCacheStats> byName = new LinkedHashMap<>();
				entries.forEach((entry) -> byName.put(entry.getKey(), entry.getValue()));
				return DetailedStats.of(enabled, byName);
			});
	}

	static Mono<DetailedCacheStats> detailed(ZenooCache cache) {
		Mono<Footprint> footprint = (cache instanceof AbstractZenooCache own) ? own.footprint()
				: Mono.just(Footprint.UNKNOWN);
		Mono<Map<String, DetailedCacheStats>> tiers = (cache instanceof TieredZenooCache tiered)
				? Mono.zip(detailed(tiered.l1()), detailed(tiered.l2()))
					.map((both) -> Map.of("l1", both.getT1(), "l2", both.getT2()))
				: Mono.just(Map.of());
		return Mono.zip(footprint, tiers).map((both) -> of(cache, both.getT1(), both.getT2()));
	}

	private static DetailedCacheStats of(ZenooCache cache, Footprint footprint, Map<String, DetailedCacheStats> tiers) {
		ZenooCacheStatistics counters = cache.statistics();
		long hits = counters.hits();
		long misses = counters.misses();
		long requests = hits + misses;
		DetailedRecorder recorder = counters.detailed();
		Map<String, ModelStats> byModel = counters.byModel();
		@Nullable Double memoryMb = (footprint.bytes() != null) ? footprint.bytes() / BYTES_PER_MB : null;
		return new DetailedCacheStats(cache.getName(), typeName(cache), hits, misses, requests,
				rate(hits, requests), rate(misses, requests), (recorder != null) ? recorder.averageHitMillis() : 0.0,
				(recorder != null) ? recorder.averageMissMillis() : 0.0, footprint.size(), memoryMb, byModel, tiers,
				counters.staleServed(), counters.refreshes(), counters.refreshFailures());
	}

	static Mono<List<RedisHealth>> redisHealth(List<ZenooCache> caches) {
		// all at once (a dead Redis costs its timeout once, not once per cache), reported in set-up order
		return Flux.fromIterable(caches).flatMapSequential((cache) -> {
			RedisZenooCache redis = redisOf(cache);
			return (redis != null) ? redisHealth(cache.getName(), redis) : Mono.empty();
		}).collectList();
	}

	/** The Redis cache behind a cache: itself, or a tiered cache's L2; {@code null} for memory caches. */
	static @Nullable RedisZenooCache redisOf(@Nullable ZenooCache cache) {
		if (cache instanceof RedisZenooCache redis) {
			return redis;
		}
		return (cache instanceof TieredZenooCache tiered) ? tiered.l2() : null;
	}

	static Mono<RedisHealth> redisHealth(String name, RedisZenooCache redis) {
		return redis.ping()
			.map((latency) -> new RedisHealth(name, true, latency, redis.breakerState(), redis.fallbackActive(), null))
			.onErrorResume((ex) -> Mono.just(new RedisHealth(name, false, null, redis.breakerState(),
					redis.fallbackActive(), describe(ex))));
	}

	private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("://[^/@\\s]*@");

	/** The exception's class and message, with any URL user info (a Redis password) masked. */
	static String describe(Throwable ex) {
		Throwable cause = (ex.getCause() != null && ex.getMessage() == null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName()
				+ ((message != null) ? ": " + USER_INFO.matcher(message).replaceAll("://***@") : "");
	}

	static String typeName(ZenooCache cache) {
		return cache.type().name().toLowerCase(Locale.ROOT);
	}

	private static double rate(long part, long total) {
		return (total > 0) ? (double) part / total : 0.0;
	}

}
