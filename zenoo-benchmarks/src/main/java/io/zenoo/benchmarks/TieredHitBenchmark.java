package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.client.model.ResPartner;
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
 * An L1 hit of a tiered cache (memory L1 in front of a Redis L2) beside a plain memory-cache hit, both through the
 * client with the same query built afresh each time: the tier must cost next to nothing while L1 holds the entry.
 * Goal: tiered / memory ≤ 1.1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class TieredHitBenchmark {

	private ZenooFixture zenoo;

	private static final String PLAIN_KEY = "companies";

	private BenchRedis redis;

	private ZenooCache tiered;

	@Setup(Level.Trial)
	public void setUp() {
		this.redis = new BenchRedis();
		this.zenoo = new ZenooFixture();
		var manager = this.zenoo.cacheManager();
		ZenooCache memory = manager.setupMemoryCache(MemoryCacheSpec.of("memory"));
		manager.setupMemoryCache(MemoryCacheSpec.of("l1"));
		manager.setupRedisCache(RedisCacheSpec.builder("l2").url(BenchRedis.URL).namespace(this.redis.namespace()).build());
		ZenooCache tiered = manager.setupTieredCache("tiered", "l1", "l2");
		List<ResPartner> fromMemory = this.zenoo.warm(memory);
		List<ResPartner> fromTiered = this.zenoo.warm(tiered);
		ZenooCache l2 = manager.getCache("l2");
		long l2Reads = l2.statistics().hits() + l2.statistics().misses();
		if (!fromMemory.equals(fromTiered) || !fromTiered.equals(zenooTieredL1Hit())
				|| l2.statistics().hits() + l2.statistics().misses() != l2Reads) {
			throw new IllegalStateException("the tiered cache did not serve the query from L1: " + l2.statistics());
		}
		this.redis.onlyKey("l2:");
		this.tiered = tiered;
		tiered.store(PLAIN_KEY, fromTiered, null).block();
		if (!fromTiered.equals(tieredLayerPlainKeyHit())) {
			throw new IllegalStateException("the breakdown benchmark does not hit the tiered cache");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		try {
			this.zenoo.close();
		}
		finally {
			this.redis.close();
		}
	}

	/** An L1 hit of the tiered cache. */
	@Benchmark
	public List<ResPartner> zenooTieredL1Hit() {
		return this.zenoo.companies("tiered");
	}

	/**
	 * Breakdown (not a goal): the tiered cache's L1 hit for a plain string key, whose Redis key text costs nothing to
	 * build, unlike a query key's.
	 */
	@Benchmark
	public List<ResPartner> tieredLayerPlainKeyHit() {
		return this.tiered.<List<ResPartner>>findOrLoad(PLAIN_KEY, List.class,
				() -> reactor.core.publisher.Mono.error(new IllegalStateException("miss")), null).block();
	}

	/** A hit of a plain memory cache. */
	@Benchmark
	public List<ResPartner> zenooMemoryHit() {
		return this.zenoo.companies("memory");
	}

}
