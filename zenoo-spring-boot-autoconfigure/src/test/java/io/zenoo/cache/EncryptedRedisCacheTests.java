package io.zenoo.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

import static io.zenoo.cache.EncryptingValueCodecTests.KEY_A;
import static io.zenoo.cache.EncryptingValueCodecTests.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encrypted values in a real Redis (the shared one, in a namespace of this class's own, removed afterwards): round
 * trips with both serializers, key rotation, and every kind of bad stored value (tampered, truncated, moved under
 * another key, plaintext, unknown key id) read as a miss that is deleted and counted, never as an error.
 */
class EncryptedRedisCacheTests {

	static final String URL = io.zenoo.test.redis.SharedRedis.url();

	static final String NAMESPACE = "zenoo_enc_" + UUID.randomUUID().toString().substring(0, 8);

	static RedisConnections.Owned connection;

	static ReactiveRedisTemplate<String, byte[]> raw;

	record Partner(long id, String name, String email) {
	}

	static final Partner PARTNER = new Partner(7, "Azure Interior", "confidential-azure@example.com");

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
		raw.scan(ScanOptions.scanOptions().match(NAMESPACE + ":*").build())
			.buffer(100)
			.concatMap((keys) -> raw.unlink(keys.toArray(String[]::new)))
			.blockLast(Duration.ofSeconds(10));
	}

	@AfterAll
	static void disconnect() {
		connection.close();
	}

	private static RedisZenooCache cache(String name, EncryptionKeys keys) {
		return cache(name, keys, CacheSerializer.JSON);
	}

	private static RedisZenooCache cache(String name, EncryptionKeys keys, CacheSerializer serializer) {
		return new RedisZenooCache(RedisCacheSpec.builder(name)
			.namespace(NAMESPACE)
			.defaultTtl(Duration.ofHours(1))
			.serializer(serializer)
			.encryption(keys)
			.build(), connection.factory());
	}

	private static byte[] rawValue(String redisKey) {
		return raw.opsForValue().get(redisKey).block(Duration.ofSeconds(5));
	}

	private static void plant(String redisKey, byte[] value) {
		assertThat(raw.opsForValue().set(redisKey, value).block(Duration.ofSeconds(5))).isTrue();
	}

	private static boolean exists(String redisKey) {
		return Boolean.TRUE.equals(raw.hasKey(redisKey).block(Duration.ofSeconds(5)));
	}

	/** The value under {@code key} is a miss (no error), is deleted, and counts one more decode failure. */
	private static void assertCountedMissAndDeleted(RedisZenooCache cache, Object key) {
		String redisKey = cache.redisKey(key);
		long failures = cache.statistics().decodeFailures();
		StepVerifier.create(cache.find(key, Partner.class)).verifyComplete();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(failures + 1);
		assertThat(exists(redisKey)).as("%s deleted", redisKey).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CacheSerializer.class)
	void valuesRoundTripAndRedisHoldsNoPlaintext(CacheSerializer serializer) {
		RedisZenooCache cache = cache("roundtrip_" + serializer.name().toLowerCase(), EncryptionKeys.of("k1", KEY_A,
				null), serializer);
		cache.store(7, PARTNER, null).block(Duration.ofSeconds(5));
		cache.store("rows", List.of(Map.of("id", 1L, "name", "Deco Addict")), null).block(Duration.ofSeconds(5));

		StepVerifier.create(cache.find(7, Partner.class)).expectNext(PARTNER).verifyComplete();
		StepVerifier.create(cache.find("rows", Object.class))
			.expectNext(List.of(Map.of("id", 1L, "name", "Deco Addict")))
			.verifyComplete();
		for (String key : List.of(cache.redisKey(7), cache.redisKey("rows"))) {
			String stored = new String(rawValue(key), StandardCharsets.ISO_8859_1);
			assertThat(stored).startsWith("ZE\u0001\u0002k1")
				.doesNotContain("Azure")
				.doesNotContain("confidential-azure")
				.doesNotContain("Deco Addict");
		}
		assertThat(cache.statistics().decodeFailures()).isZero();
	}

	@Test
	void valuesWrittenWithTheOldKeyAreReadAfterARotationUntilTheOldKeyIsRemoved() {
		RedisZenooCache before = cache("rotation", EncryptionKeys.of("k1", KEY_A, null));
		before.store(7, PARTNER, null).block(Duration.ofSeconds(5));

		RedisZenooCache rotated = cache("rotation", EncryptionKeys.of("k2", KEY_B, Map.of("k1", KEY_A)));
		StepVerifier.create(rotated.find(7, Partner.class)).expectNext(PARTNER).verifyComplete();
		rotated.store(8, new Partner(8, "Written after", "after@example.com"), null).block(Duration.ofSeconds(5));
		assertThat(new String(rawValue(rotated.redisKey(8)), StandardCharsets.ISO_8859_1)).startsWith("ZE\u0001\u0002k2");
		assertThat(rotated.statistics().decodeFailures()).isZero();

		RedisZenooCache oldKeyRemoved = cache("rotation", EncryptionKeys.of("k2", KEY_B, null));
		assertCountedMissAndDeleted(oldKeyRemoved, 7);
		StepVerifier.create(oldKeyRemoved.find(8, Partner.class))
			.expectNext(new Partner(8, "Written after", "after@example.com"))
			.verifyComplete();
	}

	@Test
	void aTamperedValueIsACountedMissAndDeleted() {
		RedisZenooCache cache = cache("tamper", EncryptionKeys.of("k1", KEY_A, null));
		cache.store(7, PARTNER, null).block(Duration.ofSeconds(5));
		byte[] stored = rawValue(cache.redisKey(7));
		for (int position : new int[] { 0, 4, 7, stored.length / 2, stored.length - 1 }) {
			byte[] tampered = stored.clone();
			tampered[position] ^= 0x40;
			plant(cache.redisKey(7), tampered);
			assertCountedMissAndDeleted(cache, 7);
		}
		assertThat(cache.statistics().decodeFailures()).isEqualTo(5);
	}

	@Test
	void aTruncatedValueIsACountedMissAndDeleted() {
		RedisZenooCache cache = cache("truncate", EncryptionKeys.of("k1", KEY_A, null));
		cache.store(7, PARTNER, null).block(Duration.ofSeconds(5));
		byte[] stored = rawValue(cache.redisKey(7));
		for (int length : new int[] { 1, 5, 20, stored.length - 1 }) {
			plant(cache.redisKey(7), Arrays.copyOf(stored, length));
			assertCountedMissAndDeleted(cache, 7);
		}
	}

	@Test
	void aValueCopiedUnderAnotherKeyIsACountedMissAndDeleted() {
		RedisZenooCache cache = cache("moved", EncryptionKeys.of("k1", KEY_A, null));
		cache.store("uid=6|res.partner", PARTNER, null).block(Duration.ofSeconds(5));
		plant(cache.redisKey("uid=7|res.partner"), rawValue(cache.redisKey("uid=6|res.partner")));

		assertCountedMissAndDeleted(cache, "uid=7|res.partner");
		StepVerifier.create(cache.find("uid=6|res.partner", Partner.class)).expectNext(PARTNER).verifyComplete();
	}

	@Test
	void plaintextAndForeignValuesAreCountedMissesAndDeleted() {
		RedisZenooCache cache = cache("foreign", EncryptionKeys.of("k1", KEY_A, null));
		plant(cache.redisKey("plain"), "{\"id\":7,\"name\":\"Azure Interior\",\"email\":\"x@example.com\"}"
			.getBytes(StandardCharsets.UTF_8));
		assertCountedMissAndDeleted(cache, "plain");

		RedisZenooCache otherApplication = cache("foreign", EncryptionKeys.of("other", KEY_B, null));
		otherApplication.store("foreign", PARTNER, null).block(Duration.ofSeconds(5));
		assertCountedMissAndDeleted(cache, "foreign");

		RedisZenooCache sameIdOtherKey = cache("foreign", EncryptionKeys.of("k1", KEY_B, null));
		sameIdOtherKey.store("same-id", PARTNER, null).block(Duration.ofSeconds(5));
		assertCountedMissAndDeleted(cache, "same-id");

		plant(cache.redisKey("random"), new byte[] { 'Z', 'E', 1, (byte) 200, 1, 2, 3 });
		assertCountedMissAndDeleted(cache, "random");
	}

	@Test
	void aMissOnABadValueIsLoadedAgainThroughFindOrLoad() {
		RedisZenooCache cache = cache("reload", EncryptionKeys.of("k1", KEY_A, null));
		plant(cache.redisKey(7), "not encrypted".getBytes(StandardCharsets.UTF_8));
		StepVerifier.create(cache.findOrLoad(7, Partner.class, () -> reactor.core.publisher.Mono.just(PARTNER), null))
			.expectNext(PARTNER)
			.verifyComplete();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
		StepVerifier.create(cache.find(7, Partner.class)).expectNext(PARTNER).verifyComplete();
		assertThat(new String(rawValue(cache.redisKey(7)), StandardCharsets.ISO_8859_1)).startsWith("ZE");
	}

}
