package io.zenoo.annotation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.zenoo.cache.CacheType;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.AnnotatedPartnerService;
import io.zenoo.repository.sample.RepositoryTestApplication;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @OdooCached} on a Redis cache shared by two application instances: what one instance cached is served to
 * the other as typed records (the caller's return type decides how the JSON is read), for {@code Mono}, {@code Flux}
 * and plain methods; a write through one instance's client retires the annotated entries of the model in both.
 */
class OdooCachedRedisTests {

	private static OdooTestServer server;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		String namespace = "annotations-" + UUID.randomUUID();
		String[] redis = { "zenoo.cache.caches.fast.type=redis", "zenoo.cache.caches.fast.url=" + SharedRedis.url(),
				"zenoo.cache.caches.fast.namespace=" + namespace };
		first = RepositoryTestApplication.start(server, redis);
		second = RepositoryTestApplication.start(server, redis);
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
		server.close();
	}

	@BeforeEach
	void fresh() {
		server.reset();
		first.getBean(ZenooCacheManager.class).clearAllCaches().block();
		server.calls().clear();
	}

	private static AnnotatedPartnerService service(ConfigurableApplicationContext context) {
		return context.getBean(AnnotatedPartnerService.class);
	}

	private static int reads() {
		return server.calls().count("res.partner", "search_read") + server.calls().count("res.partner", "read");
	}

	@Test
	void theFastCacheIsTheSharedRedis() {
		assertThat(first.getBean(ZenooCacheManager.class).getCache("fast").type()).isEqualTo(CacheType.REDIS);
	}

	@Test
	void monoCachedByOneInstanceIsServedTypedToTheOther() {
		List<ResPartner> cached = service(first).companies().block();
		List<ResPartner> served = service(second).companies().block();
		assertThat(cached).isNotEmpty();
		assertThat(served).isEqualTo(cached);
		assertThat(served.get(0)).isInstanceOf(ResPartner.class);
		assertThat(reads()).isEqualTo(1);
	}

	@Test
	void fluxCachedAsAListIsServedElementByElement() {
		List<ResPartner> cached = service(first).inCity("Turlock").collectList().block();
		List<ResPartner> served = service(second).inCity("Turlock").collectList().block();
		assertThat(served).isEqualTo(cached).hasSize(4);
		assertThat(reads()).isEqualTo(1);
	}

	@Test
	void plainMethodReadsRedisOffTheReactorThreads() throws Exception {
		List<ResPartner> cached = CompletableFuture.supplyAsync(service(first)::companiesNow).get();
		List<ResPartner> served = CompletableFuture.supplyAsync(service(second)::companiesNow).get();
		assertThat(served).isEqualTo(cached).isNotEmpty();
		assertThat(reads()).isEqualTo(1);
	}

	@Test
	void aWriteThroughOneInstanceRetiresTheModelsAnnotatedEntriesInBoth() {
		service(first).companies().block();
		assertThat(service(second).companies().block()).isNotEmpty();
		assertThat(reads()).isEqualTo(1);
		ResPartner company = service(first).companies().block().get(0);
		first.getBean(ZenooClient.class).model(ResPartner.class).update(company.id(), Map.of("city", "Renamed City"))
			.block();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> service(second).companies()
				.block()
				.stream()
				.anyMatch((partner) -> partner.id() == company.id() && "Renamed City".equals(partner.city())));
		assertThat(service(first).companies().block()).anyMatch((partner) -> "Renamed City".equals(partner.city()));
	}

}
