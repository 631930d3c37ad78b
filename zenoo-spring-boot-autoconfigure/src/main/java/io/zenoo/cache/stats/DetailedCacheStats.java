package io.zenoo.cache.stats;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The detailed statistics of one cache. Response times and the per-model breakdown are collected only while detailed
 * statistics are enabled ({@code ZenooCacheManager.enableDetailedStats()}), and count from that moment.
 * @param name the cache name
 * @param type the store: {@code memory}, {@code redis} or {@code tiered}
 * @param hits lookups that found a value
 * @param misses lookups that found nothing
 * @param requests hits plus misses
 * @param hitRate hits divided by requests
 * @param missRate misses divided by requests
 * @param averageHitMillis average time of a lookup that hit, in milliseconds, estimated from a random sample of one
 * hit in 32 (unbiased, since the draw does not depend on the time a hit takes); {@code 0} when none was timed
 * @param averageMissMillis average time of a lookup that missed, including the load (the Odoo call) that followed it,
 * in milliseconds; every miss that loaded is timed; {@code 0} when none was timed
 * @param size entries in the cache (for Redis: keys under the cache's prefix); {@code null} when unknown (Redis
 * unreachable)
 * @param memoryMb estimated memory of the entries in MB (for memory caches the Java heap, for Redis the stored bytes);
 * {@code null} when unknown
 * @param byModel lookups per Odoo model, exact (keys that name no model are not counted here)
 * @param tiers for a tiered cache its levels {@code l1} and {@code l2}; empty otherwise
 * @param staleServed expired values served because loading them again failed (stale-if-error; each also a miss)
 * @param refreshes background refreshes started by hits on old entries (refresh-ahead)
 * @param refreshFailures background refreshes that failed (the entry stayed until its TTL)
 */
public record DetailedCacheStats(String name, String type, long hits, long misses, long requests, double hitRate,
		double missRate, double averageHitMillis, double averageMissMillis, @Nullable Long size,
		@Nullable Double memoryMb, Map<String, ModelStats> byModel, Map<String, DetailedCacheStats> tiers,
		long staleServed, long refreshes, long refreshFailures) {

}
