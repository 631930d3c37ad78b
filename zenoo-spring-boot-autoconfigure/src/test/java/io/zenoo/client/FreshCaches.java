package io.zenoo.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.OdooTestServer;

import static org.awaitility.Awaitility.await;

/**
 * One cache named {@code fresh} of each kind with stale-if-error or refresh-ahead, for the freshness tests: a memory
 * cache on a ticker the test moves, a Redis cache and a tiered cache on the shared Redis (in a random namespace) whose
 * time is real. {@link #expire()} moves a cache's entries past their TTL.
 */
final class FreshCaches {

	enum Kind {

		MEMORY, REDIS, TIERED

	}

	private final Kind kind;

	private final Duration ttl;

	private final CacheFreshness freshness;

	private final RedisInstances instances;

	private final AtomicLong nanos = new AtomicLong();

	private final ZenooCacheManager manager = new ZenooCacheManager();

	FreshCaches(Kind kind, Duration ttl, CacheFreshness freshness, RedisInstances instances) {
		this.kind = kind;
		this.ttl = ttl;
		this.freshness = freshness;
		this.instances = instances;
		Ticker ticker = this.nanos::get;
		switch (kind) {
			case MEMORY -> this.manager.setupMemoryCache(new MemoryCacheSpec("fresh", 1000, ttl, CacheStrategy.TTL),
					ticker);
			case REDIS -> this.manager.setupRedisCache(instances.redisSpec("fresh").defaultTtl(ttl).build());
			case TIERED -> {
				this.manager.setupMemoryCache(new MemoryCacheSpec("near", 1000, Duration.ofMinutes(10), CacheStrategy.TTL));
				this.manager.setupRedisCache(instances.redisSpec("far").defaultTtl(ttl).build());
				this.manager.setupTieredCache("fresh", "near", "far");
			}
		}
		this.manager.setDefaultCacheName("fresh");
		this.manager.setFreshness("fresh", freshness);
	}

	ZenooCacheManager manager() {
		return this.manager;
	}

	ZenooCache cache() {
		return this.manager.getCache("fresh");
	}

	/** A client of the server on these caches, without retries and with a read timeout of one second. */
	ZenooClient client(OdooTestServer server) {
		ZenooClientSettings settings = TestClients.adminSettings(server)
			.withRetry(0, Duration.ofMillis(10))
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
		return this.instances.add(this.manager, ZenooClient.create(settings, this.manager));
	}

	/**
	 * Age the entries stored so far to the given fraction of their TTL and a few milliseconds more: a memory cache's
	 * ticker moves; for Redis, wait until every key's PTTL says so (what it has left, less max-stale).
	 */
	void ageTo(double fraction) {
		long ttlNanos = this.ttl.toNanos();
		if (this.kind == Kind.MEMORY) {
			this.nanos.addAndGet((long) (ttlNanos * fraction) + Duration.ofMillis(1).toNanos());
			return;
		}
		long keep = this.freshness.maxStale().toMillis();
		long left = (long) (this.ttl.toMillis() * (1 - fraction)) - 30;
		await().atMost(this.ttl.plusSeconds(5)).pollInterval(Duration.ofMillis(5))
			.until(() -> redisTtls().stream().allMatch((pttl) -> pttl <= keep + left));
	}

	/** Move past the TTL of the entries stored so far. */
	void expire() {
		ageTo(1.0);
	}

	/** For Redis: the remaining TTL (PTTL) of every key of the cache's Redis level, in milliseconds. */
	java.util.List<Long> redisTtls() {
		String name = (this.kind == Kind.TIERED) ? "far" : "fresh";
		return this.instances.keys(this.instances.namespace() + ":" + name + ":*")
			.stream()
			.map((key) -> this.instances.redis().pttl(key))
			.toList();
	}

}
