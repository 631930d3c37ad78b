package io.zenoo.cache.stats;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of every cache of a manager at one moment, and their totals.
 * @param hits hits of all caches
 * @param misses misses of all caches
 * @param requests hits plus misses
 * @param hitRate hits divided by requests, {@code 0} without requests
 * @param caches each cache's counters, by name, in the order the caches were set up
 */
public record ZenooCacheStats(long hits, long misses, long requests, double hitRate, Map<String, CacheStats> caches) {

	/**
	 * Totals over the given caches. A tiered cache's own counters are included; its tiers count their own lookups too,
	 * so totals count a tiered lookup on each level it reached.
	 * @param caches the caches' counters
	 * @return the statistics
	 */
	public static ZenooCacheStats of(Collection<CacheStats> caches) {
		Map<String, CacheStats> byName = new LinkedHashMap<>();
		long hits = 0;
		long misses = 0;
		for (CacheStats cache : caches) {
			byName.put(cache.name(), cache);
			hits += cache.hits();
			misses += cache.misses();
		}
		return new ZenooCacheStats(hits, misses, hits + misses, Rates.rate(hits, hits + misses),
				java.util.Collections.unmodifiableMap(byName));
	}

}
