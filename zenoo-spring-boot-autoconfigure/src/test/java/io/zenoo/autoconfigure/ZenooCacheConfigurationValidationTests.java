package io.zenoo.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invalid {@code zenoo.cache} setting stops the start-up with a {@link ZenooConfigurationException} naming the
 * property, which the failure analyzer reports.
 */
class ZenooCacheConfigurationValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class));

	private ZenooConfigurationException failure(String... properties) {
		ZenooConfigurationException[] found = new ZenooConfigurationException[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ZenooConfigurationException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("cause chain of %s", context.getStartupFailure())
				.isInstanceOf(ZenooConfigurationException.class);
			found[0] = (ZenooConfigurationException) cause;
		});
		return found[0];
	}

	@Test
	void unknownType() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memcached");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.type");
		assertThat(ex.getMessage()).contains("memcached");
		assertThat(ex.getAction()).contains("memory, redis, tiered");
	}

	@Test
	void missingType() {
		assertThat(failure("zenoo.cache.caches.fast.max-size=10").getProperty())
			.isEqualTo("zenoo.cache.caches.fast.type");
	}

	@Test
	void unknownStrategy() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.strategy=mru");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.strategy");
		assertThat(ex.getAction()).contains("ttl, lru, lfu");
	}

	@Test
	void unknownStorage() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.storage=bytes");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.storage");
		assertThat(ex.getMessage()).contains("bytes");
		assertThat(ex.getAction()).contains("compact, objects");
	}

	@Test
	void decodedEntriesBelowOne() {
		for (String bad : new String[] { "0", "-5" }) {
			ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
					"zenoo.cache.caches.fast.decoded-entries=" + bad);
			assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.decoded-entries");
			assertThat(ex.getMessage()).contains(bad);
			assertThat(ex.getAction()).contains("between 1 and max-size");
		}
	}

	@Test
	void decodedEntriesAboveMaxSize() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.max-size=100", "zenoo.cache.caches.fast.decoded-entries=101");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.decoded-entries");
		assertThat(ex.getMessage()).contains("101").contains("max-size (100)");
	}

	@Test
	void storageAndDecodedEntriesReachTheCache() {
		this.runner.withPropertyValues("zenoo.cache.caches.compact.type=memory", "zenoo.cache.caches.compact.max-size=500",
				"zenoo.cache.caches.hot.type=memory", "zenoo.cache.caches.hot.decoded-entries=7",
				"zenoo.cache.caches.plain.type=memory", "zenoo.cache.caches.plain.storage=OBJECTS")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				io.zenoo.cache.ZenooCacheManager manager = context.getBean(io.zenoo.cache.ZenooCacheManager.class);
				assertThat(io.zenoo.cache.CompactStorageAccess.spec(manager.getCache("compact")))
					.satisfies((spec) -> {
						assertThat(spec.storage()).isEqualTo(io.zenoo.cache.MemoryStorage.COMPACT);
						assertThat(spec.decodedEntries()).isEqualTo(50);
					});
				assertThat(io.zenoo.cache.CompactStorageAccess.spec(manager.getCache("hot")).decodedEntries())
					.isEqualTo(7);
				assertThat(io.zenoo.cache.CompactStorageAccess.spec(manager.getCache("plain")).storage())
					.isEqualTo(io.zenoo.cache.MemoryStorage.OBJECTS);
			});
	}

	@Test
	void pickleIsRefusedAndSaysWhy() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.r.serializer=pickle");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.r.serializer");
		assertThat(ex.getMessage()).contains("no safe Java equivalent").contains("remote-code-execution");
		assertThat(ex.getAction()).contains("json").contains("msgpack");
	}

	@Test
	void unknownSerializer() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.r.serializer=xml");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.r.serializer");
	}

	@Test
	void tieredWithoutL1() {
		assertThat(failure("zenoo.cache.caches.r.type=redis", "zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0",
				"zenoo.cache.caches.hot.type=tiered", "zenoo.cache.caches.hot.l2=r")
			.getProperty()).isEqualTo("zenoo.cache.caches.hot.l1");
	}

	@Test
	void tieredWithoutL2() {
		assertThat(failure("zenoo.cache.caches.m.type=memory", "zenoo.cache.caches.hot.type=tiered",
				"zenoo.cache.caches.hot.l1=m")
			.getProperty()).isEqualTo("zenoo.cache.caches.hot.l2");
	}

	@Test
	void tieredNamingAMissingCache() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.hot.type=tiered",
				"zenoo.cache.caches.hot.l1=nope", "zenoo.cache.caches.hot.l2=r");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.hot.l1");
		assertThat(ex.getMessage()).contains("'nope'").contains("does not exist");
	}

	@Test
	void tieredL1MustBeMemory() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.hot.type=tiered",
				"zenoo.cache.caches.hot.l1=r", "zenoo.cache.caches.hot.l2=r");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.hot.l1");
		assertThat(ex.getMessage()).contains("must be a memory cache");
	}

	@Test
	void tieredL2MustBeRedis() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.m.type=memory",
				"zenoo.cache.caches.hot.type=tiered", "zenoo.cache.caches.hot.l1=m", "zenoo.cache.caches.hot.l2=m");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.hot.l2");
	}

	@Test
	void defaultCacheNamingNoCache() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.m.type=memory",
				"zenoo.cache.default-cache=fast");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.default-cache");
		assertThat(ex.getAction()).contains("[m]");
	}

	@Test
	void nonPositiveSize() {
		assertThat(failure("zenoo.cache.caches.m.type=memory", "zenoo.cache.caches.m.max-size=0").getProperty())
			.isEqualTo("zenoo.cache.caches.m.max-size");
		assertThat(failure("zenoo.cache.caches.r.type=redis", "zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0",
				"zenoo.cache.caches.r.max-connections=-1")
			.getProperty()).isEqualTo("zenoo.cache.caches.r.max-connections");
	}

	@Test
	void negativeTtl() {
		assertThat(failure("zenoo.cache.caches.m.type=memory", "zenoo.cache.caches.m.default-ttl=-5s").getProperty())
			.isEqualTo("zenoo.cache.caches.m.default-ttl");
		assertThat(failure("zenoo.cache.caches.r.type=redis", "zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0",
				"zenoo.cache.caches.r.default-ttl=-1m")
			.getProperty()).isEqualTo("zenoo.cache.caches.r.default-ttl");
	}

	@Test
	void badRedisUrlIsReportedWithoutItsPassword() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=http://admin:s3cr3t-pw@cache.example:6379/0");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.r.url");
		assertThat(ex.getMessage()).doesNotContain("s3cr3t-pw").doesNotContain("admin").contains("***@cache.example");
		ZenooConfigurationException badDb = failure("zenoo.cache.caches.r.type=redis",
				"zenoo.cache.caches.r.url=redis://:s3cr3t-pw@cache.example:6379/zero");
		assertThat(badDb.getProperty()).isEqualTo("zenoo.cache.caches.r.url");
		assertThat(badDb.getMessage()).doesNotContain("s3cr3t-pw");
	}

	@Test
	void redisWithoutUrlNeedsAConnectionFactory() {
		assertThat(failure("zenoo.cache.caches.r.type=redis").getProperty()).isEqualTo("zenoo.cache.caches.r.url");
	}

	@Test
	void failureAnalyzerNamesThePropertyAndTheFix() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.strategy=random");
		FailureAnalysis analysis = new ZenooConfigurationFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription()).contains("zenoo.cache.caches.fast.strategy");
		assertThat(analysis.getAction()).contains("ttl, lru, lfu");
	}

}
