package io.zenoo.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.AggregationPolicy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 1,000 callers asking for the same uncached query at once, against the in-process Odoo test server answering after
 * a fixed latency (so the callers overlap): exactly one {@code search_read} must reach the server (counted by its
 * call recorder; any other count fails the run), and the callers must not wait much longer than one call takes.
 * <p>
 * Each invocation starts from a new generation of {@code res.partner} (what a write does), so every caller misses.
 * JMH times the whole burst ({@code SingleShotTime}); each caller's own wait, from its subscription to its result, is
 * timed here with {@link System#nanoTime()} and the burst's p99 is reported as the secondary result
 * {@code p99 wait} (ms). {@link #singleMiss()} is one caller's miss in the same run: one RPC as a caller sees it.
 * Goal: p99 wait / single miss ≤ 1.2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class ConcurrentMissBenchmark {

	static final int CALLERS = 1000;

	private static final String MODEL = "res.partner";

	private static final Duration BOUND = Duration.ofSeconds(30);

	/** The test server's latency per response, in milliseconds. */
	@Param("50")
	public int latencyMillis;

	private OdooTestServer server;

	private ZenooCacheManager cacheManager;

	private ZenooClient client;

	private int searchesBefore;

	@Setup(Level.Trial)
	public void setUp() {
		this.server = OdooTestServer.start();
		this.cacheManager = new ZenooCacheManager();
		this.cacheManager.setupMemoryCache(new MemoryCacheSpec("misses", 10_000, Duration.ofHours(1), CacheStrategy.TTL));
		this.client = ZenooClient.create(ZenooClientSettings.of(this.server.url(), this.server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), this.cacheManager);
		// log in before the latency is on, so every timed call is one search_read
		this.client.uid().block(BOUND);
		this.server.faults().latency(Duration.ofMillis(this.latencyMillis));
	}

	/** A new generation of the model: the next read of the query misses. */
	@Setup(Level.Invocation)
	public void newGeneration() {
		this.cacheManager.invalidateModelCache(MODEL).block(BOUND);
		this.searchesBefore = this.server.calls().count(MODEL, "search_read");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		try {
			this.client.close();
			this.cacheManager.destroy();
		}
		finally {
			this.server.close();
		}
	}

	/** One caller's miss: one RPC, as a caller sees it. */
	@Benchmark
	public List<ResPartner> singleMiss() {
		List<ResPartner> rows = query().all().block(BOUND);
		requireOneRpc("1 miss");
		return rows;
	}

	/** 1,000 callers missing the same query at once; reports their p99 and maximum wait. */
	@Benchmark
	public int thousandIdenticalMisses() {
		long[] waits = new long[CALLERS];
		List<List<ResPartner>> results = Flux.range(0, CALLERS)
			.flatMap((caller) -> Mono.defer(() -> {
				long start = System.nanoTime();
				return query().all().doOnNext((rows) -> waits[caller] = System.nanoTime() - start);
			}), CALLERS)
			.collectList()
			.block(BOUND);
		int rpcs = requireOneRpc(CALLERS + " identical concurrent misses");
		if (results == null || results.size() != CALLERS || results.stream().distinct().count() != 1
				|| results.get(0).isEmpty()) {
			throw new IllegalStateException("the " + CALLERS + " callers did not all get the same non-empty rows");
		}
		Arrays.sort(waits);
		Measurements.record("p99 wait", waits[(int) Math.ceil(CALLERS * 0.99) - 1] / 1e6, "ms", AggregationPolicy.AVG);
		Measurements.record("max wait", waits[CALLERS - 1] / 1e6, "ms", AggregationPolicy.MAX);
		Measurements.record("rpcs", rpcs, "calls", AggregationPolicy.MAX);
		return results.size();
	}

	private QueryBuilder<ResPartner> query() {
		return this.client.model(ResPartner.class).filter(Domain.field("is_company").eq(true)).cache("misses");
	}

	private int requireOneRpc(String what) {
		int rpcs = this.server.calls().count(MODEL, "search_read") - this.searchesBefore;
		if (rpcs != 1) {
			throw new IllegalStateException(what + " made " + rpcs + " search_read calls to Odoo; expected exactly 1");
		}
		return rpcs;
	}

}
