package io.zenoo.cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one cache. Every getter reads the current value; the counters only grow.
 */
public final class ZenooCacheStatistics {

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder puts = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder decodeFailures = new LongAdder();

	private final LongAdder backendErrors = new LongAdder();

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

	void hit() {
		this.hits.increment();
	}

	void miss() {
		this.misses.increment();
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
