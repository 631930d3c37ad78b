package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResCurrency;
import io.zenoo.client.model.SaleOrder;
import io.zenoo.client.transport.OdooTransports;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code get(id)} batching against the test server's call log. The batch windows run on a virtual-time scheduler, so
 * a test decides when a window has passed instead of racing a real 1 ms timer.
 */
class GetBatchingTests {

	private static final Duration WINDOW = BatchSettings.DEFAULT_WINDOW;

	private static OdooTestServer server;

	private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

	private final List<ZenooClient> clients = new ArrayList<>();

	private ZenooCacheManager caches;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("memory", 10_000, Duration.ofMinutes(5), CacheStrategy.TTL));
	}

	@AfterEach
	void tearDown() {
		server.faults().clear();
		this.clients.forEach(ZenooClient::close);
		this.caches.destroy();
		this.timer.dispose();
	}

	/** An admin client whose batch windows pass when the test advances {@link #timer}. */
	private ZenooClient client(@Nullable ZenooCacheManager cacheManager, BatchSettings batching) {
		ZenooClientSettings settings = TestClients.adminSettings(server);
		ZenooClient client = new ZenooClient(OdooTransports.create(settings), settings.protocol(), cacheManager,
				OdooCallObserver.NONE, batching, MetadataCaching.defaults(), this.timer);
		this.clients.add(client);
		return client;
	}

	private static List<OdooTestServer.RecordedCall> reads(String model) {
		return server.calls().all().stream().filter((call) -> call.model().equals(model))
			.filter((call) -> call.method().equals("read")).toList();
	}

	private static List<Long> ids(OdooTestServer.RecordedCall call) {
		return ((List<?>) call.kwargs().get("ids")).stream().map((id) -> ((Number) id).longValue()).toList();
	}

	private static String countryName(long id) {
		return (String) server.store().read("res.country", id).get("name");
	}

	/** What one caller got: its value, empty, or its error. */
	private static <T> Mono<Object> outcome(Mono<T> get) {
		return get.<Object>map((value) -> value).defaultIfEmpty(Optional.empty()).onErrorResume(Mono::just);
	}

	private static <T> T await(CompletableFuture<T> future) throws Exception {
		return future.get(30, TimeUnit.SECONDS);
	}

	@Test
	void hundredConcurrentGetsOfDifferentIdsCostOneRead() {
		ZenooClient client = client(this.caches, BatchSettings.DEFAULT);
		List<Long> ids = LongStream.rangeClosed(1, 100).boxed().toList();
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);

		// the 100th miss fills the batch (default size 100), which is then sent without waiting for the window
		List<ResCountry> found = Flux.fromIterable(ids).flatMapSequential(countries::get, ids.size()).collectList()
			.block(Duration.ofSeconds(30));

		assertThat(reads("res.country")).singleElement()
			.satisfies((call) -> assertThat(ids(call)).containsExactlyInAnyOrderElementsOf(ids));
		assertThat(found).extracting(ResCountry::id).containsExactlyElementsOf(ids);
		assertThat(found).allSatisfy((country) -> assertThat(country.name()).isEqualTo(countryName(country.id())));
	}

	@Test
	void aPartialBatchIsSentWhenItsWindowHasPassed() throws Exception {
		ZenooClient client = client(this.caches, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		CompletableFuture<List<ResCountry>> found = Flux.range(1, 30)
			.flatMapSequential((id) -> countries.get(id), 30)
			.collectList()
			.toFuture();
		assertThat(client.batcher().openBatches()).as("waiting for the window").isOne();
		assertThat(found).isNotDone();

		this.timer.advanceTimeBy(WINDOW);

		assertThat(await(found)).extracting(ResCountry::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 30)
			.boxed().toList());
		assertThat(reads("res.country")).singleElement().satisfies((call) -> assertThat(ids(call)).hasSize(30));
		assertThat(client.batcher().openBatches()).isZero();
	}

	@Test
	void fullBatchesAreSentAtOnceAndTheRestWaitsForTheWindow() throws Exception {
		ZenooClient client = client(this.caches, new BatchSettings(WINDOW, 100));
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		CompletableFuture<List<ResCountry>> found = Flux.range(1, 250)
			.flatMapSequential((id) -> countries.get(id), 250)
			.collectList()
			.toFuture();
		assertThat(client.batcher().openBatches()).as("the last 50 ids wait").isOne();

		this.timer.advanceTimeBy(WINDOW);

		assertThat(await(found)).hasSize(250);
		assertThat(reads("res.country")).extracting((call) -> ids(call).size())
			.containsExactlyInAnyOrder(100, 100, 50);
	}

	@Test
	void aSecondBurstIsServedFromTheCacheWithoutWaitingForAnyWindow() throws Exception {
		ZenooClient client = client(this.caches, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		Flux.range(1, 100).flatMapSequential((id) -> countries.get(id), 100).collectList()
			.block(Duration.ofSeconds(30));
		server.calls().clear();

		CompletableFuture<List<ResCountry>> again = Flux.range(1, 100)
			.flatMapSequential((id) -> countries.get(id), 100)
			.collectList()
			.toFuture();

		assertThat(again).as("hits complete without the window passing").isDone();
		assertThat(await(again)).extracting(ResCountry::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 100)
			.boxed().toList());
		assertThat(client.batcher().openBatches()).isZero();
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void batchedRecordsAreCachedUnderTheKeyOfALoneGet() {
		ZenooClient batching = client(this.caches, BatchSettings.DEFAULT);
		Flux.range(1, 100).flatMap((id) -> batching.model(ResCountry.class).get(id), 100).then()
			.block(Duration.ofSeconds(30));
		ZenooClient unbatched = client(this.caches, BatchSettings.OFF);

		ResCountry belgium = unbatched.model(ResCountry.class).get(20).block(Duration.ofSeconds(10));
		List<ResCountry> viaGetAll = unbatched.model(ResCountry.class).getAll(List.of(21L))
			.block(Duration.ofSeconds(10));

		assertThat(belgium.name()).isEqualTo("Belgium");
		assertThat(viaGetAll).extracting(ResCountry::id).containsExactly(21L);
		assertThat(reads("res.country")).hasSize(1);
	}

	@Test
	void differentFieldsRowTypesContextsUsersAndModelsAreNotMerged() throws Exception {
		ZenooClient admin = client(this.caches, BatchSettings.DEFAULT);
		ZenooClient demo = admin.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
		this.clients.add(demo);
		List<String> countryFields = RecordMapper.of(ResCountry.class).fieldNames();
		List<Mono<Object>> gets = List.of(outcome(admin.model(ResCountry.class).get(1)),
				outcome(admin.model(ResCountry.class).get(2)),
				outcome(admin.model("res.country").fields("name", "code").get(3)),
				outcome(admin.model(ResCountry.class).context("active_test", false).get(4)),
				outcome(demo.model(ResCountry.class).get(5)),
				outcome(admin.model("res.country").fields(countryFields).get(6)),
				outcome(admin.model(ResCurrency.class).get(1)));
		CompletableFuture<List<Object>> outcomes = Flux.mergeSequential(gets).collectList().toFuture();
		assertThat(admin.batcher().openBatches()).isEqualTo(5);
		assertThat(demo.batcher().openBatches()).isOne();

		this.timer.advanceTimeBy(WINDOW);

		List<Object> results = await(outcomes);
		assertThat(results).doesNotHaveAnyElementsOfTypes(Throwable.class, Optional.class);
		assertThat(((ResCountry) results.get(3)).id()).isEqualTo(4L);
		assertThat(results.get(2)).isInstanceOfSatisfying(Map.class,
				(row) -> assertThat(row).containsEntry("id", 3L).containsKeys("name", "code"));
		assertThat(results.get(5)).isInstanceOfSatisfying(Map.class, (row) -> assertThat(row).containsEntry("id", 6L));
		List<OdooTestServer.RecordedCall> countryReads = reads("res.country");
		assertThat(countryReads).hasSize(5);
		assertThat(countryReads).filteredOn((call) -> ids(call).equals(List.of(1L, 2L))).singleElement()
			.satisfies((call) -> assertThat(call.uid()).isEqualTo(OdooTestUsers.ADMIN_UID));
		assertThat(countryReads).filteredOn((call) -> ids(call).equals(List.of(3L))).singleElement()
			.satisfies((call) -> assertThat(call.kwargs().get("fields")).isEqualTo(List.of("name", "code")));
		assertThat(countryReads).filteredOn((call) -> ids(call).equals(List.of(4L))).singleElement()
			.satisfies((call) -> assertThat(call.context()).containsEntry("active_test", false));
		assertThat(countryReads).filteredOn((call) -> ids(call).equals(List.of(5L))).singleElement()
			.satisfies((call) -> assertThat(call.uid()).isEqualTo(OdooTestUsers.DEMO_UID));
		assertThat(countryReads).filteredOn((call) -> ids(call).equals(List.of(6L))).hasSize(1);
		assertThat(reads("res.currency")).singleElement()
			.satisfies((call) -> assertThat(ids(call)).containsExactly(1L));
	}

	@Test
	void idsOdooDoesNotReturnAreEmptyForTheirCallerOnly() throws Exception {
		ZenooClient client = client(this.caches, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		CompletableFuture<List<Object>> outcomes = Flux
			.mergeSequential(outcome(countries.get(1)), outcome(countries.get(999_999)), outcome(countries.get(2)))
			.collectList()
			.toFuture();

		this.timer.advanceTimeBy(WINDOW);

		List<Object> results = await(outcomes);
		assertThat(results.get(0)).isInstanceOfSatisfying(ResCountry.class, (c) -> assertThat(c.id()).isEqualTo(1L));
		assertThat(results.get(1)).isEqualTo(Optional.empty());
		assertThat(results.get(2)).isInstanceOfSatisfying(ResCountry.class, (c) -> assertThat(c.id()).isEqualTo(2L));
		assertThat(reads("res.country")).singleElement()
			.satisfies((call) -> assertThat(ids(call)).containsExactly(1L, 999_999L, 2L));
		// as a lone get(id) does, the answer "no such record" is cached too
		assertThat(countries.get(999_999).blockOptional(Duration.ofSeconds(10))).isEmpty();
		assertThat(reads("res.country")).hasSize(1);
	}

	@Test
	void anErrorOfTheBatchedReadReachesEveryCallerAndIsNotCached() throws Exception {
		ZenooClient client = client(this.caches, BatchSettings.DEFAULT);
		QueryBuilder<Map<String, Object>> broken = client.model("res.country").fields("name", "no_such_field");
		CompletableFuture<List<Object>> outcomes = Flux.range(1, 3)
			.flatMapSequential((id) -> outcome(broken.get(id)))
			.collectList()
			.toFuture();

		this.timer.advanceTimeBy(WINDOW);

		List<Object> results = await(outcomes);
		assertThat(results).hasSize(3)
			.allSatisfy((result) -> assertThat(result).isInstanceOfSatisfying(OdooServerException.class,
					(ex) -> assertThat(ex.getMessage()).contains("no_such_field")));
		assertThat(reads("res.country")).hasSize(1);

		CompletableFuture<Object> retried = outcome(broken.get(1)).toFuture();
		this.timer.advanceTimeBy(WINDOW);
		assertThat(await(retried)).isInstanceOf(OdooServerException.class);
		assertThat(reads("res.country")).as("errors are not cached").hasSize(2);
	}

	@Test
	void anAccessErrorFailsOnlyTheCallersOfTheHiddenRecords() throws Exception {
		ZenooClient admin = client(this.caches, BatchSettings.DEFAULT);
		ZenooClient salesOwn = admin.withCredentials(OdooTestUsers.SALES_OWN_LOGIN, OdooTestUsers.SALES_OWN_PASSWORD);
		this.clients.add(salesOwn);
		QueryBuilder<SaleOrder> orders = salesOwn.model(SaleOrder.class);
		// orders 1 to 3 are his; order 4 is the administrator's, hidden from him by a record rule
		CompletableFuture<List<Object>> outcomes = Flux
			.mergeSequential(outcome(orders.get(1)), outcome(orders.get(4)), outcome(orders.get(2)))
			.collectList()
			.toFuture();

		this.timer.advanceTimeBy(WINDOW);

		List<Object> results = await(outcomes);
		assertThat(results.get(0)).isInstanceOfSatisfying(SaleOrder.class, (o) -> assertThat(o.id()).isEqualTo(1L));
		assertThat(results.get(1)).isInstanceOf(OdooAccessException.class);
		assertThat(results.get(2)).isInstanceOfSatisfying(SaleOrder.class, (o) -> assertThat(o.id()).isEqualTo(2L));
		List<OdooTestServer.RecordedCall> orderReads = reads("sale.order");
		assertThat(orderReads).extracting(GetBatchingTests::ids)
			.containsExactlyInAnyOrder(List.of(1L, 4L, 2L), List.of(1L), List.of(4L), List.of(2L));
		assertThat(ids(orderReads.get(0))).as("the batch first").hasSize(3);
	}

	@Test
	void aCallerThatCancelsBeforeTheReadIsLeftOutOfIt() throws Exception {
		ZenooClient client = client(null, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		Disposable cancelled = countries.get(1).subscribe();
		CompletableFuture<ResCountry> kept = countries.get(2).toFuture();

		cancelled.dispose();
		this.timer.advanceTimeBy(WINDOW);

		assertThat(await(kept).id()).isEqualTo(2L);
		assertThat(reads("res.country")).singleElement().satisfies((call) -> assertThat(ids(call)).containsExactly(2L));
	}

	@Test
	void aCallerThatCancelsDuringTheReadDoesNotCancelItForTheOthers() throws Exception {
		ZenooClient client = client(null, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		client.uid().block(Duration.ofSeconds(10));
		server.faults().latency(Duration.ofMillis(300));
		List<ResCountry> seenByCancelled = new ArrayList<>();
		Disposable cancelled = countries.get(1).subscribe(seenByCancelled::add);
		CompletableFuture<ResCountry> kept = countries.get(2).toFuture();

		this.timer.advanceTimeBy(WINDOW);
		cancelled.dispose();

		assertThat(await(kept).id()).isEqualTo(2L);
		assertThat(seenByCancelled).isEmpty();
		assertThat(reads("res.country")).singleElement()
			.satisfies((call) -> assertThat(ids(call)).containsExactly(1L, 2L));
	}

	@Test
	void batchingWorksWithoutACache() throws Exception {
		ZenooClient client = client(null, BatchSettings.DEFAULT);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);
		for (int burst = 1; burst <= 2; burst++) {
			CompletableFuture<List<ResCountry>> found = Flux.range(1, 20)
				.flatMapSequential((id) -> countries.get(id), 20)
				.collectList()
				.toFuture();
			this.timer.advanceTimeBy(WINDOW);
			assertThat(await(found)).extracting(ResCountry::id)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
			assertThat(reads("res.country")).as("one read per burst, nothing cached").hasSize(burst);
		}
	}

	@Test
	void aZeroWindowTurnsBatchingOff() {
		ZenooClient client = client(this.caches, BatchSettings.OFF);
		QueryBuilder<ResCountry> countries = client.model(ResCountry.class);

		List<ResCountry> found = Flux.range(1, 10).flatMapSequential((id) -> countries.get(id), 10).collectList()
			.block(Duration.ofSeconds(30));

		assertThat(client.batcher()).isNull();
		assertThat(found).hasSize(10);
		assertThat(reads("res.country")).hasSize(10).allSatisfy((call) -> assertThat(ids(call)).hasSize(1));
	}

	@Test
	void theDefaultSchedulerClosesTheWindow() {
		ZenooClientSettings settings = TestClients.adminSettings(server)
			.withBatching(new BatchSettings(Duration.ofMillis(20), 100));
		try (ZenooClient client = ZenooClient.create(settings, this.caches)) {
			assertThat(client.batching()).isEqualTo(settings.batching());

			ResCountry belgium = client.model(ResCountry.class).get(20).block(Duration.ofSeconds(10));

			assertThat(belgium.name()).isEqualTo("Belgium");
			assertThat(reads("res.country")).hasSize(1);
		}
	}

}
