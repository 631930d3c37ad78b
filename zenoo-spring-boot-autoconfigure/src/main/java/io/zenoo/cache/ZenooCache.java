package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cache.Cache;

/**
 * A Zenoo cache: a reactive API for the Odoo client on top of Spring's full {@link Cache} contract, so that an
 * application's own {@code @Cacheable} methods (including {@code Mono}/{@code Flux} methods) can use it too.
 * <p>
 * <b>Failures never reach the caller</b>: a backend failure or a value that cannot be decoded is a miss (and is
 * counted in {@link #statistics()}); a failed write is logged at debug level and counted.
 * <p>
 * <b>Values must be immutable</b> (or never modified after being stored): a memory cache keeps the very instance it
 * is given and hands it out to every reader.
 * <p>
 * <b>Types come from the caller</b>, never from stored data. A Redis cache decodes {@link #find(Object, Type)} and
 * {@link #get(Object, Class)} into the requested type; Spring's untyped {@link #get(Object)} and {@link #retrieve(Object)}
 * return the generic JSON form ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}).
 * <p>
 * {@code null} values are not cached: storing {@code null} removes the entry.
 */
public interface ZenooCache extends Cache {

	/**
	 * Look a value up.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the type to decode the value into
	 * @return the value, or empty on a miss; never an error
	 */
	<T> Mono<T> find(Object key, Type type);

	/**
	 * Store a value.
	 * @param key the key
	 * @param value the value, immutable
	 * @param ttl how long the entry lives: {@code null} for the cache's default TTL, {@link Duration#ZERO} for no
	 * expiry (the entry stays until evicted, removed or cleared)
	 * @return completes when the value is stored (or the write failed, which is logged and counted); never an error
	 */
	Mono<Void> store(Object key, Object value, @Nullable Duration ttl);

	/**
	 * Look a value up and, on a miss, load and store it. Concurrent identical misses in one JVM run the loader once
	 * and all get its result. A loader error is not cached and reaches every waiting caller; an empty loader result is
	 * not cached and every waiting caller gets empty.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the type to decode a cached value into
	 * @param loader supplies the value on a miss
	 * @param ttl the TTL of a loaded value, as for {@link #store(Object, Object, Duration)}
	 * @return the cached or loaded value
	 */
	<T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl);

	/**
	 * Remove an entry.
	 * @param key the key
	 * @return whether an entry was present (false as well when the backend failed); never an error
	 */
	Mono<Boolean> remove(Object key);

	/**
	 * Remove every entry of this cache (for Redis: only the keys under this cache's prefix).
	 * @return completes when done; never an error
	 */
	Mono<Void> removeAll();

	/**
	 * Return the kind of store.
	 * @return the type
	 */
	CacheType type();

	/**
	 * Return the live counters of this cache.
	 * @return the statistics
	 */
	ZenooCacheStatistics statistics();

	/**
	 * Return the stale-if-error and refresh-ahead settings of this cache (see
	 * {@code ZenooCacheManager.setFreshness}).
	 * @return the settings; {@link CacheFreshness#NONE} for a cache without them
	 */
	default CacheFreshness freshness() {
		return CacheFreshness.NONE;
	}

	/**
	 * Return the TTL used when a caller gives none.
	 * @return the default TTL; {@link Duration#ZERO} for no expiry
	 */
	Duration defaultTtl();

}
