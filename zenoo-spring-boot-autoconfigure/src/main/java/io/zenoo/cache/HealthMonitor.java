package io.zenoo.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.zenoo.cache.stats.CacheStats;
import io.zenoo.cache.stats.RedisHealth;
import io.zenoo.cache.stats.ZenooCacheHealthEvent;
import io.zenoo.cache.stats.ZenooCacheHealthEvent.Kind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The periodic cache health check of {@link ZenooCacheManager#setupHealthMonitoring}: every interval it looks at each
 * cache's hit rate, at the estimated memory of all caches (when a limit is set), and at whether each Redis cache
 * answers a {@code PING}. A hit rate is judged over the lookups since the cache was last judged, and only once there
 * are at least {@code minRequests} of them: a cache that has just started, or a quiet interval, is not reported on a
 * handful of misses; the lookups of a quiet interval count towards the next one. A cache entering a bad state is logged as a warning and published as a
 * {@link ZenooCacheHealthEvent} once; it is reported again only after it recovered and went bad again.
 */
final class HealthMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(HealthMonitor.class);

	private final ZenooCacheManager manager;

	private final double alertThreshold;

	private final long minRequests;

	private final @Nullable Long memoryLimitBytes;

	private final Consumer<ZenooCacheHealthEvent> publisher;

	private final Scheduler scheduler;

	/** Per cache: its hits and misses when its hit rate was last judged. */
	private final Map<String, long[]> lastJudged = new ConcurrentHashMap<>();

	private final Set<String> alerting = ConcurrentHashMap.newKeySet();

	private final Disposable ticks;

	HealthMonitor(ZenooCacheManager manager, Duration interval, double alertThreshold, long minRequests,
			@Nullable Long memoryLimitBytes, Scheduler scheduler, Consumer<ZenooCacheHealthEvent> publisher) {
		this.manager = manager;
		this.alertThreshold = alertThreshold;
		this.minRequests = minRequests;
		this.memoryLimitBytes = memoryLimitBytes;
		this.scheduler = scheduler;
		this.publisher = publisher;
		this.ticks = Flux.interval(interval, interval, scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> check().onErrorResume((ex) -> {
				logger.warn("Zenoo cache health check failed: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	static void validate(@Nullable Duration checkInterval, double alertThreshold, long minRequests,
			@Nullable Long memoryLimitBytes) {
		if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException("checkInterval must be positive, was " + checkInterval);
		}
		if (!(alertThreshold >= 0.0 && alertThreshold <= 1.0)) {
			throw new IllegalArgumentException("alertThreshold must be between 0 and 1, was " + alertThreshold);
		}
		if (minRequests < 0) {
			throw new IllegalArgumentException("minRequests must not be negative, was " + minRequests);
		}
		if (memoryLimitBytes != null && memoryLimitBytes <= 0) {
			throw new IllegalArgumentException("memoryLimitBytes must be positive, was " + memoryLimitBytes);
		}
	}

	/** One round of checks. */
	Mono<Void> check() {
		checkHitRates();
		Mono<Void> memory = (this.memoryLimitBytes != null) ? checkMemory(this.memoryLimitBytes) : Mono.empty();
		Mono<Void> redis = this.manager.checkRedisHealth()
			.publishOn(this.scheduler)
			.doOnNext((all) -> all.forEach(this::checkRedis))
			.then();
		return memory.then(redis);
	}

	private void checkHitRates() {
		for (CacheStats cache : this.manager.getStats().caches().values()) {
			long[] previous = this.lastJudged.get(cache.name());
			long hits = cache.hits() - ((previous != null) ? previous[0] : 0);
			long misses = cache.misses() - ((previous != null) ? previous[1] : 0);
			if (hits + misses == 0 || hits + misses < this.minRequests) {
				continue;
			}
			this.lastJudged.put(cache.name(), new long[] { cache.hits(), cache.misses() });
			double rate = (double) hits / (hits + misses);
			transition(Kind.HIT_RATE_LOW, cache.name(), rate < this.alertThreshold, () -> String.format(
					java.util.Locale.ROOT, "hit rate %.3f over the last %d lookups is below %.3f", rate, hits + misses,
					this.alertThreshold));
		}
	}

	/** The heap of the memory caches (Redis memory is the Redis server's business, and costs a SCAN to measure). */
	private Mono<Void> checkMemory(long limit) {
		return Flux.fromIterable(this.manager.allCaches())
			.filter((cache) -> cache.type() == CacheType.MEMORY && cache instanceof AbstractZenooCache)
			.concatMap((cache) -> ((AbstractZenooCache) cache).footprint())
			.reduce(0L, (sum, footprint) -> sum + ((footprint.bytes() != null) ? footprint.bytes() : 0L))
			.doOnNext((bytes) -> transition(Kind.MEMORY_HIGH, "*", bytes > limit,
					() -> "estimated memory cache heap " + bytes + " bytes is above the limit of " + limit + " bytes"))
			.then();
	}

	private void checkRedis(RedisHealth health) {
		transition(Kind.REDIS_UNREACHABLE, health.cache(), !health.reachable(),
				() -> "Redis does not answer: " + health.error());
	}

	private void transition(Kind kind, String cache, boolean bad, java.util.function.Supplier<String> detail) {
		String state = kind + ":" + cache;
		if (bad && this.alerting.add(state)) {
			String text = detail.get();
			logger.warn("Zenoo cache '{}': {} ({})", cache, kind, text);
			try {
				this.publisher.accept(new ZenooCacheHealthEvent(this.manager, kind, cache, text));
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of {} failed: {}", kind, ex.toString());
			}
		}
		else if (!bad && this.alerting.remove(state)) {
			logger.info("Zenoo cache '{}': {} is over", cache, kind);
		}
	}

	@Override
	public void close() {
		this.ticks.dispose();
		this.scheduler.dispose();
	}

}
