package io.zenoo.cache.stats;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The result of one health check of a Redis cache (or of a tiered cache's Redis level).
 * @param cache the cache name
 * @param reachable whether Redis answered a {@code PING} on the cache's connection in time
 * @param latency how long the {@code PING} took; {@code null} when it failed
 * @param breaker the state of the cache's circuit breaker
 * @param fallbackActive whether the cache's memory fallback is serving instead of Redis
 * @param error why Redis was not reachable (exception class and message, never credentials); {@code null} when it was
 */
public record RedisHealth(String cache, boolean reachable, @Nullable Duration latency, BreakerState breaker,
		boolean fallbackActive, @Nullable String error) {

	/**
	 * Whether the cache works in a reduced way: Redis unreachable, the breaker not closed, or the fallback serving.
	 * @return whether the cache is degraded
	 */
	public boolean degraded() {
		return !this.reachable || this.breaker != BreakerState.CLOSED || this.fallbackActive;
	}

}
