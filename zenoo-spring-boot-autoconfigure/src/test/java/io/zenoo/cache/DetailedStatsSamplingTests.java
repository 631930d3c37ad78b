package io.zenoo.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.zenoo.cache.stats.ModelStats;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detailed statistics time only a sample of hits but count everything exactly: with a fake clock the averages are
 * exact, the clock is read only for sampled hits, and per-model counts stay exact under concurrent lookups.
 */
class DetailedStatsSamplingTests {

	private static final long STEP_NANOS = 5_000;

	/** A key of an Odoo model, as the client's query keys are. */
	record ModelKey(String model, int id) implements CacheKeyText {

		@Override
		public String cacheKeyText() {
			return this.model + ":" + this.id;
		}

	}

	/** A clock that moves {@link #STEP_NANOS} forward on every read and counts its reads. */
	static final class SteppingClock implements LongSupplier {

		private final AtomicLong now = new AtomicLong(1_000_000);

		private final AtomicInteger reads = new AtomicInteger();

		@Override
		public long getAsLong() {
			this.reads.incrementAndGet();
			return this.now.getAndAdd(STEP_NANOS);
		}

		void advance(Duration duration) {
			this.now.addAndGet(duration.toNanos());
		}

		int reads() {
			return this.reads.get();
		}

	}

	private static BooleanSupplier everyFourth() {
		AtomicInteger lookups = new AtomicInteger();
		return () -> lookups.incrementAndGet() % 4 == 0;
	}

	private static MemoryZenooCache memoryCache() {
		return new MemoryZenooCache(MemoryCacheSpec.of("sampled"));
	}

	@Test
	void sampledHitsAverageExactlyWhatEachTookAndEveryMissIsTimed() {
		MemoryZenooCache cache = memoryCache();
		SteppingClock clock = new SteppingClock();
		cache.statistics().enableDetailed(clock, everyFourth());
		DetailedRecorder recorder = cache.statistics().detailed();
		ModelKey key = new ModelKey("res.partner", 1);

		// lookup 1 (not sampled) misses; its load takes 2 ms of the fake clock
		Object loaded = cache.findOrLoad(key, String.class, () -> Mono.fromSupplier(() -> {
			clock.advance(Duration.ofMillis(2));
			return "row";
		}), null).block();
		assertThat(loaded).isEqualTo("row");
		for (int i = 0; i < 400; i++) {
			assertThat(cache.findOrLoad(key, String.class, () -> Mono.error(new AssertionError("loaded on a hit")),
					null).block()).isEqualTo("row");
		}

		assertThat(cache.statistics().hits()).isEqualTo(400);
		assertThat(cache.statistics().misses()).isEqualTo(1);
		// lookups 4, 8, ..., 400 were sampled: 100 timed hits, each one clock step long
		assertThat(recorder.timedHits()).isEqualTo(100);
		assertThat(recorder.averageHitMillis()).isEqualTo(STEP_NANOS / 1_000_000.0);
		// the miss was not sampled, so its load was timed from the miss on: 2 ms plus one clock step
		assertThat(recorder.averageMissMillis()).isEqualTo((2_000_000 + STEP_NANOS) / 1_000_000.0);
		// two reads per timed hit, two for the miss, none for the 300 hits that were not sampled
		assertThat(clock.reads()).isEqualTo(100 * 2 + 2);
		assertThat(cache.statistics().byModel()).containsExactly(Map.entry("res.partner", ModelStats.of(400, 1)));
	}

	@Test
	void aSampledMissIsTimedFromTheStartOfItsLookup() {
		MemoryZenooCache cache = memoryCache();
		SteppingClock clock = new SteppingClock();
		cache.statistics().enableDetailed(clock, () -> true);
		DetailedRecorder recorder = cache.statistics().detailed();
		cache.findOrLoad(new ModelKey("res.country", 7), String.class, () -> Mono.fromSupplier(() -> {
			clock.advance(Duration.ofMillis(3));
			return "BE";
		}), null).block();
		assertThat(recorder.averageMissMillis()).isEqualTo((3_000_000 + STEP_NANOS) / 1_000_000.0);
		assertThat(clock.reads()).isEqualTo(2);
	}

