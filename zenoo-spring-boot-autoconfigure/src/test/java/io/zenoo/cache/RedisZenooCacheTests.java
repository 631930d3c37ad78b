package io.zenoo.cache;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the shared test Redis (the machine's at 127.0.0.1:6379, else a private one: see SharedRedis), in a namespace of this class's own, removed afterwards.
 */
class RedisZenooCacheTests {

	static final String URL = io.zenoo.test.redis.SharedRedis.url();

	static final String NAMESPACE = "zenoo_test_" + UUID.randomUUID().toString().substring(0, 8);

	static RedisConnections.Owned connection;

	static ReactiveRedisTemplate<String, byte[]> raw;

	record Partner(int id, String name, List<String> tags, BigDecimal credit) {
	}

	record QueryKey(String model, int limit) implements CacheKeyText {

		@Override
		public String cacheKeyText() {
			return this.model + "|" + this.limit;
		}

	}

	@BeforeAll
	static void connect() {
		connection = RedisConnections.create(RedisCacheSpec.builder("setup").url(URL).build());
		raw = new ReactiveRedisTemplate<>(connection.factory(), RedisSerializationContext
			.<String, byte[]>newSerializationContext()
			.key(RedisSerializer.string())
			.value(RedisSerializer.byteArray())
			.hashKey(RedisSerializer.string())
			.hashValue(RedisSerializer.byteArray())
			.build());
	}

	@AfterEach
	void cleanUp() {
		new RedisZenooCache(spec("any").build(), connection.factory()).removeAll().block();
		raw.scan(org.springframework.data.redis.core.ScanOptions.scanOptions().match(NAMESPACE + ":*").build())
			.buffer(100)
			.concatMap((keys) -> raw.unlink(keys.toArray(String[]::new)))
			.blockLast(Duration.ofSeconds(10));
	}

	@AfterAll
	static void disconnect() {
		connection.close();
	}

	static RedisCacheSpec.Builder spec(String name) {
		return RedisCacheSpec.builder(name).namespace(NAMESPACE).defaultTtl(Duration.ofHours(1));
	}

	RedisZenooCache cache(String name) {
		return new RedisZenooCache(spec(name).build(), connection.factory());
	}

	static long pttl(String key) {
		ByteBuffer raw = ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
		return RedisZenooCacheTests.raw.createMono((c) -> c.keyCommands().pTtl(raw)).block();
	}

	@Test
	void jsonRoundTripIsTypedByTheCallerAndGenericWithoutType() {
		RedisZenooCache cache = cache("json");
		Partner partner = new Partner(7, "Azure Interior", List.of("vip", "eu"), new BigDecimal("1234.50"));
		cache.store(7, partner, null).block();
		StepVerifier.create(cache.find(7, Partner.class)).expectNext(partner).verifyComplete();
		assertThat(cache.get(7)).isNotNull().extracting((w) -> w.get()).isInstanceOf(Map.class);
		assertThat(cache.get(7, Partner.class)).isEqualTo(partner);
		assertThat(new String(raw.opsForValue().get(NAMESPACE + ":json:7").block(), StandardCharsets.UTF_8))
			.doesNotContain("Partner").contains("\"Azure Interior\"");
	}

	@Test
	void msgpackRoundTrip() {
		RedisZenooCache cache = new RedisZenooCache(spec("msgpack").serializer(CacheSerializer.MSGPACK).build(),
				connection.factory());
		Partner partner = new Partner(8, "Deco Addict ☃", List.of(), new BigDecimal("0.10"));
		cache.store("p", partner, null).block();
		StepVerifier.create(cache.find("p", Partner.class)).expectNext(partner).verifyComplete();
		List<Map<String, Object>> rows = List.of(Map.of("id", 1, "active", true, "ratio", 0.5), Map.of("id", 2,
				"big", 12345678901L));
		cache.store("rows", rows, null).block();
		StepVerifier
			.create(cache.find("rows", new ParameterizedTypeReference<List<Map<String, Object>>>() {
			}.getType()))
			// untyped integers come back as Long, as the client's own untyped rows hold them
			.assertNext((value) -> assertThat(value).isEqualTo(List.of(Map.of("id", 1L, "active", true, "ratio", 0.5),
					Map.of("id", 2L, "big", 12345678901L))))
			.verifyComplete();
		byte[] stored = raw.opsForValue().get(NAMESPACE + ":msgpack:p").block();
		assertThat(stored[0] & 0xF0).as("msgpack fixmap").isEqualTo(0x80);
	}

	@Test
	void keysCarryNamespaceCacheNameAndKeyText() {
		RedisZenooCache cache = cache("keys");
		cache.store(new QueryKey("res.partner", 10), "v", null).block();
		assertThat(raw.hasKey(NAMESPACE + ":keys:res.partner|10").block()).isTrue();
		assertThat(cache.find(new QueryKey("res.partner", 10), String.class).block()).isEqualTo("v");
	}

	@Test
	void perEntryTtlIsSetWithPx() {
		RedisZenooCache cache = cache("ttl");
		cache.store("short", "a", Duration.ofMillis(30_000)).block();
		cache.store("default", "b", null).block();
		cache.store("forever", "c", Duration.ZERO).block();
		assertThat(pttl(NAMESPACE + ":ttl:short")).isBetween(25_000L, 30_000L);
		assertThat(pttl(NAMESPACE + ":ttl:default")).isBetween(3_590_000L, 3_600_000L);
		assertThat(pttl(NAMESPACE + ":ttl:forever")).isEqualTo(-1L);
		StepVerifier.create(cache.findWithTtl("short", String.class))
			.assertNext((timed) -> assertThat(timed.remaining()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)))
			.verifyComplete();
		StepVerifier.create(cache.findWithTtl("forever", String.class))
			.assertNext((timed) -> assertThat(timed.remaining()).isZero())
			.verifyComplete();
	}

	@Test
	void zeroDefaultTtlNeverExpires() {
		RedisZenooCache cache = new RedisZenooCache(spec("zero").defaultTtl(Duration.ZERO).build(),
				connection.factory());
		cache.store("k", "v", null).block();
		assertThat(pttl(NAMESPACE + ":zero:k")).isEqualTo(-1L);
	}

	@Test
	void corruptedBytesAreAMissDeletedAndCounted() {
		RedisZenooCache cache = cache("corrupt");
		String key = NAMESPACE + ":corrupt:k";
		raw.opsForValue().set(key, new byte[] { (byte) 0xC1, 0x00, (byte) 0xFF, 0x7B }).block();
		StepVerifier.create(cache.find("k", Partner.class)).verifyComplete();
		assertThat(raw.hasKey(key).block()).isFalse();
		raw.opsForValue().set(key, "{\"id\":\"not a number\"}".getBytes(StandardCharsets.UTF_8)).block();
		StepVerifier.create(cache.find("k", Partner.class)).verifyComplete();
		assertThat(raw.hasKey(key).block()).isFalse();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(2);
		assertThat(cache.statistics().misses()).isEqualTo(2);
		assertThat(cache.statistics().backendErrors()).isZero();
	}

	@Test
	void corruptedMsgpackIsAMissToo() {
		RedisZenooCache cache = new RedisZenooCache(spec("corruptmp").serializer(CacheSerializer.MSGPACK).build(),
				connection.factory());
		String key = NAMESPACE + ":corruptmp:k";
		raw.opsForValue().set(key, "{\"json\": true}".getBytes(StandardCharsets.UTF_8)).block();
		StepVerifier.create(cache.find("k", Partner.class)).verifyComplete();
		assertThat(raw.hasKey(key).block()).isFalse();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
	}

	@Test
	void thousandConcurrentIdenticalMissesRunTheLoaderOnce() {
		RedisZenooCache cache = cache("flight");
		AtomicInteger calls = new AtomicInteger();
		Mono<String> load = Mono.delay(Duration.ofMillis(200)).map((tick) -> "loaded-" + calls.incrementAndGet());
		Flux<String> all = Flux.range(0, 1000)
			.flatMap((i) -> cache.findOrLoad("same", String.class, () -> load, null).subscribeOn(Schedulers.parallel()),
					1000);
		StepVerifier.create(all.collectList())
			.assertNext((values) -> assertThat(values).hasSize(1000).containsOnly("loaded-1"))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(calls).hasValue(1);
		assertThat(cache.find("same", String.class).block()).isEqualTo("loaded-1");
	}

	@Test
	void loaderErrorIsSharedAndNotCached() {
		RedisZenooCache cache = cache("flighterr");
		AtomicInteger calls = new AtomicInteger();
		Mono<String> failing = Mono.delay(Duration.ofMillis(100))
			.then(Mono.error(() -> new IllegalStateException("boom " + calls.incrementAndGet())));
		StepVerifier
			.create(Flux.range(0, 20)
				.flatMap((i) -> cache.findOrLoad("k", String.class, () -> failing, null)
					.onErrorResume((ex) -> Mono.just(ex.getMessage())), 20)
				.collectList())
			.assertNext((messages) -> assertThat(messages).hasSize(20).containsOnly("boom 1"))
			.verifyComplete();
		assertThat(cache.findOrLoad("k", String.class, () -> Mono.just("ok"), null).block()).isEqualTo("ok");
	}

	@Test
	void removeAllScansOnlyThisCachesPrefixInBatches() {
		// a generous command timeout: on a loaded machine a 500 ms batch may time out, which is a different test
		RedisZenooCache cache = new RedisZenooCache(spec("bulk").commandTimeout(Duration.ofSeconds(10)).build(),
				connection.factory());
		RedisZenooCache neighbour = cache("bulk2");
		Flux.range(0, 1200).flatMap((i) -> cache.store(i, i, null), 64).blockLast();
		neighbour.store("stay", "here", null).block();
		cache.removeAll().block();
		assertThat(raw.scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
			.match(NAMESPACE + ":bulk:*")
			.build()).count().block()).isZero();
		assertThat(neighbour.find("stay", String.class).block()).isEqualTo("here");
	}

	@Test
	void removeReportsPresence() {
		RedisZenooCache cache = cache("remove");
		cache.store("k", "v", null).block();
		StepVerifier.create(cache.remove("k")).expectNext(true).verifyComplete();
		StepVerifier.create(cache.remove("k")).expectNext(false).verifyComplete();
	}

	@Test
	void springPutIsReadBackAtOnceEvenFromANonBlockingThread() {
		RedisZenooCache cache = cache("spring");
		for (int i = 0; i < 200; i++) {
			String key = "k" + i;
			String value = "v" + i;
			String read = Mono.fromRunnable(() -> cache.put(key, value))
				.subscribeOn(Schedulers.parallel())
				.then(cache.<String>find(key, String.class))
				.block(Duration.ofSeconds(5));
			assertThat(read).as("read after put %d", i).isEqualTo(value);
		}
		cache.put("sync", "value");
		assertThat(cache.get("sync", String.class)).isEqualTo("value");
		assertThat(cache.get("loaded", () -> "x")).isEqualTo("x");
		assertThat(cache.retrieve("loaded").join()).isEqualTo("x");
		cache.evict("sync");
		assertThat(cache.get("sync")).isNull();
		assertThat(cache.type()).isEqualTo(CacheType.REDIS);
	}

}
