package io.zenoo.client;

import java.time.Duration;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invalidation (a write, a model, a pattern, one cache's pattern, a model of one cache, everything) on Redis and
 * tiered caches, against a private Redis whose command statistics tell what was sent: {@code SCAN}, {@code UNLINK},
 * {@code HINCRBY}, {@code PUBLISH}, never {@code KEYS}.
 */
class InvalidationCommandsTests {

	@Test
	void invalidationsNeverSendKeys() {
		try (OdooTestServer server = OdooTestServer.start(); RedisServerProcess privateRedis = RedisServerProcess.start()) {
			RedisClient redisClient = RedisClient.create(privateRedis.url());
			ZenooCacheManager caches = new ZenooCacheManager();
			try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
				caches.setupMemoryCache(new MemoryCacheSpec("l1", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
				caches.setupRedisCache(RedisCacheSpec.builder("redis").url(privateRedis.url()).build());
				caches.setupTieredCache("tiered", "l1", "redis");
				caches.setDefaultCacheName("tiered");
				ZenooClient client = TestClients.admin(server, caches);
				Runnable reads = () -> {
					client.model(ResPartner.class).filter("is_company", true).all().block();
					client.model(ResCountry.class).filter("code", "BE").cache("redis").all().block();
				};
				reads.run();
				redis.sync().configResetstat();

				client.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();
				reads.run();
				caches.invalidateModelCache("res.country").block();
				reads.run();
				assertThat(caches.invalidatePattern("res.partner:is_company=True:*").block()).isPositive();
				reads.run();
				// the superseded entry of the country and the current one
				assertThat(caches.clearCache("redis", "res.country:*").block()).isEqualTo(2);
				reads.run();
				assertThat(caches.invalidate("tiered", null, "res.partner").block()).isEqualTo(1);
				caches.clearAllCaches().block();

				String stats = redis.sync().info("commandstats");
				assertThat(stats).doesNotContain("cmdstat_keys:")
					.doesNotContain("cmdstat_flushdb:")
					.doesNotContain("cmdstat_flushall:")
					.contains("cmdstat_scan:", "cmdstat_unlink:", "cmdstat_hincrby:", "cmdstat_publish:");
				client.close();
			}
			finally {
				caches.destroy();
				redisClient.shutdown();
			}
		}
	}

}
