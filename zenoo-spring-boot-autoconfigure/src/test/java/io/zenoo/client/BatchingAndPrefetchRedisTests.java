package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import io.zenoo.cache.CacheSerializer;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched and prefetched records in a Redis cache are stored under the keys a lone {@code get(id)} of any instance
 * sharing that Redis looks up.
 */
class BatchingAndPrefetchRedisTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static OdooTestServer server;

	private final RedisInstances instances = new RedisInstances("zenoo_batch_");

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	/** One application instance: its own cache manager on the shared Redis namespace, and its own batching. */
	private ZenooClient instance(BatchSettings batching) {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupRedisCache(this.instances.redisSpec("redis")
			.serializer(CacheSerializer.JSON)
			.defaultTtl(Duration.ofMinutes(10))
			.build());
		return this.instances.add(manager,
				ZenooClient.create(TestClients.adminSettings(server).withBatching(batching), manager));
	}

	@Test
	void concurrentMissesOnRedisCostOneReadAndServeAnotherInstance() {
		// Redis answers the 40 lookups at different times: a batch that fills at 40 ids does not depend on timing
		ZenooClient first = instance(new BatchSettings(Duration.ofSeconds(10), 40));
		ZenooClient second = instance(BatchSettings.DEFAULT);
		List<Long> ids = LongStream.rangeClosed(1, 40).boxed().toList();

		List<ResCountry> loaded = Flux.fromIterable(ids).flatMapSequential(first.model(ResCountry.class)::get, 40)
			.collectList().block(TIMEOUT);
		List<ResCountry> shared = Flux.fromIterable(ids).flatMapSequential(second.model(ResCountry.class)::get, 40)
			.collectList().block(TIMEOUT);

		assertThat(server.calls().count("res.country", "read")).isOne();
		assertThat(shared).isEqualTo(loaded).extracting(ResCountry::id).containsExactlyElementsOf(ids);
		assertThat(this.instances.keys(this.instances.namespace() + ":redis:res.country:*")).hasSize(40);
	}

	@Test
	void prefetchedRecordsServeAnotherInstance() {
		ZenooClient first = instance(BatchSettings.DEFAULT);
		ZenooClient second = instance(BatchSettings.DEFAULT);
		first.model(ResPartner.class).filter("id__in", List.of(9L, 13L)).prefetch("country_id").all().block(TIMEOUT);
		server.calls().clear();

		ResCountry unitedStates = second.model(ResCountry.class).get(233).block(TIMEOUT);
		ResCountry belgium = second.model(ResCountry.class).get(20).block(TIMEOUT);

		assertThat(unitedStates.code()).isEqualTo("US");
		assertThat(belgium.code()).isEqualTo("BE");
		assertThat(server.calls().total()).isZero();
	}

}
