package io.zenoo.cache;

import java.time.Duration;

/**
 * Checks shared by the cache specs and by the caches' own arguments.
 */
final class CacheSpecChecks {

	private CacheSpecChecks() {
	}

	static void requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidCacheSpecException("name", "is missing", "Give every cache a non-blank name.");
		}
	}

	static void requireTtl(String setting, Duration ttl) {
		if (ttl == null) {
			throw new InvalidCacheSpecException(setting, "is missing", "Set a duration such as 60s (0 for no expiry).");
		}
		if (ttl.isNegative()) {
			throw new InvalidCacheSpecException(setting, "is " + ttl + " but must not be negative",
					"Set a duration such as 60s (0 for no expiry).");
		}
	}

	static Object requireKey(Object key) {
		if (key == null) {
			throw new IllegalArgumentException("Cache key must not be null");
		}
		return key;
	}

	/** Resolve an entry TTL: null means the default, zero never expires; negative is refused. */
	static Duration effectiveTtl(Duration ttl, Duration defaultTtl) {
		if (ttl == null) {
			return defaultTtl;
		}
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("Cache TTL must not be negative: " + ttl);
		}
		return ttl;
	}

}
