package io.zenoo.annotation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.AnnotatedPartnerService;
import io.zenoo.repository.sample.PartnerRepository;
import io.zenoo.repository.sample.RepositoryTestApplication;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @OdooCached}, {@code @OdooCachePut} and {@code @OdooCacheEvict} on a Spring bean and on repository methods,
 * with the test server counting every call that reaches it.
 */
class OdooCachedTests {

	private static OdooTestServer server;

	private static ConfigurableApplicationContext context;

	private static AnnotatedPartnerService service;

	private static PartnerRepository partners;

	private static ZenooCacheManager caches;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		context = RepositoryTestApplication.start(server);
		service = context.getBean(AnnotatedPartnerService.class);
		partners = context.getBean(PartnerRepository.class);
		caches = context.getBean(ZenooCacheManager.class);
		caches.enableDetailedStats();
	}

	@AfterAll
	static void stop() {
		context.close();
		server.close();
	}

	@BeforeEach
	void fresh() {
		server.reset();
		caches.clearAllCaches().block();
		server.calls().clear();
	}

	private static int reads() {
		return server.calls().count("res.partner", "search_read") + server.calls().count("res.partner", "read")
				+ server.calls().count("res.partner", "search_count");
	}

	@Test
	void monoHitMakesNoCallAndCountsUnderCacheAndModel() {
		long hitsBefore = caches.getCache("fast").statistics().hits();
		List<ResPartner> first = service.companies().block();
		List<ResPartner> second = service.companies().block();
		assertThat(second).isEqualTo(first).isNotEmpty();
		assertThat(reads()).isEqualTo(1);
		assertThat(caches.getCache("fast").statistics().hits()).isEqualTo(hitsBefore + 1);
		DetailedStats stats = caches.getDetailedStats().block();
		assertThat(stats.toString()).contains("res.partner");
	}

	@Test
	void monoMissesShareOneCall() {
		List<List<ResPartner>> results = reactor.core.publisher.Flux.range(0, 20)
			.flatMap((i) -> service.companies().subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();
		assertThat(results).hasSize(20);
		assertThat(reads()).isEqualTo(1);
	}

	@Test
	void fluxIsCachedAsAList() {
		List<ResPartner> first = service.inCity("Turlock").collectList().block();
		List<ResPartner> second = service.inCity("Turlock").collectList().block();
		assertThat(second).isEqualTo(first).hasSize(4);
		assertThat(reads()).isEqualTo(1);
		service.inCity("Tracy").collectList().block();
		assertThat(reads()).isEqualTo(2);
	}

	@Test
	void hugeFluxStreamsThroughUncached() {
		long all = service.everyone().count().block();
		assertThat(all).isGreaterThan(5);
		assertThat(service.everyone().count().block()).isEqualTo(all);
		assertThat(reads()).isEqualTo(2);
	}

	@Test
	void plainMethodUsesTheSynchronousPath() throws Exception {
		List<ResPartner> first = CompletableFuture.supplyAsync(service::companiesNow).get();
		int calls = service.plainCalls();
		List<ResPartner> second = service.companiesNow();
		assertThat(second).isEqualTo(first);
		assertThat(service.plainCalls()).isEqualTo(calls);
		assertThat(reads()).isEqualTo(1);
	}

	@Test
	void conditionUnlessAndRefresh() {
		service.countInCity("Tracy").block();
		service.countInCity("Tracy").block();
		assertThat(reads()).isEqualTo(2);
		service.countInCity("Turlock").block();
		service.countInCity("Turlock").block();
		assertThat(reads()).isEqualTo(3);
		server.calls().clear();
		assertThat(service.named("Nobody").block()).isEmpty();
		assertThat(service.named("Nobody").block()).isEmpty();
		assertThat(reads()).isEqualTo(2);
		service.named("OpenWood").block();
		service.named("OpenWood").block();
		assertThat(reads()).isEqualTo(3);
		server.calls().clear();
		service.freshCount().block();
		service.freshCount().block();
		assertThat(reads()).isEqualTo(2);
	}

	@Test
	void keyExpressionPutAndEvict() {
		assertThat(service.partner(13).block().name()).isEqualTo("OpenWood");
		server.store().write("res.partner", 13, java.util.Map.of("name", "OpenWood Renamed"));
		assertThat(service.partner(13).block().name()).isEqualTo("OpenWood");
		assertThat(service.reloadPartner(13).block().name()).isEqualTo("OpenWood Renamed");
		assertThat(service.partner(13).block().name()).isEqualTo("OpenWood Renamed");
		int before = reads();
		service.forgetPartner(13).block();
		service.partner(13).block();
		assertThat(reads()).isEqualTo(before + 1);
	}

	@Test
	void modelAndPatternEviction() {
		service.companies().block();
		service.inCity("Turlock").collectList().block();
		partners.findById(13L).block();
		assertThat(reads()).isEqualTo(3);
		service.forgetCities();
		service.companies().block();
		service.inCity("Turlock").collectList().block();
		assertThat(reads()).isEqualTo(4);
		service.partnersChanged().block();
		service.companies().block();
		partners.findById(13L).block();
		assertThat(reads()).isEqualTo(6);
	}

	@Test
	void usersNeverShareEntries() {
		ZenooClient admin = context.getBean(ZenooClient.class);
		ZenooClient demo = admin.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
		service.countAs(admin).block();
		service.countAs(demo).block();
		service.countAs(admin).block();
		service.countAs(demo).block();
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(2);
	}

	@Test
	void repositoryMethodHitWithoutCall() {
		List<ResPartner> first = partners.findByCityIn(List.of("Turlock")).block();
		List<ResPartner> second = partners.findByCityIn(List.of("Turlock")).block();
		assertThat(second).isEqualTo(first).hasSize(4);
		assertThat(reads()).isEqualTo(1);
		// one entry, the annotation's: the query inside skipped the cache
		assertThat(caches.getCache("fast").statistics().misses()).isPositive();
		List<ResPartner> children = partners.findByParentIdId(9L).collectList().block();
		assertThat(partners.findByParentIdId(9L).collectList().block()).isEqualTo(children).hasSize(3);
		assertThat(reads()).isEqualTo(2);
	}

	@Test
	void repositoryWritesDropAnnotatedEntries() {
		assertThat(partners.findByCityIn(List.of("Stockton")).block()).hasSize(2);
		ResPartner lumber = partners.findById(16L).block();
		partners.save(io.zenoo.repository.sample.Partners.copy(lumber, 16, "Lumber Inc")).block();
		server.calls().clear();
		partners.findByCityIn(List.of("Stockton")).block();
		assertThat(reads()).isEqualTo(1);
		server.calls().clear();
		partners.deleteByEmail("lumber-inv92@example.com").block();
		assertThat(partners.findByCityIn(List.of("Stockton")).block()).hasSize(1);
		assertThat(Optional.ofNullable(partners.findById(16L).block())).isEmpty();
	}

	@Test
	void annotationsOffMeansPlainCalls() {
		try (ConfigurableApplicationContext off = RepositoryTestApplication.start(server,
				"zenoo.cache.annotations.enabled=false")) {
			AnnotatedPartnerService plain = off.getBean(AnnotatedPartnerService.class);
			plain.companies().block();
			plain.companies().block();
			assertThat(reads()).isEqualTo(2);
		}
	}

	@Test
	void nothingSubscribedNothingCalled() {
		Mono<List<ResPartner>> companies = service.companies();
		assertThat(reads()).isZero();
		companies.block();
		assertThat(reads()).isEqualTo(1);
	}

}