	@Test
	void theDefaultSamplerTimesAboutOneHitIn32() {
		MemoryZenooCache cache = memoryCache();
		cache.statistics().enableDetailed();
		ModelKey key = new ModelKey("res.partner", 1);
		cache.store(key, "row", null).block();
		int lookups = 32_000;
		for (int i = 0; i < lookups; i++) {
			cache.peekFresh(key);
		}
		DetailedRecorder recorder = cache.statistics().detailed();
		assertThat(cache.statistics().hits()).isEqualTo(lookups);
		// binomial(32000, 1/32): mean 1000, standard deviation 31; the bounds are ten deviations away
		assertThat(recorder.timedHits()).isBetween(690L, 1310L);
		assertThat(recorder.averageHitMillis()).isPositive();
		assertThat(cache.statistics().byModel()).containsExactly(Map.entry("res.partner", ModelStats.of(lookups, 0)));
	}

	@Test
	void perModelCountsStayExactUnderConcurrentHitsOfManyModels() throws Exception {
		MemoryZenooCache cache = memoryCache();
		cache.statistics().enableDetailed();
		// more models than the recent-model slots, and model names that are equal but not identical
		List<ModelKey> keys = new ArrayList<>();
		for (int m = 0; m < 24; m++) {
			keys.add(new ModelKey("model." + m, m));
			keys.add(new ModelKey(new String("model." + m), 100 + m));
		}
		for (ModelKey key : keys) {
			cache.store(key, "v", null).block();
		}
		int threads = 4;
		int rounds = 500;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int r = 0; r < rounds; r++) {
						for (ModelKey key : keys) {
							if (cache.peekFresh(key) == null) {
								throw new AssertionError("no value for " + key);
							}
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, ModelStats> byModel = cache.statistics().byModel();
		assertThat(byModel).hasSize(24);
		// each model has two keys, each read threads * rounds times
		byModel.values().forEach((stats) -> assertThat(stats).isEqualTo(ModelStats.of(2L * threads * rounds, 0)));
		assertThat(cache.statistics().hits()).isEqualTo((long) keys.size() * threads * rounds);
	}

	@Test
	void reEnablingStartsThePerModelCountsAfreshWhileTheOverallCountsGoOn() {
		MemoryZenooCache cache = memoryCache();
		ModelKey key = new ModelKey("res.partner", 1);
		cache.store(key, "row", null).block();
		cache.statistics().enableDetailed();
		hits(cache, key, 5);
		cache.find(new ModelKey("res.partner", 2), String.class).block();
		assertThat(cache.statistics().byModel()).containsExactly(Map.entry("res.partner", ModelStats.of(5, 1)));
		cache.statistics().disableDetailed();
		hits(cache, key, 3);
		assertThat(cache.statistics().byModel()).isEmpty();
		cache.statistics().enableDetailed();
		hits(cache, key, 2);
		assertThat(cache.statistics().byModel()).containsExactly(Map.entry("res.partner", ModelStats.of(2, 0)));
		assertThat(cache.statistics().hits()).isEqualTo(10);
		assertThat(cache.statistics().misses()).isEqualTo(1);
	}

	@Test
	void overallCountsStayExactWhileDetailedStatisticsAreSwitchedOnAndOffDuringLookups() throws Exception {
		MemoryZenooCache cache = memoryCache();
		ModelKey key = new ModelKey("res.partner", 1);
		ModelKey absent = new ModelKey("res.partner", 2);
		cache.store(key, "row", null).block();
		int threads = 3;
		int lookups = 20_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < lookups; i++) {
						cache.peekFresh(key);
						cache.find(absent, String.class).block();
					}
				}));
			}
			Future<?> toggler = pool.submit(() -> {
				while (done.stream().anyMatch((future) -> !future.isDone())) {
					cache.statistics().enableDetailed();
					cache.statistics().disableDetailed();
				}
			});
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			toggler.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(cache.statistics().hits()).isEqualTo((long) threads * lookups);
		assertThat(cache.statistics().misses()).isEqualTo((long) threads * lookups);
	}

	private static void hits(MemoryZenooCache cache, ModelKey key, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(cache.find(key, String.class).block()).isEqualTo("row");
		}
	}

	@Test
	void disabledStatisticsNeverConsultTheRecorderNorTheClock() {
		MemoryZenooCache cache = memoryCache();
		SteppingClock clock = new SteppingClock();
		cache.statistics().enableDetailed(clock, () -> true);
		cache.statistics().disableDetailed();
		ModelKey key = new ModelKey("res.partner", 1);
		cache.findOrLoad(key, String.class, () -> Mono.just("row"), null).block();
		cache.findOrLoad(key, String.class, () -> Mono.just("other"), null).block();
		assertThat(cache.statistics().start()).isEqualTo(ZenooCacheStatistics.UNTIMED);
		assertThat(cache.statistics().hits()).isEqualTo(1);
		assertThat(cache.statistics().misses()).isEqualTo(1);
		assertThat(clock.reads()).isZero();
	}

}
