package io.zenoo.cache;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a Redis cache. Build one with {@link #builder(String)}.
 *
 * @param name the cache name (part of every key: {@code <namespace>:<name>:<key>})
 * @param url a {@code redis://} or {@code rediss://} URL for a connection of this cache's own, or {@code null} to use
 * the application's {@code ReactiveRedisConnectionFactory}
 * @param namespace the first part of every key, and of the invalidation channel of tiered caches
 * @param serializer how values become bytes
 * @param defaultTtl the TTL of entries stored without one; {@link Duration#ZERO} for no expiry
 * @param maxConnections the size of the connection pool of a cache with its own {@code url}
 * @param enableFallback whether a private memory cache serves reads and writes while Redis is unavailable
 * @param fallbackMaxSize the maximum number of entries of the fallback memory cache
 * @param circuitBreakerThreshold consecutive failed Redis calls that open the circuit breaker
 * @param circuitBreakerWait how long the breaker stays open before one probe call is let through
 * @param retryAttempts quick retries of a failed Redis call before it counts as one failure
 * @param commandTimeout how long one Redis command may take
 * @param encryption the keys that encrypt the values (AES-256-GCM, bound to their Redis key), or {@code null} to
 * store them in the clear
 */
public record RedisCacheSpec(String name, @Nullable String url, String namespace, CacheSerializer serializer,
		Duration defaultTtl, int maxConnections, boolean enableFallback, long fallbackMaxSize,
		int circuitBreakerThreshold, Duration circuitBreakerWait, int retryAttempts, Duration commandTimeout,
		@Nullable EncryptionKeys encryption) {

	/**
	 * Validate the settings.
	 * @throws InvalidCacheSpecException if a setting is missing or out of range
	 */
	public RedisCacheSpec {
		CacheSpecChecks.requireName(name);
		if (url != null) {
			RedisUrl.parse(url);
		}
		if (namespace == null || namespace.isBlank()) {
			throw new InvalidCacheSpecException("namespace", "is missing", "Set a key namespace such as zenoo_rpc.");
		}
		if (serializer == null) {
			throw new InvalidCacheSpecException("serializer", "is missing", "Use json or msgpack.");
		}
		CacheSpecChecks.requireTtl("default-ttl", defaultTtl);
		requirePositive("max-connections", maxConnections);
		requirePositive("fallback-max-size", fallbackMaxSize);
		requirePositive("circuit-breaker-threshold", circuitBreakerThreshold);
		requirePositive("circuit-breaker-wait", circuitBreakerWait);
		if (retryAttempts < 0) {
			throw new InvalidCacheSpecException("retry-attempts", "is " + retryAttempts + " but must not be negative",
					"Set 0 for no retry, or a small number such as 3.");
		}
		requirePositive("command-timeout", commandTimeout);
	}

	private static void requirePositive(String setting, long value) {
		if (value <= 0) {
			throw new InvalidCacheSpecException(setting, "is " + value + " but must be positive",
					"Set a value of at least 1.");
		}
	}

	private static void requirePositive(String setting, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCacheSpecException(setting, "is " + value + " but must be a positive duration",
					"Set a duration such as 500ms.");
		}
	}

	/**
	 * Return the key prefix of this cache: {@code <namespace>:<name>:}.
	 * @return the prefix
	 */
	public String keyPrefix() {
		return this.namespace + ":" + this.name + ":";
	}

	/**
	 * Start a spec with the defaults: the application's connection, namespace {@code zenoo_rpc}, JSON, TTL 5 minutes,
	 * 10 connections, fallback on (1000 entries), breaker after 5 failures for 5 s, 3 retries, 500 ms per command.
	 * @param name the cache name
	 * @return a builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	@Override
	public String toString() {
		return "RedisCacheSpec[name=" + this.name + ", url=" + ((this.url != null) ? RedisUrl.mask(this.url) : null)
				+ ", namespace=" + this.namespace + ", serializer=" + this.serializer + ", defaultTtl="
				+ this.defaultTtl + ", encrypted=" + (this.encryption != null) + "]";
	}

	/**
	 * Builds a {@link RedisCacheSpec}.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String url;

		private String namespace = "zenoo_rpc";

		private CacheSerializer serializer = CacheSerializer.JSON;

		private Duration defaultTtl = Duration.ofMinutes(5);

		private int maxConnections = 10;

		private boolean enableFallback = true;

		private long fallbackMaxSize = 1000;

		private int circuitBreakerThreshold = 5;

		private Duration circuitBreakerWait = Duration.ofSeconds(5);

		private int retryAttempts = 3;

		private Duration commandTimeout = Duration.ofMillis(500);

		private @Nullable EncryptionKeys encryption;

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * @param url the Redis URL of a connection of the cache's own, or {@code null}
		 * @return this builder
		 */
		public Builder url(@Nullable String url) {
			this.url = url;
			return this;
		}

		/**
		 * @param namespace the key namespace
		 * @return this builder
		 */
		public Builder namespace(String namespace) {
			this.namespace = namespace;
			return this;
		}

		/**
		 * @param serializer the serializer
		 * @return this builder
		 */
		public Builder serializer(CacheSerializer serializer) {
			this.serializer = serializer;
			return this;
		}

		/**
		 * @param defaultTtl the default TTL ({@link Duration#ZERO}: no expiry)
		 * @return this builder
		 */
		public Builder defaultTtl(Duration defaultTtl) {
			this.defaultTtl = defaultTtl;
			return this;
		}

		/**
		 * @param maxConnections the connection pool size of a cache with its own URL
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * @param enableFallback whether a memory cache serves while Redis is unavailable
		 * @return this builder
		 */
		public Builder enableFallback(boolean enableFallback) {
			this.enableFallback = enableFallback;
			return this;
		}

		/**
		 * @param fallbackMaxSize the maximum number of entries of the fallback cache
		 * @return this builder
		 */
		public Builder fallbackMaxSize(long fallbackMaxSize) {
			this.fallbackMaxSize = fallbackMaxSize;
			return this;
		}

		/**
		 * @param circuitBreakerThreshold consecutive failures that open the breaker
		 * @return this builder
		 */
		public Builder circuitBreakerThreshold(int circuitBreakerThreshold) {
			this.circuitBreakerThreshold = circuitBreakerThreshold;
			return this;
		}

		/**
		 * @param circuitBreakerWait how long the breaker stays open before a probe
		 * @return this builder
		 */
		public Builder circuitBreakerWait(Duration circuitBreakerWait) {
			this.circuitBreakerWait = circuitBreakerWait;
			return this;
		}

		/**
		 * @param retryAttempts quick retries of a failed call
		 * @return this builder
		 */
		public Builder retryAttempts(int retryAttempts) {
			this.retryAttempts = retryAttempts;
			return this;
		}

		/**
		 * @param commandTimeout how long one command may take
		 * @return this builder
		 */
		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
			return this;
		}

		/**
		 * @param encryption the keys that encrypt the values, or {@code null} for none
		 * @return this builder
		 */
		public Builder encryption(@Nullable EncryptionKeys encryption) {
			this.encryption = encryption;
			return this;
		}

		/**
		 * Build and validate the spec.
		 * @return the spec
		 * @throws InvalidCacheSpecException if a setting is invalid
		 */
		public RedisCacheSpec build() {
			return new RedisCacheSpec(this.name, this.url, this.namespace, this.serializer, this.defaultTtl,
					this.maxConnections, this.enableFallback, this.fallbackMaxSize, this.circuitBreakerThreshold,
					this.circuitBreakerWait, this.retryAttempts, this.commandTimeout, this.encryption);
		}

	}

}
