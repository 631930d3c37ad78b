package io.zenoo.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.WarmUpReport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code zenoo} actuator endpoint ({@code /actuator/zenoo}): reading it returns the detailed cache statistics;
 * {@code DELETE /actuator/zenoo/{cache}} clears one cache, or with {@code ?pattern=} (a glob on the key text) and/or
 * {@code ?model=} (an Odoo model) removes only the matching entries; {@code POST /actuator/zenoo} runs the cache
 * warm-up again and returns its report.
 */
@Endpoint(id = "zenoo")
public class ZenooEndpoint {

	private final ZenooCacheManager cacheManager;

	private final @Nullable CacheWarmup warmup;

	/**
	 * Create the endpoint.
	 * @param cacheManager the caches
	 */
	public ZenooEndpoint(ZenooCacheManager cacheManager) {
		this(cacheManager, null);
	}

	/**
	 * Create the endpoint.
	 * @param cacheManager the caches
	 * @param warmup the cache warm-up that a write runs, or {@code null} for none
	 */
	public ZenooEndpoint(ZenooCacheManager cacheManager, @Nullable CacheWarmup warmup) {
		this.cacheManager = Objects.requireNonNull(cacheManager, "cacheManager must not be null");
		this.warmup = warmup;
	}

	/**
	 * The detailed statistics of every cache.
	 * @return the statistics
	 */
	@ReadOperation
	public Mono<DetailedStats> stats() {
		return this.cacheManager.getDetailedStats();
	}

	/**
	 * Run the cache warm-up (the {@code zenoo.cache.warm-up} queries and the {@code CacheWarmer} beans) again.
	 * @return its report, once every task has finished; empty when there is no warm-up
	 */
	@WriteOperation
	public Mono<WarmUpReport> warmUp() {
		return (this.warmup != null) ? this.warmup.run() : Mono.empty();
	}

	/**
	 * Clear a cache, or remove its entries matching a pattern or belonging to a model.
	 * @param cache the cache name
	 * @param pattern a glob on the key text ({@code *}, {@code ?}, {@code [..]}), or {@code null}
	 * @param model an Odoo model such as {@code res.partner}, or {@code null}
	 * @return what was done, or empty (404) when there is no such cache
	 */
	@DeleteOperation
	public Mono<Map<String, Object>> clear(@Selector String cache, @Nullable String pattern, @Nullable String model) {
		ZenooCache target = this.cacheManager.getCache(cache);
		if (target == null) {
			return Mono.empty();
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("cache", cache);
		if (pattern == null && model == null) {
			return target.removeAll().then(Mono.fromSupplier(() -> {
				result.put("cleared", true);
				return result;
			}));
		}
		if (pattern != null) {
			result.put("pattern", pattern);
		}
		if (model != null) {
			result.put("model", model);
		}
		return this.cacheManager.invalidate(cache, pattern, model).map((removed) -> {
			result.put("removed", removed);
			return result;
		});
	}

}
