package io.zenoo.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Write-through for a query's {@code create}/{@code update}: once the write succeeded and the model has its new
 * generation, the written records are read back in one {@code read}, with the fields and row type
 * {@link QueryBuilder#get(long)} of the same builder uses, and each is stored under the key that {@code get(id)} uses
 * in the new generation. A later {@code get(id)} is then a hit with the new values. On when the query asked for it
 * ({@link QueryBuilder#writeThrough()}) or its cache is configured for it
 * ({@link ZenooCacheManager#setWriteThrough}); never without a cache or with {@code noCache()}.
 * <p>
 * The write has already succeeded when the read-back runs: a failed read-back is logged, not signalled, and leaves
 * the records merely invalidated (the next {@code get(id)} reads them).
 */
final class WriteThrough {

	private static final Logger logger = LoggerFactory.getLogger(WriteThrough.class);

	private WriteThrough() {
	}

	/**
	 * @param builder the query that wrote
	 * @param client its client
	 * @param reader its row reader
	 * @param state its state
	 * @param fields the fields its {@code get(id)} reads, or {@code null} for Odoo's default
	 * @param ids the written records
	 * @return completes when the records are cached again, or at once when write-through is off; never an error
	 */
	static <T> Mono<Void> refresh(QueryBuilder<T> builder, ZenooClient client, RowReader<T> reader, QueryState state,
			@Nullable List<String> fields, List<Long> ids) {
		return Mono.defer(() -> {
			ZenooCache cache = client.cacheFor(state.cache());
			if (cache == null || ids.isEmpty() || !enabled(client.cacheManager(), cache, state.cache())) {
				return Mono.empty();
			}
			String model = builder.model();
			ReadCalls calls = new ReadCalls(model, state, fields);
			return client.<Void>withGeneration(cache, model, (generation) -> client.execute(calls.read(ids))
				.flatMap((node) -> store(builder, reader, cache, state, ids, node, generation)))
				.onErrorResume((ex) -> {
					logger.warn("Write-through of {} {} failed; they will be read on their next get: {}", model, ids,
							ex.toString());
					return Mono.empty();
				});
		});
	}

	private static boolean enabled(@Nullable ZenooCacheManager manager, ZenooCache cache, CacheOptions options) {
		return options.writeThrough() || (manager != null && manager.isWriteThrough(cache.getName()));
	}

	private static <T> Mono<Void> store(QueryBuilder<T> builder, RowReader<T> reader, ZenooCache cache,
			QueryState state, List<Long> ids, JsonNode node, long generation) {
		Map<Long, JsonNode> rows = IdBatch.rowsById(builder.model(), node);
		List<Mono<Void>> stores = new ArrayList<>(ids.size());
		for (Long id : ids) {
			JsonNode row = rows.get(id);
			// a record the user cannot read back is stored as get(id) stores it: "no such record"
			List<T> value = (row != null) ? List.of(reader.read(row)) : List.of();
			stores.add(cache.store(builder.getKey(id, generation), value, state.cache().ttl()));
		}
		return Mono.when(stores);
	}

}
