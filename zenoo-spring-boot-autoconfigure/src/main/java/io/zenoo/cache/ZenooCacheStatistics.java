package io.zenoo.cache;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.zenoo.cache.stats.ModelStats;
import org.jspecify.annotations.Nullable;

/**
 * Live counters of one cache. Every getter reads the current value; the counters only grow.
 * <p>
 * While detailed statistics are enabled the cache also counts its lookups per model (exactly: a lookup of a model's
 * key counts in its model's counters instead of the overall ones, which add them in) and times its misses and a random
 * sample of its hits (one in 32; the average stays unbiased); while they are disabled a lookup costs one volatile read
 * more than the counters themselves.
 */
public final class ZenooCacheStatistics {

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder decodeFailures = new LongAdder();

	private final LongAdder backendErrors = new LongAdder();

	private final LongAdder invalidationsSent = new LongAdder();

	private final LongAdder invalidationsReceived = new LongAdder();

	private final LongAdder staleServed = new LongAdder();

	private final LongAdder refreshes = new LongAdder();

	private final LongAdder refreshFailures = new LongAdder();

	private final LongAdder decodes = new LongAdder();

	/** Not timed: the lookup started while detailed statistics were disabled. */
	static final long UNTIMED = Long.MIN_VALUE;

	private final ModelCounters models = new ModelCounters();

	private volatile @Nullable DetailedRecorder detailed;

	ZenooCacheStatistics() {
	}

	/** @return lookups that found a value */
	public long hits() {
		return this.hits.sum() + this.models.hits();
	}

	/** @return lookups that found nothing (including failed and undecodable lookups) */
	public long misses() {
		return this.misses.sum() + this.models.misses();
	}

	/** @return values stored */
	public long puts() {
		return this.puts.sum();
	}

	/** @return entries removed by the cache itself (size bound or expiry), not by callers */
	public long evictions() {
		return this.evictions.sum();
	}

	/** @return stored values that could not be decoded (and were deleted) */
	public long decodeFailures() {
		return this.decodeFailures.sum();
	}

	/**
	 * @return entries a compact memory cache decoded from their bytes (first hits, and hits after their decoded form
	 * was dropped from the decoded set); 0 for other caches
	 */
	public long decodes() {
		return this.decodes.sum();
	}

	/** @return backend operations that failed (timeouts, connection errors, open circuit breaker) */
	public long backendErrors() {
		return this.backendErrors.sum();
	}

	/** @return invalidation messages this cache published for other instances (tiered caches) */
	public long invalidationsSent() {
		return this.invalidationsSent.sum();
	}

	/** @return invalidation messages from other instances this cache applied (tiered caches) */
	public long invalidationsReceived() {
		return this.invalidationsReceived.sum();
	}

	/**
	 * @return expired values returned because loading them again failed (stale-if-error, see
	 * {@link CacheFreshness#maxStale()}); each also counts as a miss
	 */
	public long staleServed() {
		return this.staleServed.sum();
	}

	/** @return background refreshes started by hits on old entries (see {@link CacheFreshness#refreshAhead()}) */
	public long refreshes() {
		return this.refreshes.sum();
	}

	/** @return background refreshes that failed (the entry stayed as it was) */
	public long refreshFailures() {
		return this.refreshFailures.sum();
	}

	/** Start detailed recording afresh (a previous recording is dropped). */
	void enableDetailed() {
		this.detailed = new DetailedRecorder(this.models.snapshot());
	}

	/** Start detailed recording afresh with the given clock and hit sampler (tests pass fake ones). */
	void enableDetailed(LongSupplier nanoClock, BooleanSupplier sampler) {
		this.detailed = new DetailedRecorder(this.models.snapshot(), nanoClock, sampler);
	}

	void disableDetailed() {
		this.detailed = null;
	}

	@Nullable DetailedRecorder detailed() {
		return this.detailed;
	}

