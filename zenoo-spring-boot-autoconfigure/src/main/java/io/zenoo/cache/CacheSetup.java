package io.zenoo.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Sets caches up for a {@link ZenooCacheManager}: builds each cache, registers it with the registry and the
 * generations, tracks the default cache, and keeps the connections and subscriptions it opened so they can be closed
 * in reverse order.
 */
final class CacheSetup {

	// the manager's logger, so that the set-up messages keep the category users configure
	private static final Logger logger = LoggerFactory.getLogger(ZenooCacheManager.class);

	private final @Nullable ReactiveRedisConnectionFactory connectionFactory;

	private final String sourceId;

	private final CacheRegistry registry;

	private final Invalidations invalidations;

	private final BooleanSupplier detailedStats;

	private final List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());

	private volatile @Nullable String defaultCacheName;

	/**
	 * @param connectionFactory the application's Redis connection, or {@code null}
	 * @param sourceId this manager's id on the invalidation channels
	 * @param registry the caches by name
	 * @param invalidations the manager's invalidations (whose generations each cache joins)
	 * @param detailedStats whether new caches start with detailed statistics
	 */
	CacheSetup(@Nullable ReactiveRedisConnectionFactory connectionFactory, String sourceId, CacheRegistry registry,
			Invalidations invalidations, BooleanSupplier detailedStats) {
		this.connectionFactory = connectionFactory;
		this.sourceId = sourceId;
		this.registry = registry;
		this.invalidations = invalidations;
		this.detailedStats = detailedStats;
	}

	ZenooCache redis(RedisCacheSpec spec) {
		this.registry.requireFreeName(spec.name());
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

	ZenooCache tiered(String name, String l1, String l2) {
		CacheSpecChecks.requireName(name);
		this.registry.requireFreeName(name);
		ZenooCache first = this.registry.tier("l1", l1, CacheType.MEMORY);
		ZenooCache second = this.registry.tier("l2", l2, CacheType.REDIS);
		TieredZenooCache tiered = new TieredZenooCache(name, (MemoryZenooCache) first, (RedisZenooCache) second,
				this.sourceId);
		this.resources.add(tiered::close);
		return register(tiered);
	}

	ZenooCache register(ZenooCache cache) {
		if (this.detailedStats.getAsBoolean()) {
			cache.statistics().enableDetailed();
		}
		this.invalidations.generations().register(cache);
		try {
			this.registry.add(cache);
		}
		catch (RuntimeException ex) {
			this.invalidations.generations().unregister(cache);
			throw ex;
		}
		synchronized (this.registry) {
			if (this.defaultCacheName == null) {
				this.defaultCacheName = cache.getName();
			}
		}
		logger.debug("Zenoo cache '{}' ({}) set up", cache.getName(), cache.type());
		return cache;
	}

	@Nullable String defaultCacheName() {
		return this.defaultCacheName;
	}

	void defaultCacheName(String name) {
		this.defaultCacheName = name;
	}

	/** Closes what the set-ups opened, newest first; a failure to close one is logged and the rest still close. */
	void closeResources() {
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
