package io.zenoo.cache;

import java.time.Duration;

/**
 * The settings of a memory cache.
 *
 * @param name the cache name
 * @param maxSize the maximum number of entries (positive)
 * @param defaultTtl the TTL of entries stored without one; {@link Duration#ZERO} for no expiry
 * @param strategy how entries expire, see {@link CacheStrategy}
 */
public record MemoryCacheSpec(String name, long maxSize, Duration defaultTtl, CacheStrategy strategy) {

	/** Default maximum number of entries. */
	public static final long DEFAULT_MAX_SIZE = 1000;

	/** Default TTL. */
	public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

	/**
	 * Validate the settings.
	 * @throws InvalidCacheSpecException if a setting is missing or out of range
	 */
	public MemoryCacheSpec {
		CacheSpecChecks.requireName(name);
		if (maxSize <= 0) {
			throw new InvalidCacheSpecException("max-size", "is " + maxSize + " but must be positive",
					"Set a maximum number of entries of at least 1.");
		}
		CacheSpecChecks.requireTtl("default-ttl", defaultTtl);
		if (strategy == null) {
			throw new InvalidCacheSpecException("strategy", "is missing", "Use one of: ttl, lru, lfu.");
		}
	}

	/**
	 * A spec with the defaults: 1000 entries, 5 minutes, {@link CacheStrategy#TTL}.
	 * @param name the cache name
	 * @return the spec
	 */
	public static MemoryCacheSpec of(String name) {
		return new MemoryCacheSpec(name, DEFAULT_MAX_SIZE, DEFAULT_TTL, CacheStrategy.TTL);
	}

}
