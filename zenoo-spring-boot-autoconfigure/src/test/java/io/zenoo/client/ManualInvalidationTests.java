package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.support.SharedRedis;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The Python guide's manual invalidation calls on memory, Redis and tiered caches: {@code invalidate_model_cache},
 * {@code invalidate_pattern("res.partner:is_company=True:*")}, {@code clear_cache("memory", "res.partner:*")},
 * {@code clear_all_caches}, and what they refuse.
 */
class ManualInvalidationTests {

	private static OdooTestServer server;

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redis;

	private final String namespace = "zenoo_manual_" + UUID.randomUUID().toString().substring(0, 8);

	private final List<ZenooCacheManager> managers = new ArrayList<>();

	private final List<ZenooClient> clients = new ArrayList<>();

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
	void resetServer() {
		server.reset();
	}

	@AfterEach
	void cleanUp() {
		this.clients.forEach(ZenooClient::close);
		this.managers.forEach(ZenooCacheManager::destroy);
		keys(this.namespace + ":*").forEach(redis.sync()::unlink);
	}

	private static List<String> keys(String pattern) {
		List<String> found = new ArrayList<>();
		ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(pattern).limit(500)).forEachRemaining(found::add);
		return found;
	}

	/** An instance whose only cache (and default) is {@code cache}: memory, redis or tiered (on l1 and redis). */
	private ZenooClient instance(String cache) {
		ZenooCacheManager manager = new ZenooCacheManager();
		if (cache.equals("memory") || cache.equals("tiered")) {
			manager.setupMemoryCache(new MemoryCacheSpec(cache.equals("memory") ? "memory" : "l1", 500,
					Duration.ofMinutes(10), CacheStrategy.TTL));
		}
		if (cache.equals("redis") || cache.equals("tiered")) {
			manager.setupRedisCache(RedisCacheSpec.builder("redis")
				.url(SharedRedis.url())
				.namespace(this.namespace)
				.defaultTtl(Duration.ofMinutes(10))
				.build());
		}
		if (cache.equals("tiered")) {
			manager.setupTieredCache("tiered", "l1", "redis");
		}
		manager.setDefaultCacheName(cache);
		this.managers.add(manager);
		ZenooClient client = TestClients.admin(server, manager);
		this.clients.add(client);
		return client;
	}

	private ZenooCacheManager manager() {
		return this.managers.get(0);
	}

	private static QueryBuilder<ResPartner> companies(ZenooClient client) {
		return client.model(ResPartner.class).filter("is_company", true).orderBy("id");
	}

	private static QueryBuilder<ResPartner> people(ZenooClient client) {
		return client.model(ResPartner.class).filter("is_company", false).orderBy("id").limit(3);
	}

	private static QueryBuilder<ResCountry> belgium(ZenooClient client) {
		return client.model(ResCountry.class).filter("code", "BE");
	}

	private static void readAll(ZenooClient client) {
		companies(client).all().block();
		people(client).all().block();
		belgium(client).all().block();
	}

	private static int partnerReads() {
		return server.calls().count("res.partner", "search_read");
	}

	private static int countryReads() {
		return server.calls().count("res.country", "search_read");
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void invalidateModelCacheMakesEveryQueryOfTheModelAskOdooAgain(String cache) {
		ZenooClient client = instance(cache);
		readAll(client);
		server.store().write("res.partner", 13, Map.of("city", "Bouillon"));

		manager().invalidateModelCache("res.partner").block();

		readAll(client);
		assertThat(partnerReads()).isEqualTo(4);
		assertThat(countryReads()).as("another model keeps its entries").isEqualTo(1);
		assertThat(people(client).all().block()).isNotEmpty();
		assertThat(companies(client).filter("id", 13).all().block()).singleElement()
			.satisfies((partner) -> assertThat(partner.city()).isEqualTo("Bouillon"));
	}

	@Test
	void invalidatingAModelLeavesItsSupersededRedisEntriesToTheirTtl() {
		ZenooClient client = instance("redis");
		readAll(client);
		String prefix = this.namespace + ":redis:res.partner:";
		List<String> before = keys(prefix + "*");
		assertThat(before).hasSize(2).allSatisfy((key) -> assertThat(key).endsWith(":g0"));

		manager().invalidateModelCache("res.partner").block();
		// the call waits for Redis a short while only: under load the number may come a little later
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> manager().generation(manager().getCache("redis"), "res.partner") == 1);
		readAll(client);

		List<String> after = keys(prefix + "*");
		assertThat(after).hasSize(4).containsAll(before);
		assertThat(after).filteredOn((key) -> key.endsWith(":g1")).hasSize(2);
		assertThat(redis.sync().pttl(before.get(0))).as("superseded, and leaving with its TTL").isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void theGuidesPatternRemovesTheCompaniesQueryOnly(String cache) {
		ZenooClient client = instance(cache);
		readAll(client);

		long removed = manager().invalidatePattern("res.partner:is_company=True:*").block();

		// tiered: the entry of its L1 memory cache (set up as a cache of its own) and of Redis
		assertThat(removed).isEqualTo(cache.equals("tiered") ? 2 : 1);
		readAll(client);
		assertThat(partnerReads()).as("the companies read again, not the people").isEqualTo(3);
		assertThat(countryReads()).isEqualTo(1);
		assertThat(manager().invalidatePattern("res.partner:nothing=*").block()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void clearCacheRemovesTheMatchingEntriesOfOneCache(String cache) {
		ZenooClient client = instance(cache);
		readAll(client);

		assertThat(manager().clearCache(cache, "res.partner:*").block()).isEqualTo(2);

		readAll(client);
		assertThat(partnerReads()).isEqualTo(4);
		assertThat(countryReads()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis", "tiered" })
	void clearAllCachesRemovesEverything(String cache) {
		ZenooClient client = instance(cache);
		readAll(client);

		manager().clearAllCaches().block();

		readAll(client);
		assertThat(partnerReads()).isEqualTo(4);
		assertThat(countryReads()).isEqualTo(2);
		if (!cache.equals("memory")) {
			assertThat(keys(this.namespace + ":redis:*")).hasSize(3);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "tiered" })
	void manualInvalidationsReachTheOtherInstances(String cache) {
		ZenooClient first = instance(cache);
		ZenooClient second = instance(cache);
		readAll(second);
		readAll(first);
		assertThat(partnerReads()).as("the first instance read from Redis").isEqualTo(2);
		server.store().write("res.partner", 13, Map.of("city", "Bouillon"));
		server.store().write("res.country", belgium(first).all().block().get(0).id(), Map.of("name", "Belgique"));

		manager().invalidateModelCache("res.partner").block();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> second.model(ResPartner.class).filter("id", 13).first().block().city(), "Bouillon"::equals);

		manager().invalidatePattern("res.country:*").block();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> belgium(second).all().block().get(0).name(), "Belgique"::equals);
	}

	@Test
	void badArgumentsAreRefusedWithTheProblemNamed() {
		instance("memory");
		ZenooCacheManager caches = manager();
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidateModelCache(null))
			.withMessage("model must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidateModelCache(" "))
			.withMessage("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidateModelCache("res.partner:*"))
			.withMessageContaining("'res.partner:*' is not an Odoo model name");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidateModels(List.of("res.partner", "a b")))
			.withMessageContaining("'a b' is not an Odoo model name");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidatePattern(null))
			.withMessage("pattern must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.invalidatePattern(""))
			.withMessage("pattern must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.clearCache("nope", "*"))
			.withMessage("no cache named 'nope'; known caches: [memory]");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.clearCache("memory", null))
			.withMessage("pattern must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> caches.clearCache(null, "*"))
			.withMessageContaining("no cache named 'null'");
	}

}
