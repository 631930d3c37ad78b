package io.zenoo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResCountry;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.AggregationPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The heap a memory cache retains per cached 80-row {@code search_read} result, against the size of that result's
 * JSON as Odoo sent it (compact, UTF-8). Goal: heap / JSON ≤ 1.5.
 * <p>
 * Each invocation empties the cache and measures the used heap after full collections, caches {@value #RESULTS}
 * distinct 80-row results (different offsets and orders of {@code res.country}, each decoded from its own response,
 * so no rows are shared between them), and measures again: the difference is what caching them retains (rows, keys,
 * the cache's nodes, anything the client keeps per cached query). The in-process test server's call log is cleared
 * before both measurements, as it is not the application's. JMH's time score (filling the cache) is incidental; the
 * figures are the secondary results {@code heap per result}, {@code JSON per result} and {@code heap / JSON}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
// soft references cleared by every collection: what a soft reference elsewhere holds must not count for or against
// the cache, depending on when it happened to be cleared
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseSerialGC", "-XX:SoftRefLRUPolicyMSPerMB=0" })
public class MemoryFootprintBenchmark {

	static final int RESULTS = 200;

	static final int ROWS = 80;

	private static final List<String> ORDERS = List.of("id", "id desc", "name", "name desc", "code", "code desc");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private OdooTestServer server;

	private ZenooCacheManager cacheManager;

	private ZenooClient client;

	private ZenooCache cache;

	private final List<QueryBuilder<ResCountry>> queries = new ArrayList<>();

	private double jsonBytesPerResult;

	@Setup(Level.Trial)
	public void setUp() {
		this.server = OdooTestServer.start();
		this.cacheManager = new ZenooCacheManager();
		this.cache = this.cacheManager
			.setupMemoryCache(new MemoryCacheSpec("footprint", 10 * RESULTS, Duration.ofHours(1), CacheStrategy.TTL));
		this.client = ZenooClient.create(ZenooClientSettings.of(this.server.url(), this.server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), this.cacheManager);
		long countries = this.client.model(ResCountry.class).noCache().count().block(BOUND);
		int offsets = (int) countries - ROWS + 1;
		if (offsets * ORDERS.size() < RESULTS) {
			throw new IllegalStateException("only " + countries + " countries: too few for " + RESULTS + " results");
		}
		JsonMapper mapper = JsonMapper.shared();
		long jsonBytes = 0;
		for (int i = 0; i < RESULTS; i++) {
			String order = ORDERS.get(i % ORDERS.size());
			int offset = i / ORDERS.size();
			this.queries.add(this.client.model(ResCountry.class)
				.fields(ClientOverheadBenchmark.FIELDS)
				.orderBy(order)
				.offset(offset)
				.limit(ROWS)
				.cache("footprint"));
			JsonNode rows = this.client.call("res.country", "search_read", List.of(), Map.of("domain", List.of(),
					"fields", ClientOverheadBenchmark.FIELDS, "order", order, "offset", offset, "limit", ROWS))
				.block(BOUND);
			if (rows == null || rows.size() != ROWS) {
				throw new IllegalStateException("expected " + ROWS + " rows for offset " + offset + ", order " + order);
			}
			jsonBytes += mapper.writeValueAsBytes(rows).length;
		}
		this.jsonBytesPerResult = (double) jsonBytes / RESULTS;
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

	/** Caches the results, then measures what they retain. */
	@Benchmark
	public long cacheResults() {
		this.cache.removeAll().block(BOUND);
		// Caffeine unlinks removed nodes in its maintenance, which runs asynchronously: run it now
		caffeine().cleanUp();
		if (caffeine().estimatedSize() != 0) {
			throw new IllegalStateException("the cache still holds " + caffeine().estimatedSize() + " entries");
		}
		this.server.calls().clear();
		long empty = settledHeapUsed();
		long misses = this.cache.statistics().misses();
		for (QueryBuilder<ResCountry> query : this.queries) {
			List<ResCountry> rows = query.all().block(BOUND);
			if (rows == null || rows.size() != ROWS) {
				throw new IllegalStateException("expected " + ROWS + " rows, got " + ((rows != null) ? rows.size() : 0));
			}
		}
		if (this.cache.statistics().misses() - misses != RESULTS || caffeine().estimatedSize() != RESULTS) {
			throw new IllegalStateException("expected " + RESULTS + " distinct cached results: " + this.cache.statistics());
		}
		// the test server's log of the calls just made is not the cache's
		this.server.calls().clear();
		caffeine().cleanUp();
		long filled = settledHeapUsed();
		double perResult = (double) (filled - empty) / RESULTS;
		// The largest figure of the iterations is reported: in some iterations the heap measured with the cache empty
		// still held about as much as the entries (the previous iteration's rows, released only as the new ones are
		// cached: held outside the cache, not found yet), which can only make the figure smaller, near 0.
		Measurements.record("heap per result", perResult, "B", AggregationPolicy.MAX);
		Measurements.record("JSON per result", this.jsonBytesPerResult, "B", AggregationPolicy.AVG);
		Measurements.record("heap / JSON", perResult / this.jsonBytesPerResult, "ratio", AggregationPolicy.MAX);
		return filled - empty;
	}

	private com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine() {
		return ((com.github.benmanes.caffeine.cache.AsyncCache<?, ?>) this.cache.getNativeCache()).synchronous();
	}

	/** Heap in use after full collections, once two in a row agree within 16 KB (at most 10 collections). */
	private long settledHeapUsed() {
		long previous = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			long used = this.memory.getHeapMemoryUsage().getUsed();
			if (Math.abs(previous - used) < 16 * 1024) {
				return used;
			}
			previous = used;
		}
		return previous;
	}

}
