package io.zenoo.cache.stats;

/**
 * Ratios that are {@code 0} rather than {@code NaN} when nothing was counted.
 */
final class Rates {

	private Rates() {
	}

	static double rate(long part, long total) {
		return (total > 0) ? (double) part / total : 0.0;
	}

}
