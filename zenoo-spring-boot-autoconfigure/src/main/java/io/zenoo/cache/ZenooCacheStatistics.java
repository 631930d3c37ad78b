package io.zenoo.cache;

import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Live counters of one cache. Every getter reads the current value; the counters only grow.
 * <p>
 * While detailed statistics are enabled the cache also times its lookups and counts them per model; while they are
 * disabled a lookup costs one volatile read more than the counters themselves.
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

	/** Not timed: the lookup started while detailed statistics were disabled. */
	static final long UNTIMED = Long.MIN_VALUE;

	private volatile @Nullable DetailedRecorder detailed;

	ZenooCacheStatistics() {
	}

	/** @return lookups that found a value */
	public long hits() {
		return this.hits.sum();
	}

	/** @return lookups that found nothing (including failed and undecodable lookups) */
	public long misses() {
		return this.misses.sum();
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

	/** Start detailed recording afresh (a previous recording is dropped). */
	void enableDetailed() {
		this.detailed = new DetailedRecorder();
	}

	void disableDetailed() {
		this.detailed = null;
	}

	@Nullable DetailedRecorder detailed() {
		return this.detailed;
	}

	/**
	 * The start of a lookup: the time when detailed statistics are enabled, else {@link #UNTIMED}. The one volatile
	 * read of the disabled path.
	 */
	long start() {
		return (this.detailed != null) ? System.nanoTime() : UNTIMED;
	}

	/** A hit of a lookup started at {@code start}. */
	void hit(Object key, long start) {
		this.hits.increment();
		if (start != UNTIMED) {
			DetailedRecorder recorder = this.detailed;
			if (recorder != null) {
				recorder.hit(key, System.nanoTime() - start);
			}
		}
	}

	/** A miss of a lookup started at {@code start}; its time is recorded when the load completes. */
	void miss(Object key, long start) {
		this.misses.increment();
		if (start != UNTIMED) {
			DetailedRecorder recorder = this.detailed;
			if (recorder != null) {
				recorder.miss(key);
			}
		}
	}

	/** The load after a miss of a lookup started at {@code start} completed. */
	void missCompleted(long start) {
		if (start != UNTIMED) {
			DetailedRecorder recorder = this.detailed;
			if (recorder != null) {
				recorder.missCompleted(System.nanoTime() - start);
			}
		}
	}

	void invalidationSent() {
		this.invalidationsSent.increment();
	}

	void invalidationReceived() {
		this.invalidationsReceived.increment();
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

	void backendError() {
		this.backendErrors.increment();
	}

	@Override
	public String toString() {
		return "ZenooCacheStatistics[hits=" + hits() + ", misses=" + misses() + ", puts=" + puts() + ", evictions="
				+ evictions() + ", decodeFailures=" + decodeFailures() + ", backendErrors=" + backendErrors() + "]";
	}

}
