package io.zenoo.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java-serialized object stream ({@code AC ED 00 05}) holding a {@link Gadget} whose {@code readObject} would count
 * itself if it were ever deserialized, planted under every key of a query, a {@code get(id)}, an {@code @OdooCached}
 * method and the metadata: each read is a miss with the right result, the gadget never runs. And by inspection: no
 * class of the main code refers to {@code ObjectInputStream} (or any other JDK deserializer) or to Jackson's default
 * typing, and the mappers of the cache codecs have no default typing.
 */
@Tag("fault")
class SecurityDeserializationFaultTests {

	/** How many times a {@link Gadget} was deserialized. */
	static final AtomicInteger GADGETS_RUN = new AtomicInteger();

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	/** A harmless class that counts its own deserialization. */
	static final class Gadget implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		@Serial
		private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
			in.defaultReadObject();
			GADGETS_RUN.incrementAndGet();
		}

	}

	/** @return a serialized {@code HashMap} holding a {@link Gadget} */
	static byte[] gadgetStream() {
		HashMap<String, Object> map = new HashMap<>();
		map.put("gadget", new Gadget());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(map);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void theGadgetStreamIsARealJavaSerializationThatWouldRun() throws Exception {
		byte[] stream = gadgetStream();
		assertThat(stream).startsWith((byte) 0xac, (byte) 0xed, (byte) 0x00, (byte) 0x05);
		int before = GADGETS_RUN.get();
		try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(stream))) {
			assertThat(in.readObject()).isInstanceOf(HashMap.class);
		}
		assertThat(GADGETS_RUN.get()).as("the control: deserializing the stream runs the gadget").isEqualTo(before + 1);
		GADGETS_RUN.addAndGet(-1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "json", "msgpack" })
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aSerializedGadgetUnderEveryKeyIsAMissAndNeverRuns(String serializer) {
		String namespace = RedisFaultSupport.namespace("zenoo_gadget_");
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
			assertThat(keys).hasSizeGreaterThanOrEqualTo(4);
			byte[] gadget = gadgetStream();
			long failuresBefore = caches.getCache("fast").statistics().decodeFailures();
			int rounds = 50;
			for (int round = 0; round < rounds; round++) {
				keys.forEach((key) -> raw.commands().set(RawRedis.bytes(key), gadget));
				reads.forEach((name, read) -> assertThat(read.get()).as(name).isEqualTo(expected.get(name)));
			}
			long decodeFailures = caches.getCache("fast").statistics().decodeFailures() - failuresBefore;
			System.out.printf("[fault] JDK-serialized gadget (%s): %d rounds x %d keys planted, gadget run %d times, "
					+ "%d decode failures counted%n", serializer, rounds, keys.size(), GADGETS_RUN.get(),
					decodeFailures);
			assertThat(GADGETS_RUN).as("gadgets deserialized").hasValue(0);
			assertThat(decodeFailures).isEqualTo((long) rounds * keys.size());
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
	void noMainClassRefersToAJdkDeserializerOrToDefaultTyping() throws IOException, URISyntaxException {
		Path classes = Path.of(ZenooClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> forbidden = List.of("java/io/ObjectInputStream", "java/beans/XMLDecoder", "readUnshared",
				"activateDefaultTyping", "enableDefaultTyping", "DefaultTyping", "LaissezFaireSubTypeValidator",
				"JsonTypeInfo$Id", "ObjectInputFilter");
		List<String> found = new ArrayList<>();
		int scanned;
		try (Stream<Path> files = Files.walk(classes)) {
			List<Path> classFiles = files.filter((file) -> file.toString().endsWith(".class")).toList();
			scanned = classFiles.size();
			for (Path file : classFiles) {
				// constant pool strings are modified UTF-8: plain ASCII names appear as they are
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				for (String name : forbidden) {
					if (content.contains(name)) {
						found.add(classes.relativize(file) + " refers to " + name);
					}
				}
			}
		}
		System.out.printf("[fault] deserialization inspection: %d main classes scanned in %s, %d forbidden "
				+ "references%n", scanned, classes, found.size());
		assertThat(scanned).as("main classes scanned").isGreaterThan(100);
		assertThat(found).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "json", "msgpack" })
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void theCacheCodecsMapperHasNoDefaultTyping(String serializer) throws Exception {
		ConfigurableApplicationContext context = RepositoryTestApplication.start(odoo.server(),
				"zenoo.cache.caches.fast.type=redis", "zenoo.cache.caches.fast.url=" + SharedRedis.url(),
				"zenoo.cache.caches.fast.namespace=" + RedisFaultSupport.namespace("zenoo_codec_"),
				"zenoo.cache.caches.fast.serializer=" + serializer);
		try {
			Object cache = context.getBean(ZenooCacheManager.class).getCache("fast");
			Object codec = field(cache, "codec");
			assertThat(codec.getClass().getSimpleName()).isEqualToIgnoringCase(serializer + "ValueCodec");
			JsonMapper mapper = (JsonMapper) field(codec, "mapper");
			for (Class<?> type : List.of(Object.class, Map.class, List.class, ResPartner.class, Serializable.class)) {
				assertThat(mapper.deserializationConfig().getDefaultTyper(mapper.constructType(type)))
					.as("default typing for " + type.getSimpleName())
					.isNull();
			}
		}
		finally {
			context.close();
		}
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
		}
		throw new NoSuchFieldException(name + " in " + target.getClass());
	}

}
