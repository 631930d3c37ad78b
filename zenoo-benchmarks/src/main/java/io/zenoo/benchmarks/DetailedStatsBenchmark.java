package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.CacheKeyText;
import io.zenoo.cache.MemoryCacheSpec;
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
import reactor.core.publisher.Mono;

/**
 * A memory-cache hit through the client with detailed statistics on (timings, per-model counters) beside the same hit
 * with them off: detailed statistics must be cheap enough to leave on. Goal: on / off ≤ 1.05. The cache-layer pair
 * (not a goal) shows the same cost without the client around it, where a few nanoseconds are visible.
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

	/** A prebuilt key of a model, as the client's query keys are. */
	record ModelKey(String model, String text) implements CacheKeyText {

		@Override
		public String cacheKeyText() {
			return this.text;
		}

	}

	private static final ModelKey KEY = new ModelKey("res.partner", "companies");

	private ZenooCache layerOff;

	private ZenooCache layerOn;

	@Setup(Level.Trial)
	public void setUp() {
		this.statsOff = new ZenooFixture();
		this.statsOn = new ZenooFixture();
		this.statsOff.warm(this.statsOff.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory")));
		this.statsOn.cacheManager().enableDetailedStats();
		this.statsOn.warm(this.statsOn.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory")));
		this.layerOff = this.statsOff.cacheManager().setupMemoryCache(MemoryCacheSpec.of("layer"));
		this.layerOn = this.statsOn.cacheManager().setupMemoryCache(MemoryCacheSpec.of("layer"));
		List<ResPartner> rows = this.statsOff.companies(null);
		this.layerOff.store(KEY, rows, null).block();
		this.layerOn.store(KEY, rows, null).block();
		if (cacheLayerHitDetailedStatsOff() != rows || cacheLayerHitDetailedStatsOn() != rows) {
			throw new IllegalStateException("the cache-layer benchmarks do not hit the cache");
		}
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

	// Breakdown (not a goal): the cache layer alone, findOrLoad of a prebuilt key of a model.

	@Benchmark
	public Object cacheLayerHitDetailedStatsOff() {
		return this.layerOff.findOrLoad(KEY, List.class, DetailedStatsBenchmark::miss, null).block();
	}

	@Benchmark
	public Object cacheLayerHitDetailedStatsOn() {
		return this.layerOn.findOrLoad(KEY, List.class, DetailedStatsBenchmark::miss, null).block();
	}

	private static Mono<Object> miss() {
		return Mono.error(new IllegalStateException("miss"));
	}

}
