package io.zenoo.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.CacheSerializer;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.EncryptionKeys;
import io.zenoo.cache.InvalidCacheSpecException;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.MemoryStorage;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration of the Zenoo caches from {@code zenoo.cache.*}: a {@link ZenooCacheManager} bean named
 * {@code zenooCacheManager}.
 * <p>
 * It runs after Boot's cache auto-configuration, so Boot still configures its own {@code cacheManager}, and the bean is
 * a {@link Fallback @Fallback} {@link CacheManager}: where the application (or Boot) defines another cache manager,
 * that one stays the one Spring's caching and by-type injection pick; the Zenoo one is reached by name
 * ({@code @Cacheable(cacheManager = "zenooCacheManager")}) or by its own type. Redis caches without their own
 * {@code url} use the application's {@link ReactiveRedisConnectionFactory} ({@code spring.data.redis.*}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnClass({ Caffeine.class, CacheManager.class })
@EnableConfigurationProperties(ZenooCacheProperties.class)
public class ZenooCacheAutoConfiguration {

	private static final String PREFIX = "zenoo.cache";

	/**
	 * The Zenoo cache manager.
	 * @param properties the cache properties
	 * @param redisConnectionFactory the application's Redis connection, if any
	 * @return the cache manager
	 */
	@Bean(name = "zenooCacheManager")
	@Fallback
	@ConditionalOnMissingBean(ZenooCacheManager.class)
	public ZenooCacheManager zenooCacheManager(ZenooCacheProperties properties,
			ObjectProvider<ReactiveRedisConnectionFactory> redisConnectionFactory) {
		return createCacheManager(properties, redisConnectionFactory::getIfAvailable);
	}

	static ZenooCacheManager createCacheManager(ZenooCacheProperties properties,
			Supplier<ReactiveRedisConnectionFactory> redisConnectionFactory) {
		Map<String, ZenooCacheProperties.Cache> caches = properties.getCaches();
		boolean needsSharedRedis = properties.isEnabled() && caches.values()
			.stream()
			.anyMatch((cache) -> "redis".equalsIgnoreCase(cache.getType()) && cache.getUrl() == null);
		ZenooCacheManager manager = new ZenooCacheManager(needsSharedRedis ? redisConnectionFactory.get() : null);
		try {
			if (properties.isEnabled()) {
				setUpCaches(manager, properties);
				setUpHealthMonitoring(manager, properties.getHealth());
				ZenooInvalidationSettings.apply(manager, properties);
			}
			return manager;
		}
		catch (RuntimeException ex) {
			manager.destroy();
			throw ex;
		}
	}

	private static void setUpCaches(ZenooCacheManager manager, ZenooCacheProperties properties) {
		Map<String, ZenooCacheProperties.Cache> caches = properties.getCaches();
		if (caches.isEmpty()) {
			manager.setupMemoryCache(MemoryCacheSpec.of("memory"));
		}
		for (Map.Entry<String, ZenooCacheProperties.Cache> entry : caches.entrySet()) {
			String type = type(entry.getKey(), entry.getValue());
			if (type.equals("memory")) {
				on(entry.getKey(), () -> manager.setupMemoryCache(memorySpec(entry.getKey(), entry.getValue())));
			}
		}
		for (Map.Entry<String, ZenooCacheProperties.Cache> entry : caches.entrySet()) {
			if (type(entry.getKey(), entry.getValue()).equals("redis")) {
				on(entry.getKey(), () -> manager.setupRedisCache(redisSpec(entry.getKey(), entry.getValue())));
			}
		}
		for (Map.Entry<String, ZenooCacheProperties.Cache> entry : caches.entrySet()) {
			if (type(entry.getKey(), entry.getValue()).equals("tiered")) {
				on(entry.getKey(), () -> {
					if (entry.getValue().getEncryption().isConfigured()) {
						throw new InvalidCacheSpecException("encryption.key", "is set on a tiered cache",
								"Set the encryption on its l2 Redis cache; its l1 memory cache holds objects, not "
										+ "bytes.");
					}
					manager.setupTieredCache(entry.getKey(), entry.getValue().getL1(), entry.getValue().getL2());
				});
			}
		}
		for (Map.Entry<String, ZenooCacheProperties.Cache> entry : caches.entrySet()) {
			on(entry.getKey(), () -> setFreshness(manager, entry.getKey(), entry.getValue()));
		}
		for (Map.Entry<String, ZenooCacheProperties.Cache> entry : caches.entrySet()) {
			if (entry.getValue().isWriteThrough()) {
				manager.setWriteThrough(entry.getKey(), true);
			}
		}
		if (properties.getDefaultCache() != null) {
			try {
				manager.setDefaultCacheName(properties.getDefaultCache());
			}
			catch (InvalidCacheSpecException ex) {
				throw new ZenooConfigurationException(PREFIX + ".default-cache", ex.getProblem(), ex.getAction());
			}
		}
	}

