package io.zenoo.cache;

/**
 * The kind of store behind a {@link ZenooCache}.
 */
public enum CacheType {

	/** In-process Caffeine cache. */
	MEMORY,

	/** Shared Redis cache. */
	REDIS,

	/** A memory cache (L1) in front of a Redis cache (L2). */
	TIERED

}
