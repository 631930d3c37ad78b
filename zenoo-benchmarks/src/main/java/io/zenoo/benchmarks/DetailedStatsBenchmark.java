package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.MemoryCacheSpec;
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
 * A memory-cache hit through the client with detailed statistics on (timings, per-model counters) beside the same hit
 * with them off: detailed statistics must be cheap enough to leave on. Goal: on / off ≤ 1.05.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class DetailedStatsBenchmark {

	private ZenooFixture statsOff;

	private ZenooFixture statsOn;

	@Setup(Level.Trial)
	public void setUp() {
		this.statsOff = new ZenooFixture();
		this.statsOn = new ZenooFixture();
		this.statsOff.warm(this.statsOff.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory")));
		this.statsOn.cacheManager().enableDetailedStats();
		this.statsOn.warm(this.statsOn.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory")));
		if (!this.statsOn.cacheManager().isDetailedStatsEnabled() || this.statsOff.cacheManager().isDetailedStatsEnabled()) {
			throw new IllegalStateException("detailed statistics are not set up as the benchmark needs");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.statsOff.close();
		this.statsOn.close();
	}

	@Benchmark
	public List<ResPartner> hitDetailedStatsOff() {
		return this.statsOff.companies(null);
	}

	@Benchmark
	public List<ResPartner> hitDetailedStatsOn() {
		return this.statsOn.companies(null);
	}

}
