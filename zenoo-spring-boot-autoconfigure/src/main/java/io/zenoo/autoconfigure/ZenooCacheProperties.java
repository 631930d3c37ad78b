package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Zenoo caches, from {@code zenoo.cache.*}.
 */
@ConfigurationProperties("zenoo.cache")
public class ZenooCacheProperties {

	/**
	 * Whether caching is on. When off, the zenooCacheManager bean still exists but holds no cache.
	 */
	private boolean enabled = true;

	/**
	 * Name of the cache used by queries that name none. Defaults to the first configured cache.
	 */
	private @Nullable String defaultCache;

	/**
	 * Caches by name. Without any, one memory cache named "memory" (1000 entries, 5 minutes) is set up.
	 */
	private Map<String, Cache> caches = new LinkedHashMap<>();

	/**
	 * Cache health: the periodic check and the zenooCache health indicator.
	 */
	private final Health health = new Health();

	/**
	 * Models whose change also invalidates the cached queries of other models, for example res.partner: [res.users].
	 * Not transitive. A model name with an underscore needs brackets to keep it: "[x_studio.model]".
	 */
	private Map<String, List<String>> relatedModels = new LinkedHashMap<>();

	/**
	 * Odoo methods whose generic call (ZenooClient.call) invalidates the model's cached queries, besides the built-in
	 * create, write, unlink, copy, name_create, toggle_active, action_* and button_*. A trailing * makes a prefix.
	 */
	private List<String> mutatingMethods = new ArrayList<>();

	/**
	 * Patterns invalidated periodically, each a pattern (a glob on the key text) and an interval, for example
	 * [{pattern: "res.partner:*", interval: 1h}]. A pattern naming just a model (model:*) gives the model a new
	 * generation instead of scanning the caches.
	 */
	private List<AutoInvalidation> autoInvalidation = new ArrayList<>();

	/** @return whether caching is on */
	public boolean isEnabled() {
		return this.enabled;
	}

	/** @param enabled whether caching is on */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** @return the default cache name, or {@code null} for the first cache */
	public @Nullable String getDefaultCache() {
		return this.defaultCache;
	}

	/** @param defaultCache the default cache name */
	public void setDefaultCache(@Nullable String defaultCache) {
		this.defaultCache = defaultCache;
	}

	/** @return the caches by name */
	public Map<String, Cache> getCaches() {
		return this.caches;
	}

	/** @param caches the caches by name */
	public void setCaches(Map<String, Cache> caches) {
		this.caches = caches;
	}

	/** @return the cache health settings */
	public Health getHealth() {
		return this.health;
	}

	/** @return the related models of each model */
	public Map<String, List<String>> getRelatedModels() {
		return this.relatedModels;
	}

	/** @param relatedModels the related models of each model */
	public void setRelatedModels(Map<String, List<String>> relatedModels) {
		this.relatedModels = relatedModels;
	}

	/** @return the methods counted as writes besides the built-in ones */
	public List<String> getMutatingMethods() {
		return this.mutatingMethods;
	}

	/** @param mutatingMethods the methods counted as writes besides the built-in ones */
	public void setMutatingMethods(List<String> mutatingMethods) {
		this.mutatingMethods = mutatingMethods;
	}

	/** @return the periodic invalidations */
	public List<AutoInvalidation> getAutoInvalidation() {
		return this.autoInvalidation;
	}

	/** @param autoInvalidation the periodic invalidations */
	public void setAutoInvalidation(List<AutoInvalidation> autoInvalidation) {
		this.autoInvalidation = autoInvalidation;
	}

	/**
	 * A pattern invalidated periodically.
	 */
	public static class AutoInvalidation {

		/**
		 * Glob on the cache key text, for example res.partner:* or res.partner:is_company=True:*.
		 */
		private @Nullable String pattern;

		/**
		 * How often the pattern is invalidated.
		 */
		private @Nullable Duration interval;

		/** @return the pattern */
		public @Nullable String getPattern() {
			return this.pattern;
		}

		/** @param pattern the pattern */
		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		/** @return the interval */
		public @Nullable Duration getInterval() {
			return this.interval;
		}

