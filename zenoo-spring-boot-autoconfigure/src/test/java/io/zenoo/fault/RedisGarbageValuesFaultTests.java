package io.zenoo.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import io.zenoo.fault.RedisFaultSupport.RawRedis;
import io.zenoo.repository.sample.AnnotatedPartnerService;
import io.zenoo.repository.sample.RepositoryTestApplication;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage planted under the exact Redis keys an application uses (a query, a {@code get(id)}, an {@code @OdooCached}
 * method, the metadata: the keys are found with SCAN after the calls): random bytes, JSON and MessagePack of other
 * shapes, truncated values, huge length prefixes, deep nesting. Every read is a miss that loads from Odoo and returns
 * the right result, never an exception; the bad value is replaced and counted as a decode failure.
 */
@Tag("fault")
class RedisGarbageValuesFaultTests {

	private static final Duration BUDGET = Duration.ofSeconds(15);

	private static final int MAX_ROUNDS = 400;

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "json", "msgpack" })
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void garbageUnderEveryKeyIsAMissNeverAnError(String serializer) {
		String namespace = RedisFaultSupport.namespace("zenoo_garbage_");
		ConfigurableApplicationContext context = RepositoryTestApplication.start(odoo.server(),
				"zenoo.cache.caches.fast.type=redis", "zenoo.cache.caches.fast.url=" + SharedRedis.url(),
				"zenoo.cache.caches.fast.namespace=" + namespace,
				"zenoo.cache.caches.fast.serializer=" + serializer);
		try (RawRedis raw = new RawRedis(SharedRedis.url())) {
			ZenooClient client = context.getBean(ZenooClient.class);
			AnnotatedPartnerService service = context.getBean(AnnotatedPartnerService.class);
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
			reads.put("metadata", () -> client.model(ResPartner.class).fieldsGet("type", "string").block());
			reads.put("query", () -> client.model(ResPartner.class).filter("is_company", true).all().block());
			reads.put("get(id)", () -> client.model(ResPartner.class).get(13).block());
			reads.put("@OdooCached", () -> service.companies().block());
			Map<String, Object> expected = new LinkedHashMap<>();
			reads.forEach((name, read) -> expected.put(name, read.get()));
			List<String> keys = raw.valueKeys(namespace + ":*");
			Map<String, byte[]> genuine = new LinkedHashMap<>();
			keys.forEach((key) -> genuine.put(key, raw.commands().get(RawRedis.bytes(key))));
			assertThat(keys).as("value keys of the four reads").hasSizeGreaterThanOrEqualTo(4);

			long seed = System.nanoTime();
			Random random = new Random(seed);
			long failuresBefore = caches.getCache("fast").statistics().decodeFailures();
			long end = System.nanoTime() + BUDGET.toNanos();
			int rounds = 0;
			int planted = 0;
			List<String> errors = new ArrayList<>();
			List<String> kept = new ArrayList<>();
			while (rounds < MAX_ROUNDS && System.nanoTime() < end) {
				rounds++;
				int kind = random.nextInt(GARBAGE_KINDS);
				for (String key : keys) {
					byte[] garbage = garbage(kind, random, genuine.get(key));
					raw.commands().set(RawRedis.bytes(key), garbage);
					planted++;
				}
				for (Map.Entry<String, Supplier<Object>> read : reads.entrySet()) {
					try {
						Object value = read.getValue().get();
						if (!expected.get(read.getKey()).equals(value)) {
							errors.add("round " + rounds + " kind " + kind + ": " + read.getKey() + " returned "
									+ value);
						}
					}
					catch (RuntimeException ex) {
						errors.add("round " + rounds + " kind " + kind + ": " + read.getKey() + " threw " + ex);
					}
				}
				for (String key : keys) {
					byte[] now = raw.commands().get(RawRedis.bytes(key));
					if (now != null && !Arrays.equals(now, genuine.get(key))) {
						kept.add("round " + rounds + " kind " + kind + ": " + key);
					}
				}
			}
			long decodeFailures = caches.getCache("fast").statistics().decodeFailures() - failuresBefore;
			System.out.printf("[fault] garbage under cache keys (%s, seed %d): %d rounds, %d keys, %d values planted, "
					+ "%d wrong results or exceptions, %d garbage values kept, %d decode failures counted%n", serializer,
					seed, rounds, keys.size(), planted, errors.size(), kept.size(), decodeFailures);
			assertThat(errors).as("wrong results or exceptions").isEmpty();
			assertThat(kept).as("garbage left under a key after the reads").isEmpty();
			assertThat(rounds).isGreaterThanOrEqualTo(50);
			assertThat(decodeFailures).as("decode failures counted").isEqualTo(planted);
		}
		finally {
			context.close();
			try (RawRedis raw = new RawRedis(SharedRedis.url())) {
				raw.unlinkAll(namespace + ":*");
			}
		}
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void randomGarbageIsNeverOneWellFormedValue() {
		// the value that once made a get(id) "return null" in CI: one 0x90 byte, MessagePack's empty array
		assertThat(wellFormedMsgpack(new byte[] { (byte) 0x90 })).isTrue();
		assertThat(wellFormedJson("[]".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(wellFormedMsgpack(new byte[] { (byte) 0x90, 1 })).isFalse();
		assertThat(wellFormedJson("[] x".getBytes(StandardCharsets.UTF_8))).isFalse();
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			byte[] bytes = randomBytes(random, 1 + random.nextInt(3));
			assertThat(wellFormedMsgpack(bytes) || wellFormedJson(bytes)).as(Arrays.toString(bytes)).isFalse();
		}
	}

	private static final int GARBAGE_KINDS = 8;

	/** One garbage value of a kind; never a valid encoding of the cached value's type. */
	static byte[] garbage(int kind, Random random, byte[] genuine) {
		return switch (kind) {
			case 0 -> randomBytes(random, 1 + random.nextInt(64));
			case 1 -> randomBytes(random, 1 + random.nextInt(8192));
			case 2 -> WRONG_JSON.get(random.nextInt(WRONG_JSON.size())).getBytes(StandardCharsets.UTF_8);
			case 3 -> wrongMsgpack(random);
			case 4 -> HUGE_PREFIXES.get(random.nextInt(HUGE_PREFIXES.size()));
			case 5 -> Arrays.copyOf(genuine, random.nextInt(Math.max(1, genuine.length - 1)));
			case 6 -> deepNesting(random.nextBoolean() ? (byte) '[' : (byte) 0x91, 2000 + random.nextInt(100_000));
			default -> SecurityDeserializationFaultTests.gadgetStream();
		};
	}

	/**
	 * Random bytes that are not one well-formed MessagePack or JSON value: random bytes can be one by chance (a single
	 * {@code 0x90} is MessagePack's empty array, a perfectly valid cached "no rows"), and a cache cannot tell a valid
	 * value planted by someone from its own. Wrong values of the right syntax are the other kinds' business.
	 */
	static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		do {
			random.nextBytes(bytes);
		}
		while (wellFormedMsgpack(bytes) || wellFormedJson(bytes));
		return bytes;
	}

	/** Whether the bytes are exactly one complete MessagePack value, of any type. */
	static boolean wellFormedMsgpack(byte[] bytes) {
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
			unpacker.skipValue();
			return !unpacker.hasNext();
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** Whether the bytes are exactly one complete JSON value, of any type (Jackson 3 fails on trailing tokens). */
	static boolean wellFormedJson(byte[] bytes) {
		try {
			JSON.readTree(bytes);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> WRONG_JSON = List.of("\"a string\"", "12345", "-1.5e308", "true",
			"[[1,2],[3]]", "[1,\"a\",true]", "{\"id\":\"not a number\",\"name\":[1,2]}", "{", "[{\"id\":",
			"1e999999999", "\"\\ud800\"", "[\"\\u0000\"]", "{\"a\":1,\"id\":\"x\"}",
			"\"@class\":\"java.util.HashMap\"", "[\"java.util.HashMap\",{}]", "\u00ff\u00fe\u00fd");

	private static byte[] wrongMsgpack(Random random) {
		try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
			switch (random.nextInt(6)) {
				case 0 -> packer.packString("a string " + random.nextInt());
				case 1 -> packer.packLong(random.nextLong());
				case 2 -> packer.packArrayHeader(2).packArrayHeader(1).packInt(1).packBoolean(true);
				case 3 -> packer.packMapHeader(1).packInt(7).packString("int key");
				case 4 -> packer.packBinaryHeader(3).writePayload(new byte[] { 1, 2, 3 });
				default -> packer.packExtensionTypeHeader((byte) 1, 4).writePayload(new byte[] { 1, 2, 3, 4 });
			}
			return packer.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final List<byte[]> HUGE_PREFIXES = List.of(
			// MessagePack array32, map32, str32, bin32, ext32 claiming about 2^31 elements or bytes
			new byte[] { (byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1 },
			new byte[] { (byte) 0xdf, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2 },
			new byte[] { (byte) 0xdb, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a' },
			new byte[] { (byte) 0xc6, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0 },
			new byte[] { (byte) 0xc9, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 0 },
			// a JSON string claiming nothing but never ending, and a number of 100,000 digits
			("\"" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8),
			("[" + "9".repeat(100_000) + "]").getBytes(StandardCharsets.UTF_8));

	private static byte[] deepNesting(byte opener, int depth) {
		byte[] bytes = new byte[depth];
		Arrays.fill(bytes, opener);
		return bytes;
	}

}
