package io.zenoo.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.MemoryStorage;
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

/**
 * What the first hit of a compact memory-cache entry costs: decoding an 80-row {@code res.country} result (the rows of
 * {@link MemoryFootprintBenchmark}). Two queries are hit in turn, on a cache keeping one entry decoded
 * ({@code coldPair}: each hit decodes, the other's decoded form being dropped) and on one keeping both
 * ({@code hotPair}: no decode). (coldPair - hotPair) / 2 is the decode time of one entry. Not a goal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class CompactDecodeBenchmark {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private OdooTestServer server;

	private ZenooCacheManager cacheManager;

	private ZenooClient client;

	private ZenooCache cold;

	private List<QueryBuilder<ResCountry>> coldQueries;

	private List<QueryBuilder<ResCountry>> hotQueries;

	@Setup(Level.Trial)
	public void setUp() {
		this.server = OdooTestServer.start();
		this.cacheManager = new ZenooCacheManager();
		MemoryCacheSpec spec = new MemoryCacheSpec("cold", 10, Duration.ofHours(1), CacheStrategy.TTL,
				MemoryStorage.COMPACT, 1);
		this.cold = this.cacheManager.setupMemoryCache(spec);
		this.cacheManager.setupMemoryCache(new MemoryCacheSpec("hot", 10, Duration.ofHours(1), CacheStrategy.TTL,
				MemoryStorage.COMPACT, 2));
		this.client = ZenooClient.create(ZenooClientSettings.of(this.server.url(), this.server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), this.cacheManager);
		this.coldQueries = List.of(query("id", "cold"), query("name", "cold"));
		this.hotQueries = List.of(query("id", "hot"), query("name", "hot"));
		for (int i = 0; i < 3; i++) {
			coldPair();
			hotPair();
		}
		long decodes = this.cold.statistics().decodes();
		coldPair();
		if (this.cold.statistics().decodes() - decodes != 2) {
			throw new IllegalStateException("the cold hits did not decode: " + this.cold.statistics());
		}
	}

	private QueryBuilder<ResCountry> query(String order, String cache) {
		return this.client.model(ResCountry.class)
			.fields(ClientOverheadBenchmark.FIELDS)
			.orderBy(order)
			.limit(80)
			.cache(cache);
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

	/** Two hits, each decoding its entry. */
	@Benchmark
	public int coldPair() {
		return this.coldQueries.get(0).all().block(BOUND).size() + this.coldQueries.get(1).all().block(BOUND).size();
	}

	/** The same two hits on decoded entries. */
	@Benchmark
	public int hotPair() {
		return this.hotQueries.get(0).all().block(BOUND).size() + this.hotQueries.get(1).all().block(BOUND).size();
	}

}
