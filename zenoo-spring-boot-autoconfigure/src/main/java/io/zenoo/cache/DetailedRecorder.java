package io.zenoo.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.zenoo.cache.stats.ModelStats;
import org.jspecify.annotations.Nullable;

/**
 * What detailed statistics add to a cache's counters while they are enabled: response times of hits and of misses,
 * and lookups per Odoo model. Exists only while enabled, so the disabled path pays nothing.
 * <p>
 * Cheap enough to leave on: per-model counts are exact (one counter increment per lookup, the counter found through a
 * small array indexed by the model name's cached hash), but hits are <em>timed</em> only one in
 * {@value #HIT_SAMPLE_RATE}, drawn at random per lookup, since reading the clock twice costs as much as the rest of a
 * memory hit's bookkeeping. Whether a hit is timed does not depend on how long it takes, so the average of the timed
 * hits is an unbiased estimate of the average of all hits. Every miss is timed: it waits for Odoo, next to which the
 * clock costs nothing.
 */
final class DetailedRecorder {

	/** One hit in this many is timed; a power of two. */
	static final int HIT_SAMPLE_RATE = 32;

	/** The start of a lookup whose hit is not timed. */
	static final long UNSAMPLED = Long.MIN_VALUE + 1;

	private static final int RECENT_MODELS = 16;

	private final LongSupplier nanoClock;

	private final BooleanSupplier sampler;

	private final LongAdder hitNanos = new LongAdder();

	private final LongAdder timedHits = new LongAdder();

	private final LongAdder missNanos = new LongAdder();

	private final LongAdder timedMisses = new LongAdder();

	private final ConcurrentHashMap<String, ModelCounters> models = new ConcurrentHashMap<>();

	/**
	 * The counters of recently seen models by the model name's hash: most lookups find theirs here by identity of the
	 * name (a record type's model is one string) without a map lookup. Written without synchronization: a lost write
	 * only costs a later map lookup, and the counters' fields are final, so a reader sees them complete.
	 */
	private final @Nullable ModelCounters[] recent = new ModelCounters[RECENT_MODELS];

	DetailedRecorder() {
		this(System::nanoTime, DetailedRecorder::randomSample);
	}

	/**
	 * @param nanoClock the clock of response times, in nanoseconds
	 * @param sampler whether the lookup starting now has its hit timed
	 */
	DetailedRecorder(LongSupplier nanoClock, BooleanSupplier sampler) {
		this.nanoClock = nanoClock;
		this.sampler = sampler;
	}

	private static boolean randomSample() {
		return (ThreadLocalRandom.current().nextInt() & (HIT_SAMPLE_RATE - 1)) == 0;
	}

	/** The start of a lookup: the time if its hit is to be timed, else {@link #UNSAMPLED}. */
	long startLookup() {
		return this.sampler.getAsBoolean() ? this.nanoClock.getAsLong() : UNSAMPLED;
	}

	/** The start of a load after a miss: the lookup's start when it was timed, else now. */
	long startLoad(long lookupStart) {
		return (lookupStart != UNSAMPLED) ? lookupStart : this.nanoClock.getAsLong();
	}

	void hit(Object key, long start) {
		if (start != UNSAMPLED) {
			this.hitNanos.add(this.nanoClock.getAsLong() - start);
			this.timedHits.increment();
		}
		ModelCounters counters = countersOf(key);
		if (counters != null) {
			counters.hits.increment();
		}
	}

	void miss(Object key) {
		ModelCounters counters = countersOf(key);
		if (counters != null) {
			counters.misses.increment();
		}
	}

	void missCompleted(long loadStart) {
		this.missNanos.add(this.nanoClock.getAsLong() - loadStart);
		this.timedMisses.increment();
	}

	double averageHitMillis() {
		return averageMillis(this.hitNanos.sum(), this.timedHits.sum());
	}

	double averageMissMillis() {
		return averageMillis(this.missNanos.sum(), this.timedMisses.sum());
	}

	/** @return how many hits were timed */
	long timedHits() {
		return this.timedHits.sum();
	}

	Map<String, ModelStats> byModel() {
		Map<String, ModelStats> result = new LinkedHashMap<>();
		new TreeMap<>(this.models).forEach((model, counters) -> result.put(model,
				ModelStats.of(counters.hits.sum(), counters.misses.sum())));
		return result;
	}

	private @Nullable ModelCounters countersOf(Object key) {
		String model = (key instanceof CacheKeyText text) ? text.model() : null;
		if (model == null) {
			return null;
		}
		int slot = model.hashCode() & (RECENT_MODELS - 1);
		ModelCounters counters = this.recent[slot];
		if (counters == null || counters.model != model) {
			counters = this.models.computeIfAbsent(model, ModelCounters::new);
			this.recent[slot] = counters;
		}
		return counters;
	}

	private static double averageMillis(long nanos, long count) {
		return (count > 0) ? nanos / 1_000_000.0 / count : 0.0;
	}

	private static final class ModelCounters {

		private final String model;

		private final LongAdder hits = new LongAdder();

		private final LongAdder misses = new LongAdder();

		private ModelCounters(String model) {
			this.model = model;
		}

	}

}
