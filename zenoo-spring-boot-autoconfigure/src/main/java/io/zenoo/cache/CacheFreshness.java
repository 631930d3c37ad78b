package io.zenoo.cache;

import java.time.Duration;

/**
 * How a cache keeps hot keys fresh and rides out Odoo outages; both off by default.
 * <p>
 * <b>Stale-if-error</b> ({@code maxStale} above zero): entries are kept up to {@code maxStale} past their TTL. A
 * lookup through {@link ZenooCache#findOrLoad} that finds such an expired entry loads the value again; if the load
 * fails with a transport failure (Odoo unreachable, timed out, an HTTP error or a malformed answer; see
 * {@link StaleIfError}) the expired value is returned instead, and counted in
 * {@link ZenooCacheStatistics#staleServed()}. Odoo's own errors (access errors, validation errors) still reach the
 * caller. Plain lookups ({@link ZenooCache#find}) never return an expired value.
 * <p>
 * <b>Refresh-ahead</b> ({@code refreshAhead} between 0 and 1, exclusive): a hit on an entry older than that fraction of
 * its TTL returns the cached value at once and loads it again in the background, once per key however many callers
 * hit it meanwhile; counted in {@link ZenooCacheStatistics#refreshes()} (and a failed refresh, which leaves the entry
 * as it was, in {@link ZenooCacheStatistics#refreshFailures()}).
 *
 * @param maxStale how long past its TTL an entry may still be served when loading it again fails;
 * {@link Duration#ZERO} for never
 * @param refreshAhead the fraction of the TTL after which a hit also refreshes the entry in the background; {@code 0}
 * for never
 */
public record CacheFreshness(Duration maxStale, double refreshAhead) {

	/** Neither stale-if-error nor refresh-ahead. */
	public static final CacheFreshness NONE = new CacheFreshness(Duration.ZERO, 0);

	/**
	 * Validate the settings.
	 * @throws InvalidCacheSpecException if {@code maxStale} is missing or negative, or {@code refreshAhead} is not
	 * {@code 0} and not strictly between 0 and 1
	 */
	public CacheFreshness {
		if (maxStale == null || maxStale.isNegative()) {
			throw new InvalidCacheSpecException("max-stale", (maxStale == null) ? "is missing"
					: "is " + maxStale + " but must not be negative",
					"Set a duration such as 10m, or 0 to never serve expired entries.");
		}
		if (refreshAhead != 0 && !(refreshAhead > 0 && refreshAhead < 1)) {
			throw new InvalidCacheSpecException("refresh-ahead", "is " + refreshAhead + ", outside (0, 1)",
					"Set a fraction of the TTL such as 0.8, or leave it unset for no refresh-ahead.");
		}
	}

	/**
	 * Return whether expired entries may be served when loading them again fails.
	 * @return whether {@link #maxStale()} is above zero
	 */
	public boolean staleIfError() {
		return !this.maxStale.isZero();
	}

	/**
	 * Return whether hits on old entries refresh them in the background.
	 * @return whether {@link #refreshAhead()} is above zero
	 */
	public boolean refreshesAhead() {
		return this.refreshAhead > 0;
	}

	/**
	 * Return whether either option is on.
	 * @return whether the cache does anything beyond plain TTLs
	 */
	public boolean isOn() {
		return staleIfError() || refreshesAhead();
	}

	/** The nanoseconds of {@code maxStale}, saturated. */
	long maxStaleNanos() {
		try {
			return this.maxStale.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * How long after being stored an entry of the given TTL should be refreshed, in nanoseconds;
	 * {@link Long#MAX_VALUE} for never (refresh-ahead off, or an entry without expiry).
	 */
	long refreshAfterNanos(long ttlNanos) {
		if (!refreshesAhead() || ttlNanos == Long.MAX_VALUE) {
			return Long.MAX_VALUE;
		}
		return (long) (ttlNanos * this.refreshAhead);
	}

}
