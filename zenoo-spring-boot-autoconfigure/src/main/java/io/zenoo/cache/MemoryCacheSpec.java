package io.zenoo.cache;

import java.time.Duration;

/**
 * The settings of a memory cache.
 *
 * @param name the cache name
 * @param maxSize the maximum number of entries (positive)
 * @param defaultTtl the TTL of entries stored without one; {@link Duration#ZERO} for no expiry
 * @param strategy how entries expire, see {@link CacheStrategy}
 * @param storage how values are kept, see {@link MemoryStorage}
 * @param decodedEntries with {@link MemoryStorage#COMPACT}, how many entries are kept decoded at most (between 1 and
 * {@code maxSize}; see {@link #defaultDecodedEntries(long)}); ignored with {@link MemoryStorage#OBJECTS}
 */
public record MemoryCacheSpec(String name, long maxSize, Duration defaultTtl, CacheStrategy strategy,
		MemoryStorage storage, long decodedEntries) {

	/** Default maximum number of entries. */
	public static final long DEFAULT_MAX_SIZE = 1000;

	/** Default TTL. */
	public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

	/** Default storage. */
	public static final MemoryStorage DEFAULT_STORAGE = MemoryStorage.COMPACT;

	/** The fewest decoded entries by default (unless {@code max-size} is smaller). */
	public static final long MIN_DEFAULT_DECODED_ENTRIES = 16;

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
		if (storage == null) {
			throw new InvalidCacheSpecException("storage", "is missing", "Use one of: compact, objects.");
		}
		if (decodedEntries < 1) {
			throw new InvalidCacheSpecException("decoded-entries", "is " + decodedEntries + " but must be at least 1",
					"Set how many entries to keep decoded, between 1 and max-size (" + maxSize
							+ "), or leave it unset for 10% of max-size (at least 16).");
		}
		if (decodedEntries > maxSize) {
			throw new InvalidCacheSpecException("decoded-entries",
					"is " + decodedEntries + ", more than max-size (" + maxSize + ")",
					"Set at most max-size, raise max-size, or leave decoded-entries unset for 10% of max-size "
							+ "(at least 16).");
		}
	}

	/**
	 * A spec with {@link MemoryStorage#COMPACT} storage and the default number of decoded entries.
	 * @param name the cache name
	 * @param maxSize the maximum number of entries (positive)
	 * @param defaultTtl the TTL of entries stored without one; {@link Duration#ZERO} for no expiry
	 * @param strategy how entries expire
	 */
	public MemoryCacheSpec(String name, long maxSize, Duration defaultTtl, CacheStrategy strategy) {
		this(name, maxSize, defaultTtl, strategy, DEFAULT_STORAGE, defaultDecodedEntries(maxSize));
	}

	/**
	 * A spec with the defaults: 1000 entries, 5 minutes, {@link CacheStrategy#TTL}, {@link MemoryStorage#COMPACT},
	 * 100 decoded entries.
	 * @param name the cache name
	 * @return the spec
	 */
	public static MemoryCacheSpec of(String name) {
		return new MemoryCacheSpec(name, DEFAULT_MAX_SIZE, DEFAULT_TTL, CacheStrategy.TTL);
	}

	/**
	 * The default number of decoded entries of a compact cache: 10% of {@code maxSize}, at least 16 (but never more
	 * than {@code maxSize}).
	 * @param maxSize the maximum number of entries
	 * @return the default
	 */
	public static long defaultDecodedEntries(long maxSize) {
		return Math.min(Math.max(1, maxSize), Math.max(MIN_DEFAULT_DECODED_ENTRIES, maxSize / 10));
	}

	/**
	 * This spec with another storage.
	 * @param storage the storage
	 * @return the spec
	 */
	public MemoryCacheSpec withStorage(MemoryStorage storage) {
		return new MemoryCacheSpec(this.name, this.maxSize, this.defaultTtl, this.strategy, storage, this.decodedEntries);
	}

	/**
	 * This spec with another number of decoded entries.
	 * @param decodedEntries how many entries a compact cache keeps decoded, between 1 and {@code maxSize}
	 * @return the spec
	 */
	public MemoryCacheSpec withDecodedEntries(long decodedEntries) {
		return new MemoryCacheSpec(this.name, this.maxSize, this.defaultTtl, this.strategy, this.storage, decodedEntries);
	}

}
