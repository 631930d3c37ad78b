package io.zenoo.cache.stats;

/**
 * The counters of one cache at one moment.
 * @param name the cache name
 * @param type the store: {@code memory}, {@code redis} or {@code tiered}
 * @param hits lookups that found a value
 * @param misses lookups that found nothing
 * @param requests hits plus misses
 * @param hitRate hits divided by requests, {@code 0} without requests
 * @param staleServed expired values served because loading them again failed (stale-if-error; each also a miss)
 * @param refreshes background refreshes started by hits on old entries (refresh-ahead)
 */
public record CacheStats(String name, String type, long hits, long misses, long requests, double hitRate,
		long staleServed, long refreshes) {

	/**
	 * Counters with their derived values.
	 * @param name the cache name
	 * @param type the store
	 * @param hits the hits
	 * @param misses the misses
	 * @return the statistics
	 */
	public static CacheStats of(String name, String type, long hits, long misses) {
		return of(name, type, hits, misses, 0, 0);
	}

	/**
	 * Counters with their derived values.
	 * @param name the cache name
	 * @param type the store
	 * @param hits the hits
	 * @param misses the misses
	 * @param staleServed the expired values served because loading failed
	 * @param refreshes the background refreshes started
	 * @return the statistics
	 */
	public static CacheStats of(String name, String type, long hits, long misses, long staleServed, long refreshes) {
		return new CacheStats(name, type, hits, misses, hits + misses, Rates.rate(hits, hits + misses), staleServed,
				refreshes);
	}

}