	private static void setUpHealthMonitoring(ZenooCacheManager manager, ZenooCacheProperties.Health health) {
		if (!(health.getAlertThreshold() >= 0 && health.getAlertThreshold() <= 1)) {
			throw new ZenooConfigurationException(PREFIX + ".health.alert-threshold",
					"is " + health.getAlertThreshold() + ", outside 0..1", "Set a hit rate between 0 and 1, such as 0.5.");
		}
		if (health.getMinRequests() < 0) {
			throw new ZenooConfigurationException(PREFIX + ".health.min-requests",
					"is " + health.getMinRequests() + ", negative",
					"Set a number of lookups such as 100, or 0 to judge the hit rate from the first lookup.");
		}
		if (health.getCheckInterval() == null) {
			return;
		}
		if (health.getCheckInterval().isNegative() || health.getCheckInterval().isZero()) {
			throw new ZenooConfigurationException(PREFIX + ".health.check-interval", "must be positive",
					"Set a positive duration such as 30s, or leave it unset for no periodic check.");
		}
		DataSize limit = health.getMemoryLimit();
		if (limit != null && limit.toBytes() <= 0) {
			throw new ZenooConfigurationException(PREFIX + ".health.memory-limit", "must be positive",
					"Set a size such as 256MB, or leave it unset for no limit.");
		}
		manager.setupHealthMonitoring(health.getCheckInterval(), health.getAlertThreshold(), health.getMinRequests(),
				(limit != null) ? limit.toBytes() : null);
	}

	private static String type(String name, ZenooCacheProperties.Cache cache) {
		String type = (cache.getType() != null) ? cache.getType().trim().toLowerCase(Locale.ROOT) : null;
		if (type == null || type.isEmpty()) {
			throw new ZenooConfigurationException(property(name, "type"), "is missing",
					"Set the cache type: memory, redis or tiered.");
		}
		if (!type.equals("memory") && !type.equals("redis") && !type.equals("tiered")) {
			throw new ZenooConfigurationException(property(name, "type"),
					"is '" + cache.getType() + "', which is not a known cache type",
					"Use one of: memory, redis, tiered.");
		}
		return type;
	}

	private static void setFreshness(ZenooCacheManager manager, String name, ZenooCacheProperties.Cache cache) {
		Double refreshAhead = cache.getRefreshAhead();
		if (refreshAhead != null && !(refreshAhead > 0 && refreshAhead < 1)) {
			throw new InvalidCacheSpecException("refresh-ahead", "is " + refreshAhead + ", outside (0, 1)",
					"Set a fraction of the TTL such as 0.8, or leave it unset for no refresh-ahead.");
		}
		CacheFreshness freshness = new CacheFreshness(cache.getMaxStale(), (refreshAhead != null) ? refreshAhead : 0);
		if (freshness.isOn()) {
			manager.setFreshness(name, freshness);
		}
	}

	private static MemoryCacheSpec memorySpec(String name, ZenooCacheProperties.Cache cache) {
		if (cache.getEncryption().isConfigured()) {
			throw new InvalidCacheSpecException("encryption.key", "is set on a memory cache",
					"Only Redis caches store bytes that can be encrypted: move the encryption settings to a redis "
							+ "cache (the l2 of a tiered cache), or remove them.");
		}
		Long decodedEntries = cache.getDecodedEntries();
		return new MemoryCacheSpec(name, cache.getMaxSize(), cache.getDefaultTtl(),
				CacheStrategy.parse(cache.getStrategy()), MemoryStorage.parse(cache.getStorage()),
				(decodedEntries != null) ? decodedEntries : MemoryCacheSpec.defaultDecodedEntries(cache.getMaxSize()));
	}

	private static RedisCacheSpec redisSpec(String name, ZenooCacheProperties.Cache cache) {
		return RedisCacheSpec.builder(name)
			.url(cache.getUrl())
			.namespace(cache.getNamespace())
			.serializer(CacheSerializer.parse(cache.getSerializer()))
			.defaultTtl(cache.getDefaultTtl())
			.maxConnections(cache.getMaxConnections())
			.enableFallback(cache.isEnableFallback())
			.fallbackMaxSize(cache.getFallbackMaxSize())
			.circuitBreakerThreshold(cache.getCircuitBreakerThreshold())
			.circuitBreakerWait(cache.getCircuitBreakerWait())
			.retryAttempts(cache.getRetryAttempts())
			.commandTimeout(cache.getCommandTimeout())
			.encryption(encryption(cache.getEncryption()))
			.build();
	}

	private static @Nullable EncryptionKeys encryption(ZenooCacheProperties.Encryption encryption) {
		return encryption.isConfigured()
				? EncryptionKeys.of(encryption.getKeyId(), encryption.getKey(), encryption.getPreviousKeys()) : null;
	}

	/** Run a set-up step, reporting an invalid setting by its full property name. */
	private static void on(String cacheName, Runnable setup) {
		try {
			setup.run();
		}
		catch (InvalidCacheSpecException ex) {
			throw new ZenooConfigurationException(property(cacheName, ex.getSetting()), ex.getProblem(),
					ex.getAction());
		}
	}

	private static String property(String cacheName, String setting) {
		return PREFIX + ".caches." + cacheName + "." + setting;
	}

}
