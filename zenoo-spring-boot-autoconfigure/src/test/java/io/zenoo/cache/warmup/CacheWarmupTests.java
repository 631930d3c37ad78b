package io.zenoo.cache.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.OdooCallObserver;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.transport.OdooCall;
import io.zenoo.client.transport.OdooTransports;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CacheWarmup} on its own: every task runs, at most {@code parallelism} at a time, a failing task never stops
 * the others, and the report lists each task in order with its rows, time and error.
 */
@ExtendWith(OutputCaptureExtension.class)
class CacheWarmupTests {

	private static OdooTestServer server;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private ZenooCacheManager caches;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(MemoryCacheSpec.of("memory"));
		ZenooClientSettings settings = ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD));
		this.client = new ZenooClient(OdooTransports.create(settings), settings.protocol(), this.caches,
				new InFlightCounter());
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.caches.destroy();
	}

	@Test
	void everyTaskRunsAndTheReportKeepsTheirOrder() {
		CacheWarmup warmup = new CacheWarmup(this.client, List.of(
				new WarmUpTask("companies", CacheWarmupTests::companies),
				new WarmUpTask("countries", (c) -> c.model(ResCountry.class).all()),
				new WarmUpTask("nothing", (c) -> Mono.empty()),
				new WarmUpTask("a count", (c) -> c.model("res.partner").count())), 2);
		assertThat(warmup.lastReport()).isNull();
		WarmUpReport report = warmup.run().block();
		assertThat(report.tasks()).isEqualTo(4);
		assertThat(report.succeeded()).isEqualTo(4);
		assertThat(report.failed()).isZero();
		assertThat(report.results()).extracting(WarmUpResult::name)
			.containsExactly("companies", "countries", "nothing", "a count");
		int companies = this.client.model("res.partner").filter("is_company", true).noCache().count().block()
			.intValue();
		assertThat(report.results().get(0).rows()).isEqualTo(companies).isPositive();
		assertThat(report.results().get(1).rows()).isPositive();
		assertThat(report.results().get(2).rows()).as("no collection, no row count").isNull();
		assertThat(report.results().get(3).rows()).isNull();
		assertThat(report.results()).allSatisfy((result) -> {
			assertThat(result.succeeded()).isTrue();
			assertThat(result.error()).isNull();
			assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(report.duration());
		});
		assertThat(warmup.lastReport()).isEqualTo(report);
		int searchReads = server.calls().count("res.partner", "search_read");
		this.client.model("res.partner").filter("is_company", true).fields("name").all().block();
		assertThat(server.calls().count("res.partner", "search_read")).as("warmed: served from the cache")
			.isEqualTo(searchReads);
	}

	@Test
	void aFailingTaskNeverStopsTheOthers(CapturedOutput output) {
		List<WarmUpTask> tasks = List.of(
				new WarmUpTask("unknown model", (c) -> c.model("x.nope").fields("name").all()),
				new WarmUpTask("throws", (c) -> {
					throw new IllegalStateException("broken warmer");
				}),
				new WarmUpTask("returns null", (c) -> null),
				new WarmUpTask("companies", CacheWarmupTests::companies));
		WarmUpReport report = new CacheWarmup(this.client, tasks, 1).run().block();
		assertThat(report.failed()).isEqualTo(3);
		assertThat(report.succeeded()).isEqualTo(1);
		assertThat(report.results().get(0).error()).startsWith("OdooUnknownModelException").contains("x.nope");
		assertThat(report.results().get(1).error()).isEqualTo("IllegalStateException: broken warmer");
		assertThat(report.results().get(2).error()).contains("returned null");
		assertThat(report.results().get(3).succeeded()).isTrue();
		assertThat(report.results().get(3).rows()).isPositive();
		assertThat(output.getOut()).contains("Cache warm-up 'unknown model' failed after")
			.contains("Cache warm-up 'companies': " + report.results().get(3).rows() + " rows in")
			.contains("Cache warm-up: 4/4 done in").contains("3 failed")
			.doesNotContain(OdooTestUsers.ADMIN_PASSWORD + "@");
	}

	@Test
	void noMoreThanParallelismTasksRunAtOnce() {
		List<Sinks.One<String>> gates = new ArrayList<>();
		List<WarmUpTask> tasks = new ArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		for (int i = 0; i < 8; i++) {
			Sinks.One<String> gate = Sinks.one();
			gates.add(gate);
			tasks.add(new WarmUpTask("task " + i, (c) -> counted(gate.asMono(), running, mostRunning)));
		}
		CacheWarmup warmup = new CacheWarmup(this.client, tasks, 3);
		StepVerifier.create(warmup.run())
			.then(() -> assertThat(running.get()).isEqualTo(3))
			.then(() -> gates.get(0).tryEmitValue("done"))
			.then(() -> assertThat(running.get()).as("one finished, the next started").isEqualTo(3))
			.then(() -> gates.get(2).tryEmitError(new IllegalStateException("failed")))
			.then(() -> gates.forEach((gate) -> gate.tryEmitValue("done")))
			.assertNext((report) -> {
				assertThat(report.tasks()).isEqualTo(8);
				assertThat(report.failed()).isEqualTo(1);
				assertThat(report.results().get(2).error()).contains("failed");
			})
			.verifyComplete();
		assertThat(mostRunning.get()).isEqualTo(3);
	}

	@Test
	void parallelismBoundsTheCallsToOdoo() {
		server.faults().latency(Duration.ofMillis(150));
		List<WarmUpTask> tasks = new ArrayList<>();
		for (long id = 1; id <= 6; id++) {
			long partner = id;
			tasks.add(new WarmUpTask("partner " + id,
					(c) -> c.model("res.partner").filter("id", partner).fields("name").all()));
		}
		this.client.uid().block(); // authenticate first, so every counted call is a warm-up query
		WarmUpReport report = new CacheWarmup(this.client, tasks, 2).run().block();
		assertThat(report.succeeded()).isEqualTo(6);
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(6);
		assertThat(this.maxInFlight.get()).isEqualTo(2);
	}

	@Test
	void longWarmUpsLogTheirProgress(CapturedOutput output) {
		List<WarmUpTask> tasks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			tasks.add(new WarmUpTask("task " + i, (c) -> Mono.just(List.of(1, 2))));
		}
		WarmUpReport report = new CacheWarmup(this.client, tasks, 4).run().block();
		assertThat(report.succeeded()).isEqualTo(20);
		assertThat(output.getOut()).contains("Cache warm-up: 2/20 done").contains("Cache warm-up: 10/20 done")
			.contains("Cache warm-up: 18/20 done").contains("Cache warm-up: 20/20 done in")
			.doesNotContain("Cache warm-up: 3/20 done").contains("Cache warm-up 'task 7': 2 rows in");
	}

	@Test
	void badArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CacheWarmup(this.client, List.of(), 0))
			.withMessageContaining("parallelism");
		assertThatIllegalArgumentException().isThrownBy(() -> new WarmUpTask(" ", (c) -> Mono.empty()))
			.withMessageContaining("blank");
		WarmUpReport empty = new CacheWarmup(this.client, List.of(), 1).run().block();
		assertThat(empty.tasks()).isZero();
		assertThat(empty.results()).isEmpty();
	}

	@Test
	void failFastMessageNamesTheFailedTasks() {
		WarmUpReport report = WarmUpReport.of(List.of(new WarmUpResult("ok", 3, Duration.ofMillis(5), null),
				new WarmUpResult("bad", null, Duration.ofMillis(7), "OdooUnknownModelException: x.nope")),
				Duration.ofMillis(9));
		CacheWarmupException ex = new CacheWarmupException(report);
		assertThat(ex.getMessage()).isEqualTo(
				"Cache warm-up failed: 1 of 2 tasks failed: 'bad' (OdooUnknownModelException: x.nope)");
		assertThat(ex.getReport()).isSameAs(report);
		assertThat(report.succeeded()).isEqualTo(1);
		assertThat(report.failed()).isEqualTo(1);
	}

	private static Mono<?> companies(ZenooClient client) {
		return client.model("res.partner").filter("is_company", true).fields("name").all();
	}

	/**
	 * Counts a Mono as running from its subscription to its first signal (its value, or its end or error when it has
	 * none): the value already starts the next task, before the Mono's completion reaches anyone.
	 */
	private static <T> Mono<T> counted(Mono<T> mono, AtomicInteger running, AtomicInteger mostRunning) {
		return Mono.defer(() -> {
			AtomicBoolean counted = new AtomicBoolean();
			Runnable finished = () -> {
				if (counted.compareAndSet(false, true)) {
					running.decrementAndGet();
				}
			};
			return mono.doOnSubscribe((s) -> mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max))
				.doOnSuccess((value) -> finished.run())
				.doOnError((ex) -> finished.run())
				.doOnCancel(finished);
		});
	}

	/** Counts the calls to Odoo in flight, and the most at once. */
	private final class InFlightCounter implements OdooCallObserver {

		@Override
		public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
			return counted(rpc, CacheWarmupTests.this.inFlight, CacheWarmupTests.this.maxInFlight);
		}

	}

}
