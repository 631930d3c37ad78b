package io.zenoo.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.CacheKeyText;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
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
import reactor.core.publisher.Flux;

/**
 * What invalidating one model costs (what every write does: {@code invalidateModelCache}) with 1,000, 10,000 and
 * 100,000 cached entries of that model, in a memory cache and in a Redis cache (the machine's Redis, a namespace of this
 * run's own). The model gets a new generation instead of its entries being found and removed, so the cost should not
 * depend on how many there are. Goals: 10k / 1k and 100k / 1k ≤ 1.2, for each store.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-XX:+UseParallelGC" })
public class InvalidationBenchmark {

	private static final String MODEL = "res.partner";

	/**
	 * System property overriding the entries of the "100k" benchmarks: the smoke test sets a small number, since
	 * filling Redis with 100,000 entries takes half a minute, and only checks that the benchmarks run.
	 */
	static final String LARGE_ENTRIES = "zenoo.bench.invalidation.large-entries";

	static int largeEntries() {
		int entries = Integer.getInteger(LARGE_ENTRIES, 100_000);
		if (entries < 1) {
			throw new IllegalArgumentException(LARGE_ENTRIES + " must be at least 1, not " + entries);
		}
		return entries;
	}

	/** A query-like key of the model: readable text and the model, as the client's keys. */
	record Key(String cacheKeyText, String model) implements CacheKeyText {
	}

	/** A cache manager whose one cache holds {@code entries} entries of the model. */
	abstract static class Filled {

		final ZenooCacheManager manager = new ZenooCacheManager();

		void fill(ZenooCache cache, int entries) {
			Flux.range(0, entries)
				.flatMap((i) -> cache.store(new Key(MODEL + ":id=" + i + ":search_read:bench:g0", MODEL), "row " + i,
						Duration.ofHours(1)), 64)
				.blockLast();
			// one invalidation first: the Redis generations are loaded and the first bump's set-up is done
			this.manager.invalidateModelCache(MODEL).block();
		}

		void invalidate() {
			this.manager.invalidateModelCache(MODEL).block();
		}

		void close() {
			this.manager.destroy();
		}

	}

	/** A memory cache of the given size. */
	abstract static class Memory extends Filled {

		void setUp(int entries) {
			ZenooCache cache = this.manager
				.setupMemoryCache(new MemoryCacheSpec("memory", 200_000, Duration.ofHours(1), CacheStrategy.TTL));
			fill(cache, entries);
			if (this.manager.getCacheNames().size() != 1 || ((com.github.benmanes.caffeine.cache.AsyncCache<?, ?>) cache
				.getNativeCache()).synchronous().estimatedSize() < entries) {
				throw new IllegalStateException("the memory cache does not hold " + entries + " entries");
			}
		}

	}

	/** A Redis cache of the given size. */
	abstract static class Redis extends Filled {

		private final BenchRedis redis = new BenchRedis();

		void setUp(int entries) {
			ZenooCache cache = this.manager.setupRedisCache(
					RedisCacheSpec.builder("redis")
				.url(BenchRedis.URL)
				.namespace(this.redis.namespace())
				// filling is not measured: on a loaded machine a burst of stores may exceed the default 500 ms, and
				// the circuit breaker would then skip the rest
				.commandTimeout(Duration.ofSeconds(10))
				.build());
			fill(cache, entries);
			int stored = this.redis.scan("redis:").size();
			if (stored != entries) {
				throw new IllegalStateException("the Redis cache holds " + stored + " entries, not " + entries);
			}
		}

		@Override
		void close() {
			try {
				super.close();
			}
			finally {
				this.redis.close();
			}
		}

	}

	/** 1,000 entries in memory. */
	@State(Scope.Benchmark)
	public static class Memory1k extends Memory {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(1_000);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** 10,000 entries in memory. */
	@State(Scope.Benchmark)
	public static class Memory10k extends Memory {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(10_000);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** 100,000 entries in memory (fewer when {@link #LARGE_ENTRIES} says so). */
	@State(Scope.Benchmark)
	public static class Memory100k extends Memory {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(largeEntries());
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** 1,000 entries in Redis. */
	@State(Scope.Benchmark)
	public static class Redis1k extends Redis {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(1_000);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** 10,000 entries in Redis. */
	@State(Scope.Benchmark)
	public static class Redis10k extends Redis {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(10_000);
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** 100,000 entries in Redis (fewer when {@link #LARGE_ENTRIES} says so). */
	@State(Scope.Benchmark)
	public static class Redis100k extends Redis {

		@Setup(Level.Trial)
		public void setUp() {
			setUp(largeEntries());
		}

		@TearDown(Level.Trial)
		public void tearDown() {
			close();
		}

	}

	/** Invalidating the model with 1,000 entries in a memory cache. */
	@Benchmark
	public void memory1k(Memory1k state) {
		state.invalidate();
	}

	/** Invalidating the model with 10,000 entries in a memory cache. */
	@Benchmark
	public void memory10k(Memory10k state) {
		state.invalidate();
	}

	/** Invalidating the model with 100,000 entries in a memory cache. */
	@Benchmark
	public void memory100k(Memory100k state) {
		state.invalidate();
	}

	/** Invalidating the model with 1,000 entries in a Redis cache ({@code HINCRBY} and {@code PUBLISH}). */
	@Benchmark
	public void redis1k(Redis1k state) {
		state.invalidate();
	}

	/** Invalidating the model with 10,000 entries in a Redis cache. */
	@Benchmark
	public void redis10k(Redis10k state) {
		state.invalidate();
	}

	/** Invalidating the model with 100,000 entries in a Redis cache. */
	@Benchmark
	public void redis100k(Redis100k state) {
		state.invalidate();
	}

}
