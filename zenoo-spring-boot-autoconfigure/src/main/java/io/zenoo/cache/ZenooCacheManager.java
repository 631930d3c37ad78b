package io.zenoo.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Holds the Zenoo caches by name, and sets new ones up at run time like the Python library's
 * {@code setup_memory_cache} / {@code setup_redis_cache}. A Spring {@link CacheManager}, so an application's own
 * {@code @Cacheable(cacheManager = "zenooCacheManager")} methods can use these caches.
 * <p>
 * The {@code setup*} methods return the new cache at once: creating a cache does no network I/O (a Redis cache
 * connects on first use; a tiered cache subscribes to its invalidation channel in the background). Cache names are
 * unique: setting up a name twice is refused.
 * <p>
 * {@link #destroy()} (called by Spring when the context closes) stops the invalidation subscriptions and shuts down the
 * Redis connections that caches with their own {@code url} opened.
 */
public class ZenooCacheManager implements CacheManager, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ZenooCacheManager.class);

	private final @Nullable ReactiveRedisConnectionFactory connectionFactory;

	private final String sourceId = UUID.randomUUID().toString();

	private final Map<String, ZenooCache> caches = Collections.synchronizedMap(new LinkedHashMap<>());

	private final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());

	private volatile @Nullable String defaultCacheName;

	/**
	 * Create a manager without an application Redis connection: Redis caches need their own {@code url}.
	 */
	public ZenooCacheManager() {
		this(null);
	}

	/**
	 * Create a manager.
	 * @param connectionFactory the application's Redis connection, used by Redis caches without their own
	 * {@code url}; {@code null} if there is none
	 */
	public ZenooCacheManager(@Nullable ReactiveRedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Set up a memory cache. The first cache set up becomes the default until {@link #setDefaultCacheName} says
	 * otherwise.
	 * @param spec the settings
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken
	 */
	public ZenooCache setupMemoryCache(MemoryCacheSpec spec) {
		return register(new MemoryZenooCache(spec));
	}

	/**
	 * Set up a memory cache that reads time from the given ticker, so that tests can move time forward instead of
	 * waiting (as Caffeine's own tests do).
	 * @param spec the settings
	 * @param ticker the time source
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken
	 */
	public ZenooCache setupMemoryCache(MemoryCacheSpec spec, com.github.benmanes.caffeine.cache.Ticker ticker) {
		java.util.Objects.requireNonNull(ticker, "ticker must not be null");
		return register(new MemoryZenooCache(spec, ticker, null));
	}

	/**
	 * Set up a Redis cache, on its own connection if the spec has a {@code url}, else on the application's.
	 * @param spec the settings
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken or there is no connection to use
	 */
	public ZenooCache setupRedisCache(RedisCacheSpec spec) {
		requireFreeName(spec.name());
		if (spec.url() != null) {
			RedisConnections.Owned own = RedisConnections.create(spec);
			this.resources.add(own);
			return register(new RedisZenooCache(spec, own.factory()));
		}
		if (this.connectionFactory == null) {
			throw new InvalidCacheSpecException("url",
					"is not set and the application has no ReactiveRedisConnectionFactory",
					"Set a url (redis://host:6379/0) or configure spring.data.redis.* with "
							+ "spring-boot-starter-data-redis-reactive on the classpath.");
		}
		return register(new RedisZenooCache(spec, this.connectionFactory));
	}

	/**
	 * Set up a tiered cache: the memory cache {@code l1} in front of the Redis cache {@code l2}, both already set up.
	 * @param name the name of the tiered cache
	 * @param l1 the name of a memory cache
	 * @param l2 the name of a Redis cache
	 * @return the new cache
	 * @throws InvalidCacheSpecException if a name is missing, unknown, or of the wrong type
	 */
	public ZenooCache setupTieredCache(String name, String l1, String l2) {
		CacheSpecChecks.requireName(name);
		requireFreeName(name);
		ZenooCache first = tier("l1", l1, CacheType.MEMORY);
		ZenooCache second = tier("l2", l2, CacheType.REDIS);
		TieredZenooCache tiered = new TieredZenooCache(name, (MemoryZenooCache) first, (RedisZenooCache) second,
				this.sourceId);
		this.resources.add(tiered::close);
		return register(tiered);
	}

	private ZenooCache tier(String setting, @Nullable String cacheName, CacheType required) {
		if (cacheName == null || cacheName.isBlank()) {
			throw new InvalidCacheSpecException(setting, "is missing",
					"Name the " + required.name().toLowerCase(Locale.ROOT) + " cache to use as " + setting + ".");
		}
		ZenooCache cache = this.caches.get(cacheName);
		if (cache == null) {
			throw new InvalidCacheSpecException(setting, "names cache '" + cacheName + "', which does not exist",
					"Name a " + required.name().toLowerCase(Locale.ROOT) + " cache defined before the tiered cache.");
		}
		if (cache.type() != required) {
			throw new InvalidCacheSpecException(setting, "names cache '" + cacheName + "' of type "
					+ cache.type().name().toLowerCase(Locale.ROOT) + ", but " + setting + " must be a "
					+ required.name().toLowerCase(Locale.ROOT) + " cache", "Name a " + required.name().toLowerCase(Locale.ROOT) + " cache.");
		}
		return cache;
	}

	private void requireFreeName(String name) {
		if (this.caches.containsKey(name)) {
			throw new InvalidCacheSpecException("name", "'" + name + "' is already taken by another cache",
					"Give every cache a unique name.");
		}
	}

	private ZenooCache register(ZenooCache cache) {
		synchronized (this.caches) {
			requireFreeName(cache.getName());
			this.caches.put(cache.getName(), cache);
			if (this.defaultCacheName == null) {
				this.defaultCacheName = cache.getName();
			}
		}
		logger.debug("Zenoo cache '{}' ({}) set up", cache.getName(), cache.type());
		return cache;
	}

	/**
	 * Make a cache the default (used by queries that name none).
	 * @param name the name of an existing cache
	 * @throws InvalidCacheSpecException if there is no such cache
	 */
	public void setDefaultCacheName(String name) {
		if (name == null || !this.caches.containsKey(name)) {
			throw new InvalidCacheSpecException("default-cache", "names cache '" + name + "', which does not exist",
					"Name one of the configured caches: " + getCacheNames() + ".");
		}
		this.defaultCacheName = name;
	}

	/**
	 * Return the default cache.
	 * @return the default cache, or {@code null} when there is no cache at all (caching disabled)
	 */
	public @Nullable ZenooCache getDefaultCache() {
		String name = this.defaultCacheName;
		return (name != null) ? this.caches.get(name) : null;
	}

	/**
	 * Return a cache by name.
	 * @param name the cache name
	 * @return the cache, or {@code null} if there is none of that name
	 */
	@Override
	public @Nullable ZenooCache getCache(String name) {
		return this.caches.get(name);
	}

	/**
	 * Return the names of all caches, in the order they were set up.
	 * @return the names
	 */
	@Override
	public Collection<String> getCacheNames() {
		synchronized (this.caches) {
			return List.copyOf(this.caches.keySet());
		}
	}

	/**
	 * Remove every entry of every cache.
	 * @return completes when done; never an error
	 */
	public Mono<Void> clearAllCaches() {
		List<ZenooCache> all;
		synchronized (this.caches) {
			all = List.copyOf(this.caches.values());
		}
		return Flux.fromIterable(all).concatMap(ZenooCache::removeAll).then();
	}

	/**
	 * Stop invalidation subscriptions and close the Redis connections this manager opened.
	 */
	@Override
	public void destroy() {
		List<AutoCloseable> toClose;
		synchronized (this.resources) {
			toClose = new ArrayList<>(this.resources);
			this.resources.clear();
		}
		Collections.reverse(toClose);
		for (AutoCloseable resource : toClose) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				logger.debug("Could not close a cache resource: {}", ex.toString());
			}
		}
	}

}
