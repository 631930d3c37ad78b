package io.zenoo.client;

import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.client.mapping.MapRowMapper;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The memory estimate of a memory cache against the heap its entries really take: Odoo rows as the client makes them
 * (each entry decoded from its own response, as in real use), measured as the used heap after GC before and after
 * filling the cache.
 */
class CacheMemoryEstimateTests {

	private static final int ENTRIES = 3000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void memoryEstimateIsWithinAQuarterOfTheMeasuredHeap() {
		byte[] response;
		try (OdooTestServer server = OdooTestServer.start();
				ZenooClient client = TestClients.admin(server)) {
			JsonNode rows = client.call("res.partner", "search_read", List.of(), Map.of("fields",
					List.of("name", "email", "phone", "city", "is_company", "country_id", "street", "category_id"),
					"limit", 12, "order", "id")).block();
			assertThat(rows.size()).isEqualTo(12);
			response = JSON.writeValueAsBytes(rows);
		}
		ZenooCacheManager manager = new ZenooCacheManager();
		ZenooCache cache = manager.setupMemoryCache(
				new MemoryCacheSpec("rows", ENTRIES * 2L, java.time.Duration.ZERO, CacheStrategy.TTL));
		MapRowMapper mapper = MapRowMapper.instance();
		// warm up the decoding path so that its one-off allocations happen before the baseline
		mapper.readAll(JSON.readTree(response));
		long before = usedHeapAfterGc();
		Flux.range(0, ENTRIES)
			.concatMap((i) -> cache.store(QueryCacheKey.custom("http://odoo/db/admin", "res.partner", "page-" + i,
					Map.of(), ResultTypes.LIST_OF_MAPS, 0), mapper.readAll(JSON.readTree(response)), null))
			.blockLast();
		long after = usedHeapAfterGc();
		long measured = after - before;
		DetailedCacheStats stats = manager.getDetailedStats().block().caches().get("rows");
		assertThat(stats.size()).isEqualTo(ENTRIES);
		double estimatedBytes = stats.memoryMb() * 1024 * 1024;
		assertThat(measured).as("measured heap delta").isGreaterThan(ENTRIES * 1000L);
		assertThat(estimatedBytes).as("estimate (measured %d bytes)", measured).isCloseTo(measured,
				within(measured * 0.25));
		// keep the entries reachable until measured
		assertThat(cache.getName()).isEqualTo("rows");
		manager.destroy();
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

}
