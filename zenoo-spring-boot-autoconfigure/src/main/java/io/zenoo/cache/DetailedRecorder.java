package io.zenoo.cache;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.zenoo.cache.stats.ModelStats;

/**
 * What one recording of detailed statistics holds: response times of hits and of misses, and where the per-model
 * counts ({@link ModelCounters}) stood when it started. Exists only while enabled, so the disabled path pays nothing.
 * <p>
 * Cheap enough to leave on: hits are <em>timed</em> only one in {@value #HIT_SAMPLE_RATE}, drawn at random per
 * lookup, since reading the clock twice costs as much as the rest of a memory hit's bookkeeping. Whether a hit is
 * timed does not depend on how long it takes, so the average of the timed hits is an unbiased estimate of the average
 * of all hits. Every miss is timed: it waits for Odoo, next to which the clock costs nothing. Counts are never
 * sampled.
 */
final class DetailedRecorder {

	/** One hit in this many is timed; a power of two. */
	static final int HIT_SAMPLE_RATE = 32;

	/** The start of a lookup whose hit is not timed. */
	static final long UNSAMPLED = Long.MIN_VALUE + 1;

	private final Map<String, ModelStats> modelsAtStart;

	private final LongSupplier nanoClock;

	private final BooleanSupplier sampler;

	private final LongAdder hitNanos = new LongAdder();

	private final LongAdder timedHits = new LongAdder();

	private final LongAdder missNanos = new LongAdder();

	private final LongAdder timedMisses = new LongAdder();

	DetailedRecorder(Map<String, ModelStats> modelsAtStart) {
		this(modelsAtStart, System::nanoTime, DetailedRecorder::randomSample);
	}

	/**
	 * @param modelsAtStart the per-model counts when the recording starts
	 * @param nanoClock the clock of response times, in nanoseconds
	 * @param sampler whether the lookup starting now has its hit timed
	 */
	DetailedRecorder(Map<String, ModelStats> modelsAtStart, LongSupplier nanoClock, BooleanSupplier sampler) {
		this.modelsAtStart = modelsAtStart;
		this.nanoClock = nanoClock;
		this.sampler = sampler;
	}

	private static boolean randomSample() {
		return (ThreadLocalRandom.current().nextInt() & (HIT_SAMPLE_RATE - 1)) == 0;
	}

	Map<String, ModelStats> modelsAtStart() {
		return this.modelsAtStart;
	}

	/** The start of a lookup: the time if its hit is to be timed, else {@link #UNSAMPLED}. */
	long startLookup() {
		return this.sampler.getAsBoolean() ? this.nanoClock.getAsLong() : UNSAMPLED;
	}

	/** The start of a load after a miss: the lookup's start when it was timed, else now. */
	long startLoad(long lookupStart) {
		return (lookupStart != UNSAMPLED) ? lookupStart : this.nanoClock.getAsLong();
	}

	/** A hit of a lookup that started at the (sampled) time {@code start}. */
	void hitTimed(long start) {
		this.hitNanos.add(this.nanoClock.getAsLong() - start);
		this.timedHits.increment();
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

	private static double averageMillis(long nanos, long count) {
		return (count > 0) ? nanos / 1_000_000.0 / count : 0.0;
	}

}
