package io.zenoo.cache.stats;

/**
 * The lookups of one Odoo model in one cache (detailed statistics only).
 * @param hits lookups that found a value
 * @param misses lookups that found nothing
 * @param requests hits plus misses
 * @param hitRate hits divided by requests, {@code 0} without requests
 */
public record ModelStats(long hits, long misses, long requests, double hitRate) {

	/**
	 * Counters with their derived values.
	 * @param hits the hits
	 * @param misses the misses
	 * @return the statistics
	 */
	public static ModelStats of(long hits, long misses) {
		return new ModelStats(hits, misses, hits + misses, Rates.rate(hits, hits + misses));
	}

}
