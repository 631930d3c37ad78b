package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.sync.RedisCommands;
import io.zenoo.cache.CacheSerializer;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries cached in Redis: results decode into the query's own type (never a type named by the payload), are shared
 * between instances, carry per-query TTLs, and keep working while Redis dies and comes back.
 */
class QueryCachingRedisTests {

	private static OdooTestServer server;

	private final RedisInstances instances = new RedisInstances("zenoo_query_");

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	/** A client with its own cache manager, as one application instance would have. */
	private ZenooClient instance(String url, CacheSerializer serializer) {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupRedisCache(RedisCacheSpec.builder("persistent")
			.url(url)
			.namespace(this.instances.namespace())
			.serializer(serializer)
			.defaultTtl(Duration.ofHours(1))
			.commandTimeout(Duration.ofMillis(300))
			.circuitBreakerWait(Duration.ofMillis(500))
			.build());
		return this.instances.add(manager, TestClients.admin(server, manager));
	}

	private static int searchReads() {
		return server.calls().count("res.partner", "search_read");
	}

	@ParameterizedTest
	@EnumSource(CacheSerializer.class)
	void typedResultsAreSharedBetweenInstancesAndDecodeIntoTheQueryType(CacheSerializer serializer) {
		ZenooClient first = instance(SharedRedis.url(), serializer);
		ZenooClient second = instance(SharedRedis.url(), serializer);
		List<ResPartner> loaded = first.model(ResPartner.class).filter("is_company", true).orderBy("id").all().block();
		List<ResPartner> shared = second.model(ResPartner.class).filter("is_company", true).orderBy("id").all().block();
		assertThat(searchReads()).isEqualTo(1);
		assertThat(shared).isEqualTo(loaded).isNotEmpty();
		ResPartner azure = shared.stream().filter((p) -> p.id() == 15).findFirst().orElseThrow();
		assertThat(azure.countryId().displayName()).isEqualTo("United States");
		assertThat(azure.createDate()).isNotNull();
		assertThat(azure.categoryId()).isNotEmpty();
	}

	@ParameterizedTest
	@EnumSource(CacheSerializer.class)
	void untypedRowsComeBackWithTheSameJavaTypes(CacheSerializer serializer) {
		ZenooClient first = instance(SharedRedis.url(), serializer);
		ZenooClient second = instance(SharedRedis.url(), serializer);
		List<Map<String, Object>> loaded = first.model("res.partner").fields("name", "parent_id", "customer_rank")
			.filter("id", 19).all().block();
		List<Map<String, Object>> shared = second.model("res.partner").fields("name", "parent_id", "customer_rank")
			.filter("id", 19).all().block();
		assertThat(searchReads()).isEqualTo(1);
		assertThat(shared).isEqualTo(loaded);
		assertThat(shared.get(0).get("id")).isEqualTo(19L);
		assertThat(shared.get(0).get("parent_id")).isEqualTo(List.of(10L, "Deco Addict"));
	}

	@Test
	void perQueryTtlIsTheRedisEntryTtl() {
		ZenooClient client = instance(SharedRedis.url(), CacheSerializer.JSON);
		client.model(ResPartner.class).filter("id", 13).cacheTtl(Duration.ofSeconds(90)).all().block();
		client.model(ResPartner.class).filter("id", 14).cacheTtl(Duration.ZERO).all().block();
		client.model(ResPartner.class).filter("id", 15).all().block();
		RedisCommands<String, String> commands = this.instances.redis();
		String prefix = this.instances.namespace() + ":persistent:res.partner:";
		long ninety = commands.pttl(this.instances.keys(prefix + "id=13:*").get(0));
		assertThat(ninety).isBetween(80_000L, 90_000L);
		assertThat(commands.pttl(this.instances.keys(prefix + "id=14:*").get(0))).as("no expiry").isEqualTo(-1L);
		assertThat(commands.pttl(this.instances.keys(prefix + "id=15:*").get(0))).as("the cache's default, 1h")
			.isBetween(3_500_000L, 3_600_000L);
	}

	@Test
	void redisKeysKeepTheReadableModelAndFilterPart() {
		ZenooClient client = instance(SharedRedis.url(), CacheSerializer.JSON);
		client.model(ResPartner.class).filter("is_company", true).all().block();
		client.model(ResPartner.class).filter("is_company", false).all().block();
		assertThat(this.instances.keys(this.instances.namespace() + ":persistent:res.partner:is_company=True:*")).hasSize(1);
		assertThat(this.instances.keys(this.instances.namespace() + ":persistent:res.partner:*")).hasSize(2);
	}

	@Test
	void concurrentIdenticalMissesOnARedisCacheCostOneCall() {
		ZenooClient client = instance(SharedRedis.url(), CacheSerializer.JSON);
		server.faults().latency(Duration.ofMillis(200));
		QueryBuilder<ResPartner> query = client.model(ResPartner.class).filter("is_company", true).limit(3);
		List<List<ResPartner>> results = Flux.range(0, 1000).flatMap((i) -> query.all(), 1000).collectList()
			.block(Duration.ofSeconds(30));
		assertThat(results).hasSize(1000).allSatisfy((rows) -> assertThat(rows).hasSize(3));
		assertThat(searchReads()).isEqualTo(1);
	}

	@Test
	void queriesNeverFailWhileRedisDiesAndReturns() {
		try (RedisServerProcess privateRedis = RedisServerProcess.start()) {
			ZenooClient client = instance(privateRedis.url(), CacheSerializer.JSON);
			AtomicInteger done = new AtomicInteger();
			Mono<Void> chaos = Mono.delay(Duration.ofMillis(300))
				.doOnNext((tick) -> privateRedis.kill())
				.delayElement(Duration.ofMillis(700))
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((tick) -> privateRedis.restart())
				.then();
			Flux<Integer> queries = Flux.range(0, 3000)
				.flatMap((i) -> client.model(ResPartner.class).filter("id", 9 + (i % 8)).all()
					.doOnNext((rows) -> assertThat(rows).singleElement()
						.satisfies((partner) -> assertThat(partner.id()).isEqualTo(9L + (i % 8))))
					.map((rows) -> done.incrementAndGet())
					.delayElement(Duration.ofMillis(1)), 16);
			Mono.when(chaos, queries.then()).block(Duration.ofSeconds(60));
			assertThat(done).hasValue(3000);
			assertThat(this.instances.managers().get(0).getCache("persistent").statistics().backendErrors())
				.as("the outage really happened").isPositive();
			// once the breaker has closed again, results are read from Redis without asking Odoo
			int before = searchReads();
			Flux.range(0, 50).concatMap((i) -> client.model(ResPartner.class).filter("id", 9).all()
				.delayElement(Duration.ofMillis(20))).blockLast(Duration.ofSeconds(30));
			int after = searchReads();
			assertThat(after - before).as("calls to Odoo once Redis is back").isLessThanOrEqualTo(2);
		}
	}

}
