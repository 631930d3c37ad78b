package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The cache-aside operations of the Python guide ({@code cache_manager.get(key)}, {@code set(key, value, ttl)},
 * {@code delete(key)}) on one named cache, reactive: an application reads its own values, computes them on a miss and
 * stores them. Obtained with {@link ZenooCacheManager#cache(String)}; the manager's own {@code get}/{@code set}/
 * {@code evict} methods do the same on the default cache.
 * <p>
 * Keys are the application's: a {@code String} (stored in Redis as {@code <namespace>:<cache>:<key>}) or any object
 * implementing {@link CacheKeyText}. Unlike the client's query keys they carry no user scope and no model generation,
 * so a value read for one Odoo user is served to every caller asking with the same key, and writes through the client
 * do not invalidate it: put the user (or whatever else selects the data) into the key when that matters, and give the
 * value a TTL or evict it. Values must be immutable and, for Redis, encodable as JSON (or MessagePack) by the cache's
 * serializer.
 * <p>
 * Cache failures never reach the caller: a Redis failure reads as a miss and a failed store is logged and counted,
 * as everywhere in Zenoo.
 */
public final class CacheAside {

	private final ZenooCache cache;

	CacheAside(ZenooCache cache) {
		this.cache = cache;
	}

	/** @return the name of the cache these operations use */
	public String cacheName() {
		return this.cache.getName();
	}

	/**
	 * Read a value in its generic form: for a memory cache the stored instance, for a Redis cache the JSON form
	 * ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}).
	 * @param key the key
	 * @return the value, or empty on a miss
	 * @throws IllegalArgumentException if the key is null
	 */
	public Mono<Object> get(Object key) {
		return this.cache.find(requireKey(key), Object.class);
	}

	/**
	 * Read a value as the given class: a Redis cache decodes it into the class, a memory cache returns the stored
	 * instance. A value that is not of the class (or does not decode into it) is a miss, counted as a decode failure
	 * in the cache's statistics.
	 * @param <T> the type
	 * @param key the key
	 * @param type the class
	 * @return the value, or empty on a miss
	 * @throws IllegalArgumentException if the key or type is null
	 */
	public <T> Mono<T> get(Object key, Class<T> type) {
		if (type == null) {
			throw new IllegalArgumentException("type must not be null");
		}
		return this.cache.find(requireKey(key), type);
	}

	/**
	 * Read a value as a generic type, such as {@code new ParameterizedTypeReference<List<ResPartner>>() {}.getType()}.
	 * A Redis cache decodes it into the type; a memory cache returns the stored instance unchecked.
	 * @param <T> the type
	 * @param key the key
	 * @param type the type
	 * @return the value, or empty on a miss
	 * @throws IllegalArgumentException if the key or type is null
	 */
	public <T> Mono<T> get(Object key, Type type) {
		if (type == null) {
			throw new IllegalArgumentException("type must not be null");
		}
		return this.cache.find(requireKey(key), type);
	}

	/**
	 * Store a value with the cache's default TTL.
	 * @param key the key
	 * @param value the value, immutable
	 * @return completes when stored (a failed store is logged and counted, not signalled)
	 * @throws IllegalArgumentException if the key or value is null
	 */
	public Mono<Void> set(Object key, Object value) {
		return this.cache.store(requireKey(key), requireValue(value), null);
	}

	/**
	 * Store a value for a given time.
	 * @param key the key
	 * @param value the value, immutable
	 * @param ttl how long; {@link Duration#ZERO} for no expiry
	 * @return completes when stored (a failed store is logged and counted, not signalled)
	 * @throws IllegalArgumentException if the key, value or TTL is null, or the TTL is negative
	 */
	public Mono<Void> set(Object key, Object value, Duration ttl) {
		if (ttl == null || ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must be zero (no expiry) or positive, was " + ttl);
		}
		return this.cache.store(requireKey(key), requireValue(value), ttl);
	}

	/**
	 * Remove a value.
	 * @param key the key
	 * @return whether a value was there (false as well when the backend failed)
	 * @throws IllegalArgumentException if the key is null
	 */
	public Mono<Boolean> evict(Object key) {
		return this.cache.remove(requireKey(key));
	}

	private static Object requireKey(Object key) {
		if (key == null) {
			throw new IllegalArgumentException("key must not be null");
		}
		if (key instanceof CharSequence text && text.toString().isBlank()) {
			throw new IllegalArgumentException("key must not be blank");
		}
		return key;
	}

	private static Object requireValue(Object value) {
		if (value == null) {
			throw new IllegalArgumentException("value must not be null: use evict(key) to remove an entry");
		}
		return value;
	}

	@Override
	public String toString() {
		return "CacheAside[" + this.cache.getName() + "]";
	}

	static CacheAside of(ZenooCache cache) {
		return new CacheAside(Objects.requireNonNull(cache, "cache must not be null"));
	}

	/**
	 * The operations on a manager's default cache.
	 * @param defaultCache the default cache, or {@code null} when caching is disabled
	 * @return the operations
	 * @throws IllegalStateException if there is no default cache
	 */
	static CacheAside ofDefault(@Nullable ZenooCache defaultCache) {
		if (defaultCache == null) {
			throw new IllegalStateException("there is no default cache: caching is disabled (zenoo.cache.enabled=false "
					+ "or no cache was set up); set up a cache or use cache(name) on an existing one");
		}
		return of(defaultCache);
	}

}
