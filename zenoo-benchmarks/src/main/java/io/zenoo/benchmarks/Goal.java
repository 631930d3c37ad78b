package io.zenoo.benchmarks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A goal of issue 8: the ratio of two figures measured in the same run ({@link Scores} names), at most (or, for
 * throughput, at least) a limit.
 * @param number the goal's number in the issue
 * @param name what is compared
 * @param subject the figure judged
 * @param baseline the figure it is divided by
 * @param limit the limit of {@code subject / baseline}
 * @param atLeast whether the ratio must be at least the limit (throughput) rather than at most (time, bytes)
 */
record Goal(String number, String name, String subject, String baseline, double limit, boolean atLeast) {

	static Goal atMost(String number, String name, String subject, String baseline, double limit) {
		return new Goal(number, name, subject, baseline, limit, false);
	}

	/** The figures of a goal in one run, or {@code null} ones when not measured. */
	record Outcome(Goal goal, @Nullable Score subject, @Nullable Score baseline) {

		boolean measured() {
			return this.subject != null && this.baseline != null;
		}

		double ratio() {
			return (measured()) ? this.subject.value() / this.baseline.value() : Double.NaN;
		}

		boolean met() {
			double ratio = ratio();
			return measured() && (this.goal.atLeast() ? ratio >= this.goal.limit() : ratio <= this.goal.limit());
		}

		/** @return "met", "NOT met" or "not measured" */
		String verdict() {
			return !measured() ? "not measured" : met() ? "met" : "**NOT met**";
		}

	}

	Outcome evaluate(Scores scores) {
		return new Outcome(this, scores.get(this.subject), scores.get(this.baseline));
	}

	/** @return {@code ≤ 1.10} or {@code ≥ 0.50} */
	String limitText() {
		return (this.atLeast ? "≥ " : "≤ ") + String.format(java.util.Locale.ROOT, "%.2f", this.limit);
	}

	/** The wrk figures (goal 10), present only when the sample application was run under wrk. */
	boolean needsWrk() {
		return this.subject.startsWith(WrkLoad.PREFIX) || this.baseline.startsWith(WrkLoad.PREFIX);
	}

	/** Every goal of issue 8, in its order. */
	static final List<Goal> ALL = List.of(
			atMost("1", "memory-cache hit through `client.model(..).filter(..).all()` vs Spring `@Cacheable` Mono hit "
					+ "(async Caffeine)", "MemoryHitBenchmark.zenooMemoryHit", "MemoryHitBenchmark.springCacheableHit",
					1.0),
			atMost("2", "Redis-cache hit through the client vs raw Lettuce GET + Jackson decode",
					"RedisHitBenchmark.zenooRedisHit", "RedisHitBenchmark.rawGetAndDecode", 1.3),
			atMost("3", "tiered-cache L1 hit vs memory-cache hit, both through the client",
					"TieredHitBenchmark.zenooTieredL1Hit", "TieredHitBenchmark.zenooMemoryHit", 1.1),
			atMost("4", "`@OdooCached` repository hit vs `client.model(..).all()` memory-cache hit",
					"AnnotatedRepositoryBenchmark.annotatedRepositoryHit", "AnnotatedRepositoryBenchmark.fluentQueryHit",
					1.5),
			atMost("5", "uncached `search_read` of 80 rows: client vs raw `WebClient` POST",
					"ClientOverheadBenchmark.pairedCalls:zenoo us per call",
					"ClientOverheadBenchmark.pairedCalls:raw us per call", 1.10),
			atMost("6", "1,000 concurrent identical misses (exactly 1 RPC, checked): p99 wait vs one miss",
					"ConcurrentMissBenchmark.thousandIdenticalMisses:p99 wait", "ConcurrentMissBenchmark.singleMiss",
					1.2),
			atMost("7a", "invalidating a model with 10,000 vs 1,000 cached entries, memory cache",
					"InvalidationBenchmark.memory10k", "InvalidationBenchmark.memory1k", 1.2),
			atMost("7b", "invalidating a model with 100,000 vs 1,000 cached entries, memory cache",
					"InvalidationBenchmark.memory100k", "InvalidationBenchmark.memory1k", 1.2),
			atMost("7c", "invalidating a model with 10,000 vs 1,000 cached entries, Redis cache",
					"InvalidationBenchmark.redis10k", "InvalidationBenchmark.redis1k", 1.2),
			atMost("7d", "invalidating a model with 100,000 vs 1,000 cached entries, Redis cache",
					"InvalidationBenchmark.redis100k", "InvalidationBenchmark.redis1k", 1.2),
			atMost("8", "memory-cache hit with detailed statistics on vs off",
					"DetailedStatsBenchmark.pairedHits:on ns per hit", "DetailedStatsBenchmark.pairedHits:off ns per hit",
					1.05),
			atMost("9", "heap retained per cached 80-row result vs its JSON size",
					"MemoryFootprintBenchmark.cacheResults:heap per result",
					"MemoryFootprintBenchmark.cacheResults:JSON per result", 1.5),
			new Goal("10", "sample app under wrk: cached endpoint vs a constant endpoint with the same body, requests per second",
					WrkLoad.PREFIX + WrkLoad.CACHED, WrkLoad.PREFIX + WrkLoad.CONSTANT, 0.5, true));

	/** Goals 1-4: their subjects' and baselines' allocation per operation is reported. */
	static final List<String> ALLOCATION_GOALS = List.of("1", "2", "3", "4");

}
