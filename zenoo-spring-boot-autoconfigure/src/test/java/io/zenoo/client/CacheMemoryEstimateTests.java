package io.zenoo.client;

import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.MemoryStorage;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.DetailedCacheStats;
import io.zenoo.client.mapping.MapRowMapper;
import io.zenoo.client.model.ResCountry;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The memory estimate of a memory cache against the heap its entries really take: Odoo rows as the client makes them
 * (each entry decoded from its own response, as in real use), measured as the used heap after GC before and after
 * filling the cache. Tagged {@code heap}: the build runs it in a JVM of its own, where no other test's application
 * context allocates in the background between the two measurements.
 */
@Tag("heap")
class CacheMemoryEstimateTests {

	private static final int ENTRIES = 3000;

	private static final int TYPED_RESULTS = 1100;

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

	/**
	 * Typed rows as the client caches them through a query, in both memory storages: {@value #TYPED_RESULTS} distinct
	 * results of 10 to 59 countries each (different offsets, orders and limits, so no two entries are alike and no rows
	 * are shared between entries), each decoded from its own response. With compact storage most entries are bytes
	 * and only the most recently used ones are also kept decoded; the estimate must count both.
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(MemoryStorage.class)
	void typedResultsOfVariedSizesAreEstimatedWithinAQuarterOfTheMeasuredHeap(MemoryStorage storage) {
		List<String> orders = List.of("id", "id desc", "name", "name desc", "code", "code desc");
		List<String> fields = List.of("id", "name", "code", "currency_id", "phone_code");
		try (OdooTestServer server = OdooTestServer.start()) {
			ZenooCacheManager manager = new ZenooCacheManager();
			manager.setupMemoryCache(new MemoryCacheSpec("typed", TYPED_RESULTS * 2L, java.time.Duration.ZERO,
					CacheStrategy.TTL).withStorage(storage));
			try (ZenooClient client = TestClients.admin(server, manager)) {
				List<QueryBuilder<ResCountry>> queries = new java.util.ArrayList<>();
				for (int i = 0; i < TYPED_RESULTS; i++) {
					queries.add(client.model(ResCountry.class)
						.fields(fields)
						.orderBy(orders.get(i / 190))
						.offset(i % 190)
						.limit(10 + (i % 50))
						.cache("typed"));
				}
				// the same calls uncached first: the client's one-off set-up (metadata, mappers) and the per-thread
				// buffers of every thread involved are made before the baseline
				for (int i = 0; i < 60; i++) {
					client.model(ResCountry.class)
						.fields(fields)
						.orderBy(orders.get(i % orders.size()))
						.offset(i)
						.limit(10 + i % 50)
						.noCache()
						.all()
						.block();
				}
				server.calls().clear();
				long before = usedHeapAfterGc();
				long rows = 0;
				for (QueryBuilder<ResCountry> query : queries) {
					rows += query.all().block().size();
				}
				server.calls().clear();
				long measured = usedHeapAfterGc() - before;
				DetailedCacheStats stats = manager.getDetailedStats().block().caches().get("typed");
				double estimatedBytes = stats.memoryMb() * 1024 * 1024;
				System.out.printf("[memory] %s storage: %d typed results (%d rows): measured %d B, estimated %.0f B "
						+ "(%.2f of measured)%n", storage, TYPED_RESULTS, rows, measured, estimatedBytes,
						estimatedBytes / measured);
				assertThat(stats.size()).isEqualTo(TYPED_RESULTS);
				assertThat(rows).as("rows cached").isGreaterThan(TYPED_RESULTS * 10L);
				assertThat(measured).as("measured heap delta").isGreaterThan(TYPED_RESULTS * 500L);
				assertThat(estimatedBytes).as("estimate (measured %d bytes)", measured).isCloseTo(measured,
						within(measured * 0.25));
				// keep the entries reachable until measured
				assertThat(queries).hasSize(TYPED_RESULTS);
			}
			finally {
				manager.destroy();
			}
		}
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
