package io.zenoo.cache;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link EncryptingValueCodec} and {@link EncryptionKeys} without Redis: the stored form, what fails authentication,
 * and the checks of the keys (whose messages never contain a key).
 */
class EncryptingValueCodecTests {

	static final String KEY_A = randomKey();

	static final String KEY_B = randomKey();

	private static final String REDIS_KEY = "ns:cache:res.partner|7";

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	record Partner(long id, String name) {
	}

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static EncryptingValueCodec codec(CacheSerializer serializer, EncryptionKeys keys) {
		return new EncryptingValueCodec(ValueCodec.of(serializer, MAPPER), keys);
	}

	private static EncryptingValueCodec codec(EncryptionKeys keys) {
		return codec(CacheSerializer.JSON, keys);
	}

	@ParameterizedTest
	@EnumSource(CacheSerializer.class)
	void valuesRoundTripAndTheStoredBytesHoldNeitherThePlaintextNorTheKey(CacheSerializer serializer) {
		EncryptingValueCodec codec = codec(serializer, EncryptionKeys.of("k1", KEY_A, null));
		Partner partner = new Partner(7, "Azure Interior Confidential");
		byte[] stored = codec.encode(partner, REDIS_KEY);

		assertThat(codec.decode(stored, Partner.class, REDIS_KEY)).isEqualTo(partner);
		String text = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("ZE\u0001\u0002k1").doesNotContain("Azure").doesNotContain("Confidential");
		assertThat(stored).hasSize(3 + 1 + 2 + 12 + ValueCodec.of(serializer, MAPPER).encode(partner).length + 16);
		assertThat(codec.encode(partner, REDIS_KEY)).as("a fresh nonce per value").isNotEqualTo(stored);
		assertThat(codec.toString()).doesNotContain(KEY_A).contains("k1");
	}

	@Test
	void everyFlippedByteFailsAuthentication() {
		EncryptingValueCodec codec = codec(EncryptionKeys.of("k1", KEY_A, Map.of("k0", KEY_B)));
		byte[] stored = codec.encode(List.of("secret", 42), REDIS_KEY);
		for (int i = 0; i < stored.length; i++) {
			byte[] tampered = stored.clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(EncryptingValueCodec.UndecryptableValueException.class)
				.as("byte %d flipped", i)
				.isThrownBy(() -> codec.decode(tampered, Object.class, REDIS_KEY));
		}
	}

	@Test
	void truncatedValuesFail() {
		EncryptingValueCodec codec = codec(EncryptionKeys.of("k1", KEY_A, null));
		byte[] stored = codec.encode("a value", REDIS_KEY);
		for (int length = 0; length < stored.length; length++) {
			byte[] truncated = Arrays.copyOf(stored, length);
			assertThatExceptionOfType(EncryptingValueCodec.UndecryptableValueException.class)
				.as("first %d bytes", length)
				.isThrownBy(() -> codec.decode(truncated, Object.class, REDIS_KEY));
		}
	}

	@Test
	void aValueReadUnderAnotherKeyFails() {
		EncryptingValueCodec codec = codec(EncryptionKeys.of("k1", KEY_A, null));
		byte[] stored = codec.encode("alice's rows", "ns:cache:uid=6|res.partner");
		assertThatThrownBy(() -> codec.decode(stored, Object.class, "ns:cache:uid=7|res.partner"))
			.isInstanceOf(EncryptingValueCodec.UndecryptableValueException.class)
			.hasMessageContaining("authentication");
	}

	@Test
	void plaintextAndUnknownKeyIdsFailWithoutTryingToDecode() {
		EncryptingValueCodec codec = codec(EncryptionKeys.of("k2", KEY_B, null));
		assertThatThrownBy(() -> codec.decode("{\"id\":7}".getBytes(StandardCharsets.UTF_8), Object.class, REDIS_KEY))
			.isInstanceOf(EncryptingValueCodec.UndecryptableValueException.class)
			.hasMessageContaining("not encrypted");
		byte[] fromOldKey = codec(EncryptionKeys.of("k1", KEY_A, null)).encode("old", REDIS_KEY);
		assertThatThrownBy(() -> codec.decode(fromOldKey, Object.class, REDIS_KEY))
			.isInstanceOf(EncryptingValueCodec.UndecryptableValueException.class)
			.hasMessageContaining("'k1'");
	}

