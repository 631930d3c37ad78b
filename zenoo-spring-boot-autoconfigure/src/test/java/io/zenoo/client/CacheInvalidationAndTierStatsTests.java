package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.cache.stats.RedisHealth;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Model and pattern invalidation on memory and Redis caches, per-tier statistics of tiered caches, and Redis health
 * checks, through the client against the test server and the shared Redis.
 */
class CacheInvalidationAndTierStatsTests {

	private static OdooTestServer server;

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redis;

	private final String namespace = "zenoo_stats_" + UUID.randomUUID().toString().substring(0, 8);

	private ZenooCacheManager caches;

	private ZenooClient client;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		redisClient = RedisClient.create(SharedRedis.url());
		redis = redisClient.connect();
	}

	@AfterAll
	static void stop() {
		redis.close();
		redisClient.shutdown();
		server.close();
	}

	@BeforeEach
	void setUp() {
		server.reset();
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("memory", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.caches.setupRedisCache(RedisCacheSpec.builder("redis")
			.url(SharedRedis.url())
			.namespace(this.namespace)
			.defaultTtl(Duration.ofMinutes(5))
			.build());
		this.caches.setupMemoryCache(new MemoryCacheSpec("l1", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.caches.setupTieredCache("tiered", "l1", "redis");
		this.client = TestClients.admin(server, this.caches);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.caches.destroy();
		keys(this.namespace + ":*").forEach(redis.sync()::unlink);
	}

	private static List<String> keys(String pattern) {
		List<String> found = new ArrayList<>();
		ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(pattern).limit(500)).forEachRemaining(found::add);
		return found;
	}

	private void queryAll(String cache) {
		this.client.model(ResPartner.class).filter("is_company", true).cache(cache).all().block();
		this.client.model(ResPartner.class).filter("is_company", false).limit(3).cache(cache).all().block();
		this.client.model(ResCountry.class).filter("code", "BE").cache(cache).all().block();
	}

	private int partnerReads() {
		return server.calls().count("res.partner", "search_read");
	}

	@Test
	void modelInvalidationOfAMemoryCacheRemovesOnlyThatModelsQueries() {
		queryAll("memory");
		assertThat(this.caches.invalidate("memory", null, "res.partner").block()).isEqualTo(2);
		queryAll("memory");
		assertThat(partnerReads()).isEqualTo(4);
		assertThat(server.calls().count("res.country", "search_read")).isEqualTo(1);
	}

	@Test
	void patternInvalidationOfAMemoryCacheMatchesTheKeyText() {
		queryAll("memory");
		assertThat(this.caches.invalidate("memory", "res.country:*", null).block()).isEqualTo(1);
		assertThat(this.caches.invalidate("memory", "res.partner:is_company=True:*", null).block()).isEqualTo(1);
		assertThat(this.caches.invalidate("memory", "nothing*", null).block()).isZero();
		assertThat(this.caches.getDetailedStats().block().caches().get("memory").size()).isEqualTo(1);
	}

	@Test
	void modelAndPatternInvalidationOfARedisCacheUseScanOnItsPrefix() {
		queryAll("redis");
		String prefix = this.namespace + ":redis:";
		assertThat(keys(prefix + "*")).hasSize(3);
		assertThat(this.caches.invalidate("redis", null, "res.partner").block()).isEqualTo(2);
		assertThat(keys(prefix + "*")).singleElement()
			.satisfies((key) -> assertThat(key).startsWith(prefix + "res.country:"));
		assertThat(this.caches.invalidate("redis", "res.country:*", null).block()).isEqualTo(1);
		assertThat(keys(prefix + "*")).isEmpty();
		queryAll("redis");
		assertThat(partnerReads()).isEqualTo(4);
	}

	@Test
	void invalidationNeedsAKnownCacheAndAPatternOrModel() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.invalidate("nope", "*", null))
			.withMessageContaining("nope");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.invalidate("memory", null, null))
			.withMessageContaining("pattern or a model");
	}

	@Test
	void tieredCachesReportEachLevelSeparately() {
		this.client.model(ResPartner.class).filter("is_company", true).cache("tiered").all().block(); // miss everywhere
		this.client.model(ResPartner.class).filter("is_company", true).cache("tiered").all().block(); // L1 hit
		this.caches.getCache("l1").removeAll().block();
		this.client.model(ResPartner.class).filter("is_company", true).cache("tiered").all().block(); // L2 hit
		DetailedCacheStats tiered = this.caches.getDetailedStats().block().caches().get("tiered");
		assertThat(tiered.type()).isEqualTo("tiered");
		assertThat(tiered.hits()).isEqualTo(2);
		assertThat(tiered.misses()).isEqualTo(1);
		assertThat(tiered.tiers()).containsOnlyKeys("l1", "l2");
		DetailedCacheStats l1 = tiered.tiers().get("l1");
		DetailedCacheStats l2 = tiered.tiers().get("l2");
		assertThat(l1.type()).isEqualTo("memory");
		assertThat(l1.hits()).isEqualTo(1);
		assertThat(l1.misses()).isEqualTo(2);
		assertThat(l1.size()).isEqualTo(1);
		assertThat(l2.type()).isEqualTo("redis");
		assertThat(l2.hits()).isEqualTo(1);
		assertThat(l2.misses()).isEqualTo(1);
		assertThat(l2.size()).isEqualTo(1);
		assertThat(l2.memoryMb()).isPositive();
		assertThat(partnerReads()).isEqualTo(1);
	}

	@Test
	void redisHealthPingsEachRedisAndTieredCache() {
		List<RedisHealth> health = this.caches.checkRedisHealth().block();
		assertThat(health).extracting(RedisHealth::cache).containsExactly("redis", "tiered");
		assertThat(health).allSatisfy((status) -> {
			assertThat(status.reachable()).isTrue();
			assertThat(status.latency()).isNotNull();
			assertThat(status.breaker()).isEqualTo(BreakerState.CLOSED);
			assertThat(status.degraded()).isFalse();
			assertThat(status.error()).isNull();
		});
		assertThat(this.caches.breakerState("redis")).isEqualTo(BreakerState.CLOSED);
		assertThat(this.caches.breakerState("memory")).isNull();
		assertThat(this.caches.isFallbackActive("redis")).isFalse();
	}

}