		/** @param interval the interval */
		public void setInterval(@Nullable Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * Cache health monitoring and health indicator settings.
	 */
	public static class Health {

		/**
		 * How often to check the caches' hit rate, memory and Redis reachability, logging a warning and publishing a
		 * ZenooCacheHealthEvent when one goes bad. Not set: no periodic check.
		 */
		private @Nullable Duration checkInterval;

		/**
		 * Hit rate (0 to 1) below which a cache is reported: by the periodic check (over each interval) and as a
		 * warning detail of the zenooCache health indicator.
		 */
		private double alertThreshold = 0.5;

		/**
		 * Lookups a cache must have had before its hit rate is judged: the zenooCache health indicator adds no warning
		 * below this many, and the periodic check judges a cache only once this many lookups happened since it last
		 * judged it (the lookups of a quiet interval count towards the next). 0: judge from the first lookup.
		 */
		private long minRequests = 100;

		/**
		 * Estimated heap of all memory caches above which the periodic check reports MEMORY_HIGH. Not set: no limit.
		 */
		private @Nullable DataSize memoryLimit;

		/**
		 * Whether the zenooCache health indicator is DOWN (rather than UP with degraded: true) while a Redis cache is
		 * unreachable, its circuit breaker open or its fallback serving.
		 */
		private boolean downWhenDegraded;

		/** @return the check interval, or {@code null} for no periodic check */
		public @Nullable Duration getCheckInterval() {
			return this.checkInterval;
		}

		/** @param checkInterval the check interval */
		public void setCheckInterval(@Nullable Duration checkInterval) {
			this.checkInterval = checkInterval;
		}

		/** @return the hit rate alert threshold */
		public double getAlertThreshold() {
			return this.alertThreshold;
		}

		/** @param alertThreshold the hit rate alert threshold */
		public void setAlertThreshold(double alertThreshold) {
			this.alertThreshold = alertThreshold;
		}

		/** @return the lookups needed before a hit rate is judged */
		public long getMinRequests() {
			return this.minRequests;
		}

		/** @param minRequests the lookups needed before a hit rate is judged */
		public void setMinRequests(long minRequests) {
			this.minRequests = minRequests;
		}

		/** @return the memory limit, or {@code null} for none */
		public @Nullable DataSize getMemoryLimit() {
			return this.memoryLimit;
		}

		/** @param memoryLimit the memory limit */
		public void setMemoryLimit(@Nullable DataSize memoryLimit) {
			this.memoryLimit = memoryLimit;
		}

		/** @return whether a degraded cache makes the health DOWN */
		public boolean isDownWhenDegraded() {
			return this.downWhenDegraded;
		}

		/** @param downWhenDegraded whether a degraded cache makes the health DOWN */
		public void setDownWhenDegraded(boolean downWhenDegraded) {
			this.downWhenDegraded = downWhenDegraded;
		}

	}

	/**
	 * One cache. Which settings apply depends on its type.
	 */
	public static class Cache {

		/**
		 * Store type: memory, redis or tiered.
		 */
		private @Nullable String type;

		/**
		 * Maximum number of entries of a memory cache.
		 */
		private long maxSize = 1000;

		/**
		 * TTL of entries stored without one (memory and redis). 0 means entries never expire.
		 */
		private Duration defaultTtl = Duration.ofMinutes(5);

		/**
		 * Stale-if-error: how long past its TTL an entry may still be served when loading it again from Odoo fails
		 * with a transport failure (Odoo unreachable, timed out, an HTTP error page, a malformed answer; never Odoo's
		 * own errors such as access errors). Entries are kept that much longer. Each such answer is counted
		 * (staleServed, meter zenoo.cache.stale). 0 means never serve expired entries. Needs a default-ttl above 0;
		 * for memory caches, strategy ttl or lfu.
		 */
		private Duration maxStale = Duration.ZERO;

		/**
		 * Refresh-ahead: fraction of an entry's TTL (strictly between 0 and 1, for example 0.8) after which a hit
		 * returns the cached value and also loads it again in the background, once per key, so that hot keys never
		 * miss. Refreshes are counted (refreshes, meter zenoo.cache.refreshes). Not set: no refresh-ahead. Needs a
		 * default-ttl above 0; for memory caches, strategy ttl or lfu.
		 */
		private @Nullable Double refreshAhead;

		/**
		 * Expiry strategy of a memory cache: ttl (expire after write), lru (expire after last access) or lfu (expire
		 * after write). Size eviction is always Caffeine's Window TinyLFU.
		 */
		private String strategy = "ttl";

		/**
		 * How a memory cache keeps its values: compact (values loaded with a type, as the client's queries, metadata
		 * reads and @OdooCached do, are kept as Smile bytes and decoded on their first hit; at most
		 * decoded-entries entries are kept decoded) or objects (every value kept as the instance stored, the
		 * fastest first hit and the most heap).
		 */
		private String storage = "compact";

		/**
		 * With storage compact: how many entries a memory cache keeps decoded at most (between 1 and max-size);
		 * decoding one more drops the decoded form of the entry decoded longest ago (its bytes stay). Not set: 10%
		 * of max-size, at least 16.
		 */
		private @Nullable Long decodedEntries;

		/**
		 * Redis URL (redis:// or rediss://, with optional user:password@ and /database) of a connection of this
		 * cache's own. Without it the cache uses the application's spring.data.redis connection.
		 */
		private @Nullable String url;

		/**
		 * First part of every Redis key ("namespace:cache:key") and of the invalidation channel of tiered caches.
		 */
		private String namespace = "zenoo_rpc";

		/**
		 * How a Redis cache stores values: json or msgpack. (pickle is refused: there is no safe Java
		 * equivalent.)
		 */
		private String serializer = "json";

		/**
		 * Connection pool size of a Redis cache with its own url.
		 */
		private int maxConnections = 10;

		/**
		 * Whether a private memory cache serves a Redis cache's reads and writes while Redis is unavailable.
		 */
		private boolean enableFallback = true;

		/**
		 * Maximum number of entries of the fallback memory cache.
		 */
		private long fallbackMaxSize = 1000;

		/**
		 * Consecutive failed Redis calls that open the circuit breaker.
		 */
		private int circuitBreakerThreshold = 5;

		/**
		 * How long the circuit breaker stays open before one probe call is let through.
		 */
		private Duration circuitBreakerWait = Duration.ofSeconds(5);

		/**
		 * Quick retries of a failed Redis call before it counts as one failure.
		 */
		private int retryAttempts = 3;

		/**
		 * How long one Redis command may take.
		 */
		private Duration commandTimeout = Duration.ofMillis(500);

		/**
		 * Tiered cache: name of the memory cache used as first level.
		 */
		private @Nullable String l1;

		/**
		 * Tiered cache: name of the Redis cache used as second level.
		 */
		private @Nullable String l2;

		/**
		 * Whether create and update of queries using this cache refresh the written records' cached get(id) entries
		 * with the new values (one read after the write) instead of only invalidating them.
		 */
		private boolean writeThrough;

		/** @return whether writes refresh the written records' get(id) entries */
		public boolean isWriteThrough() {
			return this.writeThrough;
		}

		/** @param writeThrough whether writes refresh the written records' get(id) entries */
		public void setWriteThrough(boolean writeThrough) {
			this.writeThrough = writeThrough;
		}

		/** @return the store type */
		public @Nullable String getType() {
			return this.type;
		}

		/** @param type the store type */
		public void setType(@Nullable String type) {
			this.type = type;
		}

		/** @return the maximum number of entries */
		public long getMaxSize() {
			return this.maxSize;
		}

		/** @param maxSize the maximum number of entries */
		public void setMaxSize(long maxSize) {
			this.maxSize = maxSize;
		}

		/** @return the default TTL */
		public Duration getDefaultTtl() {
			return this.defaultTtl;
		}

		/** @param defaultTtl the default TTL */
		public void setDefaultTtl(Duration defaultTtl) {
			this.defaultTtl = defaultTtl;
		}

		/** @return how long past its TTL an entry may be served when loading it fails */
		public Duration getMaxStale() {
			return this.maxStale;
		}

		/** @param maxStale how long past its TTL an entry may be served when loading it fails */
		public void setMaxStale(Duration maxStale) {
			this.maxStale = maxStale;
		}

		/** @return the fraction of the TTL after which hits refresh an entry, or {@code null} for never */
		public @Nullable Double getRefreshAhead() {
			return this.refreshAhead;
		}

		/** @param refreshAhead the fraction of the TTL after which hits refresh an entry */
		public void setRefreshAhead(@Nullable Double refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		/** @return the memory storage */
		public String getStorage() {
			return this.storage;
		}

		/** @param storage the memory storage: compact or objects */
		public void setStorage(String storage) {
			this.storage = storage;
		}

		/** @return the decoded entries of a compact memory cache, or {@code null} for the default */
		public @Nullable Long getDecodedEntries() {
			return this.decodedEntries;
		}

		/** @param decodedEntries the decoded entries of a compact memory cache */
		public void setDecodedEntries(@Nullable Long decodedEntries) {
			this.decodedEntries = decodedEntries;
		}

		/** @return the expiry strategy */
		public String getStrategy() {
			return this.strategy;
		}

		/** @param strategy the expiry strategy */
		public void setStrategy(String strategy) {
			this.strategy = strategy;
		}

		/** @return the Redis URL */
		public @Nullable String getUrl() {
			return this.url;
		}

		/** @param url the Redis URL */
		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		/** @return the key namespace */
		public String getNamespace() {
			return this.namespace;
		}

		/** @param namespace the key namespace */
		public void setNamespace(String namespace) {
			this.namespace = namespace;
		}

		/** @return the serializer */
		public String getSerializer() {
			return this.serializer;
		}

		/** @param serializer the serializer */
		public void setSerializer(String serializer) {
			this.serializer = serializer;
		}

		/** @return the connection pool size */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/** @param maxConnections the connection pool size */
		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		/** @return whether the fallback is on */
		public boolean isEnableFallback() {
			return this.enableFallback;
		}

		/** @param enableFallback whether the fallback is on */
		public void setEnableFallback(boolean enableFallback) {
			this.enableFallback = enableFallback;
		}

		/** @return the fallback size */
		public long getFallbackMaxSize() {
			return this.fallbackMaxSize;
		}

		/** @param fallbackMaxSize the fallback size */
		public void setFallbackMaxSize(long fallbackMaxSize) {
			this.fallbackMaxSize = fallbackMaxSize;
		}

		/** @return the breaker threshold */
		public int getCircuitBreakerThreshold() {
			return this.circuitBreakerThreshold;
		}

		/** @param circuitBreakerThreshold the breaker threshold */
		public void setCircuitBreakerThreshold(int circuitBreakerThreshold) {
			this.circuitBreakerThreshold = circuitBreakerThreshold;
		}

		/** @return the breaker wait */
		public Duration getCircuitBreakerWait() {
			return this.circuitBreakerWait;
		}

		/** @param circuitBreakerWait the breaker wait */
		public void setCircuitBreakerWait(Duration circuitBreakerWait) {
			this.circuitBreakerWait = circuitBreakerWait;
		}

		/** @return the retries */
		public int getRetryAttempts() {
			return this.retryAttempts;
		}

		/** @param retryAttempts the retries */
		public void setRetryAttempts(int retryAttempts) {
			this.retryAttempts = retryAttempts;
		}

		/** @return the command timeout */
		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		/** @param commandTimeout the command timeout */
		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		/** @return the L1 cache name */
		public @Nullable String getL1() {
			return this.l1;
		}

		/** @param l1 the L1 cache name */
		public void setL1(@Nullable String l1) {
			this.l1 = l1;
		}

		/** @return the L2 cache name */
		public @Nullable String getL2() {
			return this.l2;
		}

		/** @param l2 the L2 cache name */
		public void setL2(@Nullable String l2) {
			this.l2 = l2;
		}

		@Override
		public String toString() {
			return "Cache[type=" + this.type + ", url=" + ((this.url != null) ? "(set)" : null) + ", namespace="
					+ this.namespace + "]";
		}

		/**
		 * Encryption of a Redis cache's values with AES-256-GCM: key (base64 of 32 random bytes), key-id, and
		 * previous-keys (id to base64 key) that still decrypt values written before a rotation. Off unless key is set.
		 */
		private final Encryption encryption = new Encryption();

		/** @return the encryption settings */
		public Encryption getEncryption() {
			return this.encryption;
		}

	}

	/**
	 * Encryption of a Redis cache's values. Memory caches (and the first level of a tiered cache) hold decoded
	 * objects, not bytes, and are not encrypted.
	 */
	public static class Encryption {

		/**
		 * Current AES-256 key, base64 of 32 random bytes (openssl rand -base64 32). Encrypts every value written.
		 * Encryption is off while it is unset.
		 */
		private @Nullable String key;

		/**
		 * Id of the current key (1 to 64 letters, digits, '.', '_' or '-'), stored with every value so that keys can
		 * rotate. Required with key.
		 */
		private @Nullable String keyId;

		/**
		 * Older keys by id (base64 like key): values written with them are still read after a rotation. A value whose
		 * key id is neither current nor listed here is a miss, deleted and counted.
		 */
		private Map<String, String> previousKeys = new LinkedHashMap<>();

		/** @return the current key (base64) */
		public @Nullable String getKey() {
			return this.key;
		}

		/** @param key the current key (base64) */
		public void setKey(@Nullable String key) {
			this.key = key;
		}

		/** @return the current key's id */
		public @Nullable String getKeyId() {
			return this.keyId;
		}

		/** @param keyId the current key's id */
		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

		/** @return the previous keys by id */
		public Map<String, String> getPreviousKeys() {
			return this.previousKeys;
		}

		/** @param previousKeys the previous keys by id */
		public void setPreviousKeys(Map<String, String> previousKeys) {
			this.previousKeys = previousKeys;
		}

		/** @return whether anything is set */
		boolean isConfigured() {
			return this.key != null || this.keyId != null || !this.previousKeys.isEmpty();
		}

		@Override
		public String toString() {
			return "Encryption[keyId=" + this.keyId + ", key=" + ((this.key != null) ? "******" : null)
					+ ", previousKeyIds=" + this.previousKeys.keySet() + "]";
		}

	}

}