	/** @return the lookups per model since detailed statistics were enabled; empty while they are disabled */
	Map<String, ModelStats> byModel() {
		DetailedRecorder recorder = this.detailed;
		return (recorder != null) ? this.models.since(recorder.modelsAtStart()) : Map.of();
	}

	/**
	 * The start of a lookup: {@link #UNTIMED} while detailed statistics are disabled (the one volatile read of the
	 * disabled path); else the time, or {@link DetailedRecorder#UNSAMPLED} for a lookup whose hit is not timed.
	 */
	long start() {
		DetailedRecorder recorder = this.detailed;
		return (recorder != null) ? recorder.startLookup() : UNTIMED;
	}

	/**
	 * The start to time a load from, once a lookup started at {@code start} missed: misses are always timed, so an
	 * unsampled lookup's load is timed from now.
	 */
	long loadStart(long start) {
		if (start == UNTIMED) {
			return UNTIMED;
		}
		DetailedRecorder recorder = this.detailed;
		return (recorder != null) ? recorder.startLoad(start) : UNTIMED;
	}

	/** The start of a lookup that times its load whatever it finds (remote caches, where the clock costs nothing). */
	long startLoad() {
		return loadStart(start());
	}

	/** A hit of a lookup started at {@code start}. */
	void hit(Object key, long start) {
		if (start == UNTIMED) {
			// detailed statistics were off when the lookup started: the overall counter, nothing else
			this.hits.increment();
		}
		else {
			detailedHit(key, start);
		}
	}

	/**
	 * A hit while recording: exactly one increment (the model's counter, or the overall one for a key of no model)
	 * and, for a sampled lookup, its time. Kept out of {@link #hit} so that the disabled path stays small enough to
	 * inline everywhere.
	 */
	private void detailedHit(Object key, long start) {
		ModelCounters.Counts model = this.models.of(key);
		if (model != null) {
			model.hits.increment();
		}
		else {
			this.hits.increment();
		}
		if (start != DetailedRecorder.UNSAMPLED) {
			DetailedRecorder recorder = this.detailed;
			if (recorder != null) {
				recorder.hitTimed(start);
			}
		}
	}

	/** A miss of a lookup started at {@code start}; its time is recorded when the load completes. */
	void miss(Object key, long start) {
		ModelCounters.Counts model = (start != UNTIMED) ? this.models.of(key) : null;
		if (model != null) {
			model.misses.increment();
		}
		else {
			this.misses.increment();
		}
	}

	/** The load after a miss, timed from {@code loadStart} (see {@link #loadStart}), completed. */
	void missCompleted(long loadStart) {
		if (loadStart != UNTIMED && loadStart != DetailedRecorder.UNSAMPLED) {
			DetailedRecorder recorder = this.detailed;
			if (recorder != null) {
				recorder.missCompleted(loadStart);
			}
		}
	}

	void invalidationSent() {
		this.invalidationsSent.increment();
	}

	void invalidationReceived() {
		this.invalidationsReceived.increment();
	}

	void servedStale() {
		this.staleServed.increment();
	}

	void refreshStarted() {
		this.refreshes.increment();
	}

	void refreshFailed() {
		this.refreshFailures.increment();
	}

	void put() {
		this.puts.increment();
	}

	void evicted() {
		this.evictions.increment();
	}

	void decodeFailure() {
		this.decodeFailures.increment();
	}

	/** A compact memory cache decoded an entry (its first hit, or its first since its decoded form was dropped). */
	void decoded() {
		this.decodes.increment();
	}

	void backendError() {
		this.backendErrors.increment();
	}

	@Override
	public String toString() {
		return "ZenooCacheStatistics[hits=" + hits() + ", misses=" + misses() + ", puts=" + puts() + ", evictions="
				+ evictions() + ", decodeFailures=" + decodeFailures() + ", backendErrors=" + backendErrors() + ", staleServed=" + staleServed() + ", refreshes=" + refreshes()
				+ ", refreshFailures=" + refreshFailures() + ", decodes=" + decodes() + "]";
	}

}
