package io.zenoo.cache.stats;

/**
 * The state of a Redis cache's circuit breaker.
 */
public enum BreakerState {

	/** Calls go to Redis. */
	CLOSED(0),

	/** Calls are refused without reaching Redis (the fallback serves, if enabled). */
	OPEN(1),

	/** One probe call is let through to see whether Redis is back. */
	HALF_OPEN(2);

	private final int code;

	BreakerState(int code) {
		this.code = code;
	}

	/**
	 * Return the gauge value of this state.
	 * @return 0 closed, 1 open, 2 half-open
	 */
	public int code() {
		return this.code;
	}

}
