package io.zenoo.cache.stats;

import java.util.Map;

/**
 * The detailed statistics of every cache of a manager.
 * @param detailedEnabled whether response times and per-model counters are being collected
 * @param hits hits of all caches
 * @param misses misses of all caches
 * @param requests hits plus misses
 * @param hitRate hits divided by requests
 * @param missRate misses divided by requests
 * @param memoryMb the estimated memory of all caches whose memory is known, in MB
 * @param caches each cache's statistics, by name
 */
public record DetailedStats(boolean detailedEnabled, long hits, long misses, long requests, double hitRate,
		double missRate, double memoryMb, Map<String, DetailedCacheStats> caches) {

	/**
	 * Totals over the given caches.
	 * @param detailedEnabled whether detailed statistics are being collected
	 * @param caches the caches' statistics, by name
	 * @return the statistics
	 */
	public static DetailedStats of(boolean detailedEnabled, Map<String, DetailedCacheStats> caches) {
		long hits = 0;
		long misses = 0;
		double memory = 0;
		for (DetailedCacheStats cache : caches.values()) {
			hits += cache.hits();
			misses += cache.misses();
			if (cache.memoryMb() != null && cache.tiers().isEmpty()) {
				memory += cache.memoryMb();
			}
		}
		long requests = hits + misses;
		return new DetailedStats(detailedEnabled, hits, misses, requests, Rates.rate(hits, requests),
				Rates.rate(misses, requests), memory, Map.copyOf(caches));
	}

}
