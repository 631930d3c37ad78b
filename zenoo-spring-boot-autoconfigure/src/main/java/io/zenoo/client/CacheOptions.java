package io.zenoo.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A query's cache controls: {@code .cache(name)}, {@code .cacheTtl(ttl)}, {@code .noCache()},
 * {@code .cacheRefresh()}, {@code .cacheKey(key)}.
 *
 * @param cacheName the cache to use, or {@code null} for the default cache
 * @param ttl the entry's TTL, or {@code null} for the cache's default; {@link Duration#ZERO} = never expires
 * @param mode read the cache, bypass it, or refresh it
 * @param key a caller-chosen key, or {@code null} to derive it from the query
 * @param writeThrough whether writes refresh the written records' cached {@code get(id)} entries
 */
record CacheOptions(@Nullable String cacheName, @Nullable Duration ttl, Mode mode, @Nullable String key,
		boolean writeThrough) {

	static final CacheOptions DEFAULT = new CacheOptions(null, null, Mode.USE, null);

	CacheOptions(@Nullable String cacheName, @Nullable Duration ttl, Mode mode, @Nullable String key) {
		this(cacheName, ttl, mode, key, false);
	}

	CacheOptions writeThrough(boolean writeThrough) {
		return new CacheOptions(this.cacheName, this.ttl, this.mode, this.key, writeThrough);
	}

	CacheOptions named(String cacheName) {
		return new CacheOptions(cacheName, this.ttl, this.mode, this.key, this.writeThrough);
	}

	CacheOptions ttl(Duration ttl) {
		return new CacheOptions(this.cacheName, ttl, this.mode, this.key, this.writeThrough);
	}

	CacheOptions mode(Mode mode) {
		return new CacheOptions(this.cacheName, this.ttl, mode, this.key, this.writeThrough);
	}

	CacheOptions key(String key) {
		return new CacheOptions(this.cacheName, this.ttl, this.mode, key, this.writeThrough);
	}

	enum Mode {

		/** Serve from the cache, load on a miss. */
		USE,

		/** Ignore the cache entirely. */
		BYPASS,

		/** Load from Odoo and overwrite the cached entry. */
		REFRESH

	}

}
