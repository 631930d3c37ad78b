package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	private final RedisInstances instances = new RedisInstances("zenoo_manual_");

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	/** An instance whose only cache (and default) is {@code cache}: memory, redis or tiered (on l1 and redis). */
	private ZenooClient instance(String cache) {
		ZenooCacheManager manager = new ZenooCacheManager();
		if (cache.equals("memory") || cache.equals("tiered")) {
			manager.setupMemoryCache(new MemoryCacheSpec(cache.equals("memory") ? "memory" : "l1", 500,
					Duration.ofMinutes(10), CacheStrategy.TTL));
		}
		if (cache.equals("redis") || cache.equals("tiered")) {
			manager.setupRedisCache(this.instances.redisSpec("redis")
				.defaultTtl(Duration.ofMinutes(10))
				.build());
		}
		if (cache.equals("tiered")) {
			manager.setupTieredCache("tiered", "l1", "redis");
		}
		manager.setDefaultCacheName(cache);
		return this.instances.add(manager, TestClients.admin(server, manager));
	}

	private ZenooCacheManager manager() {
		return this.instances.managers().get(0);
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
		String prefix = this.instances.namespace() + ":redis:res.partner:";
		List<String> before = this.instances.keys(prefix + "*");
		assertThat(before).hasSize(2).allSatisfy((key) -> assertThat(key).endsWith(":g0"));

		manager().invalidateModelCache("res.partner").block();
		// the call waits for Redis a short while only: under load the number may come a little later
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> manager().generation(manager().getCache("redis"), "res.partner") == 1);
		readAll(client);

		List<String> after = this.instances.keys(prefix + "*");
		assertThat(after).hasSize(4).containsAll(before);
		assertThat(after).filteredOn((key) -> key.endsWith(":g1")).hasSize(2);
		assertThat(this.instances.redis().pttl(before.get(0))).as("superseded, and leaving with its TTL").isPositive();
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
			assertThat(this.instances.keys(this.instances.namespace() + ":redis:*")).hasSize(3);
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
