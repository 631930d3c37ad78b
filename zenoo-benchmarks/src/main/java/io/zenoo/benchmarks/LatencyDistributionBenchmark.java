package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.client.domain.Domain;
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
 * The latency distribution (JMH {@code SampleTime}) of the same query read four ways: a memory-cache hit, a
 * Redis-cache hit (the Redis of {@link BenchRedis}, a namespace of this run's own), a memory-cache miss (the lookup,
 * the call to Odoo and the store) and an uncached call to the in-process Odoo test server. Not a goal: the report
 * draws their percentiles in one chart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class LatencyDistributionBenchmark {

	private ZenooFixture zenoo;

	private BenchRedis redis;

	@Setup(Level.Trial)
	public void setUp() {
		this.redis = new BenchRedis();
		this.zenoo = new ZenooFixture();
		var manager = this.zenoo.cacheManager();
		List<ResPartner> fromMemory = this.zenoo.warm(manager.setupMemoryCache(MemoryCacheSpec.of("memory")));
		manager.setupMemoryCache(MemoryCacheSpec.of("miss"));
		List<ResPartner> fromRedis = this.zenoo.warm(manager.setupRedisCache(
				RedisCacheSpec.builder("redis").url(BenchRedis.URL).namespace(this.redis.namespace()).build()));
		long misses = manager.getCache("miss").statistics().misses();
		if (!fromMemory.equals(fromRedis) || !fromMemory.equals(uncachedCall()) || !fromMemory.equals(memoryMiss())
				|| !fromMemory.equals(memoryMiss()) || manager.getCache("miss").statistics().misses() != misses + 2) {
			throw new IllegalStateException("the four reads disagree on the rows, or the misses do not miss");
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

	@Benchmark
	public List<ResPartner> memoryHit() {
		return this.zenoo.companies("memory");
	}

	@Benchmark
	public List<ResPartner> redisHit() {
		return this.zenoo.companies("redis");
	}

	private long missKeys;

	/**
	 * A memory-cache miss: the same query under a key no earlier call used (an explicit {@code cacheKey}), so the
	 * lookup misses, Odoo is called and the result stored. (Invalidating the model instead would also time this
	 * fixture's Redis cache's generation bump, a Redis round trip.)
	 */
	@Benchmark
	public List<ResPartner> memoryMiss() {
		return this.zenoo.client()
			.model(ResPartner.class)
			.filter(Domain.field("is_company").eq(true))
			.cache("miss")
			.cacheKey("companies-" + (++this.missKeys))
			.all()
			.block();
	}

	/** The same query with no cache: a {@code search_read} round trip to the test server. */
	@Benchmark
	public List<ResPartner> uncachedCall() {
		return this.zenoo.client().model(ResPartner.class).filter(Domain.field("is_company").eq(true)).noCache().all()
			.block();
	}

}
