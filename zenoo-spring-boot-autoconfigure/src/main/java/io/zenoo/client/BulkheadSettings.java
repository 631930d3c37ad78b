package io.zenoo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How many Odoo requests one client may have in flight at once (the bulkhead), so that a slow Odoo cannot tie up the
 * whole application. Requests over the limit wait in a first-in first-out queue of at most {@code maxQueued} for at
 * most {@code queueTimeout}; a request that finds the queue full, or waits longer, fails with
 * {@link io.zenoo.client.error.OdooBulkheadFullException}. Waiting never blocks a thread. The limit counts HTTP
 * requests (logins included); a retried read gives its place up while it backs off.
 *
 * @param maxConcurrent the most requests in flight; {@code 0} for no limit (and no queue)
 * @param maxQueued the most requests waiting for a place; {@code 0} to fail at once when all places are taken
 * @param queueTimeout how long a request waits for a place; positive
 */
public record BulkheadSettings(int maxConcurrent, int maxQueued, Duration queueTimeout) {

	/** Default queue length. */
	public static final int DEFAULT_MAX_QUEUED = 1000;

	/** Default longest wait for a place. */
	public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(10);

	/** No limit. */
	public static final BulkheadSettings UNLIMITED = new BulkheadSettings(0, 0, DEFAULT_QUEUE_TIMEOUT);

	/**
	 * Checks the settings.
	 * @param maxConcurrent the most requests in flight, {@code 0} or more
	 * @param maxQueued the most waiting requests, {@code 0} or more
	 * @param queueTimeout the longest wait, positive
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public BulkheadSettings {
		Objects.requireNonNull(queueTimeout, "queueTimeout must not be null");
		if (maxConcurrent < 0) {
			throw new IllegalArgumentException("bulkhead maxConcurrent must not be negative, got " + maxConcurrent);
		}
		if (maxQueued < 0) {
			throw new IllegalArgumentException("bulkhead maxQueued must not be negative, got " + maxQueued);
		}
		if (queueTimeout.isZero() || queueTimeout.isNegative()) {
			throw new IllegalArgumentException("bulkhead queueTimeout must be positive, got " + queueTimeout);
		}
	}

	/**
	 * A limit with the default queue length and wait.
	 * @param maxConcurrent the most requests in flight; {@code 0} for no limit
	 * @return the settings
	 */
	public static BulkheadSettings of(int maxConcurrent) {
		return new BulkheadSettings(maxConcurrent, DEFAULT_MAX_QUEUED, DEFAULT_QUEUE_TIMEOUT);
	}

	/**
	 * Whether requests are limited at all.
	 * @return {@code false} when {@code maxConcurrent} is 0
	 */
	public boolean enabled() {
		return this.maxConcurrent > 0;
	}

}
