package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zenoo.cache.ZenooCache;
import io.zenoo.client.error.OdooAccessException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs a query's prefetch once its rows are read: for each prefetched many2one field, the distinct related ids that
 * are not cached yet are read in one {@code read}, and each related record is stored under the key
 * {@code client.model(Related.class).get(id)} uses with the same context and cache options (an id Odoo does not
 * return is stored as "no such record", as {@code get(id)} stores it). Without a cache there is nowhere to put the
 * records, so nothing is read. A failed prefetch read is logged and leaves the query's rows untouched.
 */
final class Prefetcher {

	private static final Logger logger = LoggerFactory.getLogger(Prefetcher.class);

	private final ZenooClient client;

	private final String model;

	private final QueryState state;

	Prefetcher(ZenooClient client, String model, QueryState state) {
		this.client = client;
		this.model = model;
		this.state = state;
	}

	/**
	 * The rows, emitted once what they point to is prefetched.
	 * @param <T> the row type
	 * @param rows the query's read
	 * @return the same rows, later; an {@link IllegalArgumentException}, before anything is read, when the query's
	 * {@code fields(...)} leave a prefetched field out
	 */
	<T> Mono<List<T>> after(Mono<List<T>> rows) {
		return Mono.defer(() -> {
			for (PrefetchField field : this.state.prefetch()) {
				field.requireRead(this.state.fields());
			}
			return rows.flatMap((found) -> prefetch(found).thenReturn(found));
		});
	}

	/**
	 * Prefetches what the rows point to.
	 * @param rows the rows the query read
	 * @return completes once every related record is cached (or their read failed, which is logged); fails with an
	 * {@link IllegalArgumentException} when an untyped row's value is not a many2one
	 */
	private Mono<Void> prefetch(List<?> rows) {
		return Mono.defer(() -> {
			List<PrefetchField> fields = this.state.prefetch();
			ZenooCache cache = this.client.cacheFor(this.state.cache());
			if (cache == null) {
				if (logger.isDebugEnabled()) {
					logger.debug("Prefetch of {} on {} does nothing: the query is not cached",
							fields.stream().map(PrefetchField::field).toList(), this.model);
				}
				return Mono.empty();
			}
			List<Mono<Void>> reads = new ArrayList<>(fields.size());
			for (PrefetchField field : fields) {
				Set<Long> ids = new LinkedHashSet<>();
				for (Object row : rows) {
					Long id = field.relatedId(row);
					if (id != null) {
						ids.add(id);
					}
				}
				if (!ids.isEmpty()) {
					reads.add(prefetch(field, cache, List.copyOf(ids)));
				}
			}
			return Mono.when(reads);
		});
	}

	private <R> Mono<Void> prefetch(PrefetchField field, ZenooCache cache, List<Long> ids) {
		@SuppressWarnings("unchecked")
		RowReader<R> reader = RowReader.of((Class<R>) field.relatedType());
		CacheOptions options = this.state.cache();
		// what client.model(Related.class) with this query's context and cache options would be; never a custom key,
		// which names the query's own entry
		QueryState relatedState = QueryState.INITIAL.withContext(this.state.context())
			.withCache(new CacheOptions(options.cacheName(), options.ttl(), options.mode(), null));
		QueryBuilder<R> related = new QueryBuilder<>(this.client, field.relatedModel(), reader, relatedState);
		// the related model's generation when the read starts: a write meanwhile leaves what is read unreachable
		return this.client.withGeneration(cache, field.relatedModel(), (generation) -> {
			Mono<List<Long>> missing = (options.mode() == CacheOptions.Mode.REFRESH) ? Mono.just(ids)
					: Flux.fromIterable(ids)
						.flatMapSequential((id) -> cache.find(related.getKey(id, generation), reader.listType())
							.hasElement()
							.filter((found) -> !found)
							.map((found) -> id), ids.size())
						.collectList();
			return missing.flatMap((toRead) -> toRead.isEmpty() ? Mono.<Void>empty()
					: read(related, relatedState, reader, cache, options.ttl(), toRead, generation));
		});
	}

	private <R> Mono<Void> read(QueryBuilder<R> related, QueryState relatedState, RowReader<R> reader,
			ZenooCache cache, @Nullable Duration ttl, List<Long> ids, long generation) {
		String relatedModel = related.model();
		ReadCalls calls = new ReadCalls(relatedModel, relatedState, reader.defaultFields());
		Mono<JsonNode> rpc = this.client.execute(calls.read(ids)).onErrorResume((ex) -> skipped(relatedModel, ex));
		return rpc.flatMap((node) -> {
			Map<Long, JsonNode> rows = IdBatch.rowsById(relatedModel, node);
			List<Mono<Void>> stores = new ArrayList<>(ids.size());
			for (Long id : ids) {
				JsonNode row = rows.get(id);
				List<R> value = (row != null) ? List.of(reader.read(row)) : List.of();
				stores.add(cache.store(related.getKey(id, generation), value, ttl));
			}
			return Mono.when(stores);
		});
	}

	/**
	 * A failed prefetch read does not fail the query, whose own rows are fine: the related records are simply not
	 * cached, and resolving them later reads (and fails) as it would have without the prefetch.
	 */
	private <V> Mono<V> skipped(String relatedModel, Throwable ex) {
		if (ex instanceof OdooAccessException) {
			// record rules hiding some related records are expected (other companies' partners, for example)
			logger.debug("Prefetch of {} records for {} refused by Odoo: {}", relatedModel, this.model, ex.toString());
		}
		else {
			logger.warn("Prefetch of {} records for {} failed; they will be read when resolved: {}", relatedModel,
					this.model, ex.toString());
		}
		return Mono.empty();
	}

}
