package io.zenoo.client;

import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.zenoo.cache.ZenooCache;
import io.zenoo.client.transport.OdooCall;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The cache plumbing of one {@link QueryBuilder}'s reads: which cache a read goes through, the key it is stored
 * under, and the batched {@code get(id)}. Made per terminal operation from the builder's immutable state.
 *
 * @param <T> the type of the rows
 */
final class QueryCaching<T> {

	private final ZenooClient client;

	private final String model;

	private final RowReader<T> reader;

	private final QueryState state;

	private final @Nullable List<String> fields;

	/**
	 * @param client the builder's client
	 * @param model the model queried
	 * @param reader the builder's row reader
	 * @param state what the builder was told
	 * @param fields the fields its reads request, or {@code null} for Odoo's default
	 */
	QueryCaching(ZenooClient client, String model, RowReader<T> reader, QueryState state,
			@Nullable List<String> fields) {
		this.client = client;
		this.model = model;
		this.reader = reader;
		this.state = state;
		this.fields = fields;
	}

	/**
	 * Reads records by id through the cache, in one {@code read} on a miss.
	 * @param idList the validated ids
	 * @return the records that exist
	 */
	Mono<List<T>> readIds(List<Long> idList) {
		return cached("read", null, idList, null, this.reader.listType(), () -> calls().read(idList),
				(node) -> ResultShapes.rows(this.model, "read", node, this.reader));
	}

	/**
	 * Reads one record through the cache; with a batcher, concurrent misses share one {@code read}.
	 * @param id the record id
	 * @return the record in a list, or an empty list when it does not exist
	 */
	Mono<List<T>> readId(long id) {
		List<Long> idList = List.of(id);
		GetBatcher batcher = this.client.batcher();
		return (batcher == null) ? readIds(idList)
				: cachedLoad("read", null, idList, null, this.reader.listType(),
						() -> batcher.get(batchKey(), id, this.reader, (ids) -> this.client.execute(calls().read(ids))));
	}

	/**
	 * The read through the cache chosen for it: the cached result on a hit; on a miss one call to Odoo (concurrent
	 * identical misses share it), whose result is stored. The call itself is only built on a miss. The key is built
	 * when subscribed to, with the model's generation of that moment (metadata reads, whose results record writes do
	 * not change, use generation 0).
	 * @param method the Odoo method, part of the key
	 * @param limit the limit sent, part of the key
	 * @param ids the record ids read, part of the key
	 * @param extra whatever else the method's arguments add to the key
	 * @param resultType the type the result is read into, part of the key
	 * @param call builds the call, on a miss
	 * @param resultReader reads the call's result
	 * @return the result
	 */
	<R> Mono<R> cached(String method, @Nullable Integer limit, @Nullable List<Long> ids, @Nullable Object extra,
			Type resultType, Supplier<OdooCall> call, Function<JsonNode, R> resultReader) {
		return cachedLoad(method, limit, ids, extra, resultType,
				() -> this.client.execute(call.get()).map(resultReader));
	}

	/**
	 * {@link #cached} with any loader (a batched one for {@code get(id)}).
	 */
	private <R> Mono<R> cachedLoad(String method, @Nullable Integer limit, @Nullable List<Long> ids,
			@Nullable Object extra, Type resultType, Supplier<Mono<R>> loader) {
		CacheOptions options = this.state.cache();
		ZenooCache cache = this.client.cacheFor(options);
		if (cache == null) {
			return loader.get();
		}
		LongFunction<Mono<R>> read = (generation) -> {
			QueryCacheKey key = cacheKey(method, limit, ids, extra, resultType, generation);
			if (options.mode() == CacheOptions.Mode.REFRESH) {
				return loader.get().flatMap((value) -> cache.store(key, value, options.ttl()).thenReturn(value));
			}
			return cache.findOrLoad(key, resultType, loader, options.ttl());
		};
		return this.client.withGeneration(cache, this.model, read);
	}

	/**
	 * The key {@link QueryBuilder#get(long)} caches a record under in the given generation of the model.
	 * @param id the record id
	 * @param generation the model's generation
	 * @return the key
	 */
	QueryCacheKey getKey(long id, long generation) {
		return cacheKey("read", null, List.of(id), null, this.reader.listType(), generation);
	}

	private QueryCacheKey cacheKey(String method, @Nullable Integer limit, @Nullable List<Long> ids,
			@Nullable Object extra, Type resultType, long generation) {
		CacheOptions options = this.state.cache();
		String scope = this.client.scope();
		return (options.key() != null)
				? QueryCacheKey.custom(scope, this.model, options.key(), this.state.context(), resultType, generation)
				: QueryCacheKey.of(scope, this.model, method, this.state.domain(), readShape(limit, ids, extra),
						this.state.context(), resultType, generation);
	}

	private GetBatcher.Key batchKey() {
		return new GetBatcher.Key(this.client.scope(), this.model, this.fields, this.reader, this.state.context());
	}

	private QueryCacheKey.ReadShape readShape(@Nullable Integer limit, @Nullable List<Long> ids,
			@Nullable Object extra) {
		List<String> stateFields = this.state.fields();
		if (stateFields == null) {
			List<String> defaults = this.reader.defaultFields();
			return new QueryCacheKey.ReadShape(defaults, this.reader.defaultFieldsHash(), this.state.order(), limit,
					this.state.offset(), ids, extra);
		}
		return new QueryCacheKey.ReadShape(stateFields, this.state.order(), limit, this.state.offset(), ids, extra);
	}

	private ReadCalls calls() {
		return new ReadCalls(this.model, this.state, this.fields);
	}

}
