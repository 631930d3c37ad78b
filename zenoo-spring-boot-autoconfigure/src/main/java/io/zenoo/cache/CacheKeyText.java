package io.zenoo.cache;

import org.jspecify.annotations.Nullable;

/**
 * A cache key that knows its own stable text form. Redis caches store an entry under
 * {@code <namespace>:<cacheName>:<cacheKeyText()>}; keys that do not implement this interface use
 * {@code String.valueOf(key)}. The text must be the same in every JVM for equal keys.
 */
public interface CacheKeyText {

	/**
	 * Return the stable text form of this key.
	 * @return the text form, never {@code null}
	 */
	String cacheKeyText();

	/**
	 * Return the Odoo model this key belongs to, for per-model statistics and model invalidation.
	 * @return the model, or {@code null} when the key belongs to none
	 */
	default @Nullable String model() {
		return null;
	}

}
