package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The cache-aside calls of the Python guide ({@code get}, {@code set}, {@code evict}) on the default cache and on a
 * named one, for memory, Redis and tiered caches, with typed reads decoded from Redis, and their refusals of bad input.
 */
class CacheAsideTests {

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redis;

	private final String namespace = "t" + UUID.randomUUID().toString().replace("-", "");

	private final ZenooCacheManager manager = new ZenooCacheManager();

	record Item(String name, int quantity) {
	}

	@BeforeAll
	static void connect() {
		redisClient = RedisClient.create(SharedRedis.url());
		redis = redisClient.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
		redisClient.shutdown();
	}

	@AfterEach
	void cleanUp() {
		this.manager.destroy();
		List<String> keys = new ArrayList<>();
		ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(this.namespace + ":*").limit(500))
			.forEachRemaining(keys::add);
		keys.forEach(redis.sync()::unlink);
	}

	private void setUpCaches() {
		this.manager.setupMemoryCache(MemoryCacheSpec.of("memory"));
		this.manager.setupRedisCache(RedisCacheSpec.builder("redis").url(SharedRedis.url()).namespace(this.namespace)
			.build());
		this.manager.setupTieredCache("tiered", "memory", "redis");
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void setGetAndEvictOnANamedCache(String cacheName) {
		setUpCaches();
		CacheAside cache = this.manager.cache(cacheName);
		assertThat(cache.cacheName()).isEqualTo(cacheName);
		StepVerifier.create(cache.get("report:today")).verifyComplete();
		StepVerifier.create(cache.set("report:today", Map.of("total", 42), Duration.ofMinutes(5))).verifyComplete();
		// Redis answers the generic JSON form, whose numbers are longs
		StepVerifier.create(cache.get("report:today"))
			.assertNext((value) -> assertThat(value).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.extractingByKey("total")
				.satisfies((total) -> assertThat(((Number) total).intValue()).isEqualTo(42)))
			.verifyComplete();
		StepVerifier.create(cache.evict("report:today")).expectNext(true).verifyComplete();
		StepVerifier.create(cache.get("report:today")).verifyComplete();
		StepVerifier.create(cache.evict("report:today")).expectNext(false).verifyComplete();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void typedReadsReturnTheRecordAndGenericLists(String cacheName) {
		setUpCaches();
		CacheAside cache = this.manager.cache(cacheName);
		Item item = new Item("chair", 3);
		StepVerifier.create(cache.set("item:1", item)).verifyComplete();
		StepVerifier.create(cache.get("item:1", Item.class)).expectNext(item).verifyComplete();
		List<Item> items = List.of(item, new Item("table", 1));
		Type listOfItems = new ParameterizedTypeReference<List<Item>>() {
		}.getType();
		StepVerifier.create(cache.set("items", items)).verifyComplete();
		StepVerifier.create(cache.<List<Item>>get("items", listOfItems)).expectNext(items).verifyComplete();
	}

	@Test
	void redisDecodesIntoTheRequestedTypeNotTheStoredOne() {
		setUpCaches();
		StepVerifier.create(this.manager.cache("redis").set("item:2", new Item("lamp", 2))).verifyComplete();
		assertThat(redis.sync().get(this.namespace + ":redis:item:2")).contains("lamp");
		StepVerifier.create(this.manager.cache("redis").get("item:2"))
			.expectNext(Map.of("name", "lamp", "quantity", 2L))
			.verifyComplete();
	}

	@Test
	void aValueOfAnotherClassIsAMissCountedAsADecodeFailure() {
		setUpCaches();
		StepVerifier.create(this.manager.cache("memory").set("item:3", "not an item")).verifyComplete();
		StepVerifier.create(this.manager.cache("memory").get("item:3", Item.class)).verifyComplete();
		assertThat(this.manager.getCache("memory").statistics().decodeFailures()).isEqualTo(1);
		StepVerifier.create(this.manager.cache("memory").get("item:3", String.class))
			.expectNext("not an item")
			.verifyComplete();
	}

	@Test
	void theManagersOwnCallsUseTheDefaultCache() {
		setUpCaches();
		this.manager.setDefaultCacheName("redis");
		StepVerifier.create(this.manager.set("k", "v")).verifyComplete();
		StepVerifier.create(this.manager.get("k", String.class)).expectNext("v").verifyComplete();
		StepVerifier.create(this.manager.cache("memory").get("k")).verifyComplete();
		assertThat(redis.sync().get(this.namespace + ":redis:k")).isNotNull();
		StepVerifier.create(this.manager.evict("k")).expectNext(true).verifyComplete();
		StepVerifier.create(this.manager.get("k")).verifyComplete();
	}

	@Test
	void aTtlExpiresTheValue() {
		FakeTicker ticker = new FakeTicker();
		this.manager.setupMemoryCache(MemoryCacheSpec.of("memory"), ticker);
		StepVerifier.create(this.manager.set("k", "v", Duration.ofSeconds(10))).verifyComplete();
		ticker.advance(Duration.ofSeconds(9));
		StepVerifier.create(this.manager.get("k")).expectNext("v").verifyComplete();
		ticker.advance(Duration.ofSeconds(2));
		StepVerifier.create(this.manager.get("k")).verifyComplete();
	}

	@Test
	void aRedisTtlIsSetOnTheKey() {
		setUpCaches();
		StepVerifier.create(this.manager.cache("redis").set("k", "v", Duration.ofSeconds(100))).verifyComplete();
		assertThat(redis.sync().pttl(this.namespace + ":redis:k")).isBetween(1L, 100_000L);
	}

	@Test
	void badInputIsRefusedWithAClearError() {
		setUpCaches();
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.cache("nope"))
			.withMessageContaining("nope")
			.withMessageContaining("[memory, redis, tiered]");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.get(null)).withMessageContaining("key");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.set(" ", "v")).withMessageContaining("key");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.set("k", null))
			.withMessageContaining("value");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.set("k", "v", Duration.ofSeconds(-1)))
			.withMessageContaining("ttl");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.get("k", (Class<?>) null))
			.withMessageContaining("type");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.evict(null)).withMessageContaining("key");
		StepVerifier.create(this.manager.get("k")).verifyComplete();
	}

	@Test
	void withoutAnyCacheTheCallsSayCachingIsDisabled() {
		assertThatIllegalStateException().isThrownBy(() -> this.manager.get("k"))
			.withMessageContaining("caching is disabled");
		assertThatIllegalStateException().isThrownBy(() -> this.manager.set("k", "v"))
			.withMessageContaining("caching is disabled");
		assertThatIllegalStateException().isThrownBy(() -> this.manager.evict("k"))
			.withMessageContaining("caching is disabled");
	}

}
