package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.ResUsers;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances (two cache managers and clients) sharing one Redis namespace: every write through the
 * first instance makes the second one's next reads of the model ask Odoo and return the new data, for every user, in
 * Redis caches and in tiered caches (whose memory level is the second instance's own).
 */
class SharedInvalidationTests {

	private static final Duration PUB_SUB_BOUND = Duration.ofSeconds(5);

	private static OdooTestServer server;

	private final RedisInstances instances = new RedisInstances("zenoo_inv_");

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	/** One application instance: a memory cache, a Redis cache and a tiered cache on both; the admin's client. */
	private ZenooClient instance(String defaultCache) {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupMemoryCache(new MemoryCacheSpec("memory", 500, Duration.ofMinutes(10), CacheStrategy.TTL));
		manager.setupRedisCache(this.instances.redisSpec("redis")
			.defaultTtl(Duration.ofMinutes(10))
			.build());
		manager.setupTieredCache("tiered", "memory", "redis");
		manager.setDefaultCacheName(defaultCache);
		return this.instances.add(manager, TestClients.admin(server, manager));
	}

	/** What a write does on the first instance, and how its effect shows on a read. */
	enum Write {

		CREATE(SharedInvalidationTests::partnerCount, (client) -> client.model(ResPartner.class)
			.create(Map.of("name", "Shared One"))
			.then()),

		CREATE_ALL(SharedInvalidationTests::partnerCount, (client) -> client.model("res.partner")
			.createAll(List.of(Map.of("name", "Shared Two"), Map.of("name", "Shared Three")))
			.then()),

		UPDATE(SharedInvalidationTests::city, (client) -> client.model(ResPartner.class)
			.update(13, Map.of("city", "Bouillon"))
			.then()),

		DELETE(SharedInvalidationTests::partnerCount, (client) -> client.model(ResPartner.class)
			.delete(server.store().ids("res.partner").stream().max(Long::compare).orElseThrow())
			.then()),

		CALL(SharedInvalidationTests::partnerCount, (client) -> client
			.call("res.partner", "name_create", List.of("Shared Co"), Map.of())
			.then()),

		RELATED_MODEL(SharedInvalidationTests::demoUserName, (client) -> client.model(ResPartner.class)
			.update(13, Map.of("city", "Bouillon"))
			.then());

		final Function<ZenooClient, Object> probe;

		final Function<ZenooClient, reactor.core.publisher.Mono<Void>> action;

		Write(Function<ZenooClient, Object> probe, Function<ZenooClient, reactor.core.publisher.Mono<Void>> action) {
			this.probe = probe;
			this.action = action;
		}

	}

	static Stream<Arguments> writesAndCaches() {
		return Stream.of("redis", "tiered")
			.flatMap((cache) -> Stream.of(Write.values()).map((write) -> Arguments.of(cache, write)));
	}

	private static Object partnerCount(ZenooClient client) {
		return client.model(ResPartner.class).count().block();
	}

	private static Object city(ZenooClient client) {
		return client.model(ResPartner.class).filter("id", 13).first().block().city();
	}

	private static Object demoUserName(ZenooClient client) {
		return client.model(ResUsers.class).filter("id", OdooTestUsers.DEMO_UID).first().block().name();
	}

	private static int odooReads() {
		return server.calls().count("res.partner", "search_read") + server.calls().count("res.partner", "search_count")
				+ server.calls().count("res.users", "search_read");
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("writesAndCaches")
	void aWriteOnOneInstanceMakesTheOthersNextReadsAskOdoo(String cache, Write write) {
		if (write == Write.DELETE) {
			server.store().create("res.partner", Map.of("name", "To be deleted"));
		}
		ZenooClient first = instance(cache);
		ZenooClient second = instance(cache);
		ZenooClient secondDemo = second.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
		if (write == Write.RELATED_MODEL) {
			this.instances.managers().forEach((manager) -> manager.addRelatedModels("res.partner", "res.users"));
		}
		Object before = write.probe.apply(second);
		Object demoBefore = write.probe.apply(secondDemo);
		assertThat(write.probe.apply(first)).isEqualTo(before);
		assertThat(write.probe.apply(second)).isEqualTo(before);
		int readsBefore = odooReads();
		if (write == Write.RELATED_MODEL) {
			// a change of the partner shows in the user's rows
			server.store().write("res.users", OdooTestUsers.DEMO_UID, Map.of("name", "Renamed With Partner"));
		}

		write.action.apply(first).block();

		Object after = await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> write.probe.apply(second), (value) -> !value.equals(before));
		assertThat(after).isEqualTo(write.probe.apply(first));
		Object demoAfter = await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> write.probe.apply(secondDemo), (value) -> !value.equals(demoBefore));
		assertThat(demoAfter).isNotNull();
		assertThat(odooReads()).as("the second instance asked Odoo").isGreaterThan(readsBefore + 1);
	}

	@Test
	void memoryCachesOfAnInstanceSharingRedisFollowTheOtherInstancesWrites() {
		ZenooClient first = instance("redis");
		ZenooClient second = instance("memory");
		// a read through Redis: the second instance listens from then on
		assertThat(second.model(ResPartner.class).filter("id", 14).cache("redis").first().block()).isNotNull();
		assertThat(city(second)).isEqualTo("Florenville");
		assertThat(city(second)).isEqualTo("Florenville");
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(2);

		first.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();

		await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> city(second), "Bouillon"::equals);
	}

	@Test
	void instancesAgreeOnTheGenerationAndShareTheNewEntries() {
		ZenooClient first = instance("redis");
		ZenooClient second = instance("redis");
		ZenooCacheManager one = this.instances.managers().get(0);
		ZenooCacheManager two = this.instances.managers().get(1);
		assertThat(city(second)).as("read through Redis: the second instance listens from then on")
			.isEqualTo("Florenville");
		first.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();
		// the write waits for Redis a short while only: under load the number may come a little later
		long generation = await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> one.generation(one.getCache("redis"), "res.partner"), (number) -> number > 0);
		assertThat(this.instances.redis().hget(this.instances.namespace() + ":generations", "res.partner"))
			.isEqualTo(String.valueOf(generation));
		await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> two.generation(two.getCache("redis"), "res.partner") == generation);

		int reads = server.calls().count("res.partner", "search_read");
		assertThat(city(first)).isEqualTo("Bouillon");
		assertThat(city(second)).isEqualTo("Bouillon");
		assertThat(server.calls().count("res.partner", "search_read")).as("the second read came from Redis")
			.isEqualTo(reads + 1);
		assertThat(two.getCache("redis").statistics().invalidationsReceived()).isPositive();
	}

	@Test
	void aNewInstanceLoadsTheGenerationsAlreadyInRedis() {
		ZenooClient first = instance("redis");
		first.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();
		first.model(ResPartner.class).update(14, Map.of("city", "Arlon")).block();
		ZenooCacheManager one = this.instances.managers().get(0);
		long generation = 2;
		await().atMost(PUB_SUB_BOUND).pollInterval(Duration.ofMillis(10))
			.until(() -> one.generation(one.getCache("redis"), "res.partner") == generation);
		assertThat(city(first)).isEqualTo("Bouillon");

		ZenooClient late = instance("redis");
		assertThat(city(late)).as("read from Redis: same generation").isEqualTo("Bouillon");
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(1);
		assertThat(this.instances.managers().get(1).generation(this.instances.managers().get(1).getCache("redis"), "res.partner"))
			.isEqualTo(generation);
	}

}
