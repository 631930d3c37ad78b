package io.zenoo.cache.stats;

/**
 * The counters of one cache at one moment.
 * @param name the cache name
 * @param type the store: {@code memory}, {@code redis} or {@code tiered}
 * @param hits lookups that found a value
 * @param misses lookups that found nothing
 * @param requests hits plus misses
 * @param hitRate hits divided by requests, {@code 0} without requests
 */
public record CacheStats(String name, String type, long hits, long misses, long requests, double hitRate) {

	/**
	 * Counters with their derived values.
	 * @param name the cache name
	 * @param type the store
	 * @param hits the hits
	 * @param misses the misses
	 * @return the statistics
	 */
	public static CacheStats of(String name, String type, long hits, long misses) {
		return new CacheStats(name, type, hits, misses, hits + misses, Rates.rate(hits, hits + misses));
	}

}