	@Test
	void previousKeysStillDecryptAndRelabellingAValueFails() {
		byte[] old = codec(EncryptionKeys.of("k1", KEY_A, null)).encode("written before the rotation", REDIS_KEY);
		EncryptingValueCodec rotated = codec(EncryptionKeys.of("k2", KEY_B, Map.of("k1", KEY_A)));
		assertThat(rotated.decode(old, Object.class, REDIS_KEY)).isEqualTo("written before the rotation");
		assertThat(new String(rotated.encode("new", REDIS_KEY), StandardCharsets.ISO_8859_1)).startsWith("ZE\u0001\u0002k2");

		// the same key under two ids: changing the stored id breaks the authenticated header
		EncryptingValueCodec twoIds = codec(EncryptionKeys.of("k2", KEY_A, Map.of("k1", KEY_A)));
		byte[] relabelled = old.clone();
		relabelled[5] = '2';
		assertThatThrownBy(() -> twoIds.decode(relabelled, Object.class, REDIS_KEY))
			.isInstanceOf(EncryptingValueCodec.UndecryptableValueException.class);
	}

	@Test
	void badKeysAreRefusedNamingTheSettingAndNeverTheKey() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertSetting(() -> EncryptionKeys.of("k1", shortKey, null), "encryption.key", shortKey, "16 bytes");
		assertSetting(() -> EncryptionKeys.of("k1", "not*base64!", null), "encryption.key", "not*base64!", "base64");
		assertSetting(() -> EncryptionKeys.of("k1", null, null), "encryption.key", null, "not set");
		assertSetting(() -> EncryptionKeys.of(null, KEY_A, null), "encryption.key-id", KEY_A, "missing");
		assertSetting(() -> EncryptionKeys.of("bad id", KEY_A, null), "encryption.key-id", KEY_A, "not a valid");
		assertSetting(() -> EncryptionKeys.of("k1", KEY_A, Map.of("k0", "short")), "encryption.previous-keys.k0",
				KEY_A, "base64");
		assertSetting(() -> EncryptionKeys.of("k1", KEY_A, Map.of("k1", KEY_B)), "encryption.previous-keys.k1", KEY_B,
				"current key");
	}

	private static void assertSetting(Runnable creation, String setting, String secret, String problem) {
		assertThatThrownBy(creation::run).isInstanceOfSatisfying(InvalidCacheSpecException.class, (ex) -> {
			assertThat(ex.getSetting()).isEqualTo(setting);
			assertThat(ex.getMessage()).contains(problem);
			if (secret != null) {
				assertThat(ex.getMessage()).doesNotContain(secret);
			}
		});
	}

	@Test
	void keysShowOnlyTheirIds() {
		EncryptionKeys keys = EncryptionKeys.of("k2", KEY_B, Map.of("k1", KEY_A));
		assertThat(keys.toString()).contains("k2", "k1").doesNotContain(KEY_A).doesNotContain(KEY_B);
		assertThat(keys.keyIds()).containsExactly("k2", "k1");
		assertThat(RedisCacheSpec.builder("c").encryption(keys).build().toString()).contains("encrypted=true")
			.doesNotContain(KEY_A)
			.doesNotContain(KEY_B);
	}

	@Test
	void roughCostPerValue() {
		EncryptingValueCodec encrypting = codec(EncryptionKeys.of("k1", KEY_A, null));
		ValueCodec plain = ValueCodec.of(CacheSerializer.JSON, MAPPER);
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			rows.add(Map.of("id", (long) i, "name", "Partner number " + i, "email", "partner" + i + "@example.com",
					"active", true));
		}
		byte[] plainBytes = plain.encode(rows);
		byte[] sealed = encrypting.encode(rows, REDIS_KEY);
		long plainNanos = Long.MAX_VALUE;
		long sealedNanos = Long.MAX_VALUE;
		// alternate the two, and keep the best batch of each after a warm-up round, so that neither pays for the JIT
		for (int round = 0; round < 6; round++) {
			long plainBatch = time(3000, () -> plain.decode(plainBytes, Object.class));
			long sealedBatch = time(3000, () -> encrypting.decode(sealed, Object.class, REDIS_KEY));
			if (round > 0) {
				plainNanos = Math.min(plainNanos, plainBatch);
				sealedNanos = Math.min(sealedNanos, sealedBatch);
			}
		}
		assertThat(encrypting.decode(sealed, Object.class, REDIS_KEY)).isEqualTo(plain.decode(plainBytes, Object.class));
		System.out.printf("encryption: decode of a %d-byte value: %.1f us plain, %.1f us decrypted (+%.1f us per hit)%n",
				plainBytes.length, plainNanos / 1000.0, sealedNanos / 1000.0, (sealedNanos - plainNanos) / 1000.0);
	}

	/** The average time of one call over a batch. */
	private static long time(int calls, Runnable call) {
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			call.run();
		}
		return (System.nanoTime() - start) / calls;
	}

}
