package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zenoo.client.domain.Domain;
import io.zenoo.client.mapping.OdooValues;
import io.zenoo.client.model.Many2One;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fluent, immutable query on one Odoo model, as returned by {@link ZenooClient#model(Class)} and
 * {@link ZenooClient#model(String)}. Every step returns a new builder, so a builder can be kept and reused safely from
 * any thread; nothing is sent until a terminal operation ({@link #all()}, {@link #stream()}, {@link #first()},
 * {@link #get(long)}, {@link #count()}, {@link #ids()}, ...) is subscribed to.
 *
 * <pre class="code">
 * Mono&lt;List&lt;ResPartner&gt;&gt; companies = client.model(ResPartner.class)
 *     .filter(Domain.field("is_company").eq(true))
 *     .filter("country_id__code__in", List.of("BE", "US"))
 *     .orderBy("name")
 *     .limit(10)
 *     .all();
 * </pre>
 *
 * @param <T> the type of the rows: a record annotated with {@link io.zenoo.client.model.OdooModel} or
 * {@code Map<String, Object>}
 */
public final class QueryBuilder<T> {

	private final ZenooClient client;

	private final String model;

	private final RowReader<T> reader;

	private final QueryState state;

	QueryBuilder(ZenooClient client, String model, RowReader<T> reader) {
		this(client, model, reader, QueryState.INITIAL);
	}

	QueryBuilder(ZenooClient client, String model, RowReader<T> reader, QueryState state) {
		this.client = client;
		this.model = model;
		this.reader = reader;
		this.state = state;
	}

	private QueryBuilder<T> with(QueryState state) {
		return new QueryBuilder<>(this.client, this.model, this.reader, state);
	}

	/**
	 * Narrows the query; successive filters are ANDed.
	 * @param domain the condition, for example {@code Domain.field("is_company").eq(true)}
	 * @return a new builder
	 */
	public QueryBuilder<T> filter(Domain domain) {
		Objects.requireNonNull(domain, "domain must not be null");
		return with(this.state.withDomain(this.state.domain().and(domain)));
	}

	/**
	 * Narrows the query with a lookup string, as the Python client's {@code filter(name__ilike="x")} does.
	 * @param lookup a field path with an optional operator suffix, for example {@code create_date__gte} or
	 * {@code country_id__code__in}
	 * @param value the value to compare with
	 * @return a new builder
	 * @see Domain#lookup(String, Object)
	 */
	public QueryBuilder<T> filter(String lookup, @Nullable Object value) {
		return filter(Domain.lookup(lookup, value));
	}

	/**
	 * Narrows the query with several lookup strings, ANDed.
	 * @param lookups lookup strings and their values
	 * @return a new builder
	 * @see Domain#lookups(Map)
	 */
	public QueryBuilder<T> filter(Map<String, ?> lookups) {
		return filter(Domain.lookups(lookups));
	}

	/**
	 * Names the fields to read. Typed queries read their record's fields by default; untyped ones should always name
	 * them, since Odoo's default set includes images (80 partners: 1.3 MB instead of 19 KB).
	 * @param fields Odoo field names
	 * @return a new builder
	 */
	public QueryBuilder<T> fields(String... fields) {
		Objects.requireNonNull(fields, "fields must not be null");
		return fields(Arrays.asList(fields));
	}

	/**
	 * Names the fields to read.
	 * @param fields Odoo field names
	 * @return a new builder
	 * @see #fields(String...)
	 */
	public QueryBuilder<T> fields(Collection<String> fields) {
		Objects.requireNonNull(fields, "fields must not be null");
		List<String> copy = new ArrayList<>(fields.size());
		for (String field : fields) {
			if (field == null || field.isBlank()) {
				throw new IllegalArgumentException("field names must not be null or blank, got " + fields);
			}
			copy.add(field);
		}
		return with(this.state.withFields(List.copyOf(copy)));
	}

	/**
	 * Orders the rows, in Odoo's syntax.
	 * @param order for example {@code "name"} or {@code "create_date desc, id"}
	 * @return a new builder
	 */
	public QueryBuilder<T> orderBy(String order) {
		Objects.requireNonNull(order, "order must not be null");
		if (order.isBlank()) {
			throw new IllegalArgumentException("order must not be blank");
		}
		return with(this.state.withOrder(order));
	}

	/**
	 * Reads at most this many rows.
	 * @param limit a positive number
	 * @return a new builder
	 */
	public QueryBuilder<T> limit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, got " + limit);
		}
		return with(this.state.withLimit(limit));
	}

	/**
	 * Skips this many rows.
	 * @param offset zero or more
	 * @return a new builder
	 */
	public QueryBuilder<T> offset(int offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, got " + offset);
		}
		return with(this.state.withOffset(offset));
	}

	/**
	 * Adds entries to the Odoo context sent with the query ({@code lang}, {@code tz}, {@code allowed_company_ids},
	 * {@code active_test}, ...). Later entries replace earlier ones with the same key.
	 * @param context the entries
	 * @return a new builder
	 */
	public QueryBuilder<T> context(Map<String, ?> context) {
		Objects.requireNonNull(context, "context must not be null");
		Map<String, Object> merged = new LinkedHashMap<>(this.state.context());
		context.forEach((key, value) -> {
			Objects.requireNonNull(key, "context keys must not be null");
			merged.put(key, OdooValues.toWire(value));
		});
		return with(this.state.withContext(java.util.Collections.unmodifiableMap(merged)));
	}

	/**
	 * Adds one entry to the Odoo context.
	 * @param key the key, for example {@code lang}
	 * @param value the value, for example {@code fr_FR}
	 * @return a new builder
	 */
	public QueryBuilder<T> context(String key, @Nullable Object value) {
		Objects.requireNonNull(key, "key must not be null");
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(key, value);
		return context(entry);
	}

	/**
	 * Once the rows are read, reads the records the named many2one fields point to, in one {@code read} per field
	 * for the related records not cached yet, and caches each where {@code client.model(Related.class).get(id)}
	 * finds it (with this query's context and cache options). Resolving {@code partner.countryId()} afterwards then
	 * costs no call. Applies to {@link #all()}, {@link #stream()}, {@link #first()}, {@link #get(long)} and
	 * {@link #getAll(Collection)}. The related record type comes from
	 * {@link io.zenoo.client.model.OdooField#relation()} on the record component (the built-in records declare
	 * theirs); untyped queries use {@link #prefetch(String, Class)}. Without a cache this does nothing (logged at
	 * debug level), since there is nowhere to keep the records.
	 * @param fields Odoo many2one field names, for example {@code "country_id"}
	 * @return a new builder
	 * @throws IllegalArgumentException if a field is not a component of the record type, is not a many2one, or has
	 * no declared related type
	 */
	public QueryBuilder<T> prefetch(String... fields) {
		Objects.requireNonNull(fields, "fields must not be null");
		QueryBuilder<T> result = this;
		for (String field : fields) {
			result = result.withPrefetch(PrefetchField.resolve(this.model, this.reader.listType(), field, null));
		}
		return result;
	}

	/**
	 * Prefetches one many2one field into the given record type; see {@link #prefetch(String...)}. Use it on untyped
	 * queries, or where the record component declares no relation.
	 * @param field an Odoo many2one field name, for example {@code "country_id"}
	 * @param relatedType the record type of the related model, for example {@code ResCountry.class}
	 * @return a new builder
	 * @throws IllegalArgumentException if the field is not a many2one of the record type, or the related type is not
	 * a record annotated with {@link io.zenoo.client.model.OdooModel}
	 */
	public QueryBuilder<T> prefetch(String field, Class<?> relatedType) {
		Objects.requireNonNull(relatedType, "relatedType must not be null");
		return withPrefetch(PrefetchField.resolve(this.model, this.reader.listType(), field, relatedType));
	}

	private QueryBuilder<T> withPrefetch(PrefetchField prefetch) {
		return with(this.state.withPrefetch(prefetch.addTo(this.state.prefetch())));
	}

	/** @return the model this builder queries */
	public String model() {
		return this.model;
	}

	/** @return the condition built so far */
	public Domain domain() {
		return this.state.domain();
	}

	// ---------------------------------------------------------------- cache controls

	/**
	 * Caches this query's result in the named cache instead of the default one.
	 * @param cacheName a cache configured under {@code zenoo.cache.caches} or set up at run time
	 * @return a new builder
	 * @throws IllegalArgumentException if no such cache exists
	 */
	public QueryBuilder<T> cache(String cacheName) {
		Objects.requireNonNull(cacheName, "cacheName must not be null");
		this.client.requireCache(cacheName);
		return with(this.state.withCache(this.state.cache().named(cacheName)));
	}

	/**
	 * Caches this query's result for this long instead of the cache's default TTL.
	 * @param ttl how long; {@link Duration#ZERO} means the entry never expires (until evicted or cleared)
	 * @return a new builder
	 */
	public QueryBuilder<T> cacheTtl(Duration ttl) {
		Objects.requireNonNull(ttl, "ttl must not be null");
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("cache TTL must not be negative, got " + ttl);
		}
		return with(this.state.withCache(this.state.cache().ttl(ttl)));
	}

	/**
	 * Neither reads nor writes the cache: always asks Odoo.
	 * @return a new builder
	 */
	public QueryBuilder<T> noCache() {
		return with(this.state.withCache(this.state.cache().mode(CacheOptions.Mode.BYPASS)));
	}

	/**
	 * Asks Odoo even when the result is cached, and overwrites the cached entry with the fresh result.
	 * @return a new builder
	 */
	public QueryBuilder<T> cacheRefresh() {
		return with(this.state.withCache(this.state.cache().mode(CacheOptions.Mode.REFRESH)));
	}

	/**
	 * Names the cache entry instead of deriving its key from the query. The key stays private to the user and
	 * context, so two users never share it.
	 * @param key the entry's name, for example {@code "my_custom_key"}
	 * @return a new builder
	 */
	public QueryBuilder<T> cacheKey(String key) {
		Objects.requireNonNull(key, "key must not be null");
		if (key.isBlank()) {
			throw new IllegalArgumentException("cache key must not be blank");
		}
		return with(this.state.withCache(this.state.cache().key(key)));
	}

	/**
	 * Makes this query's {@link #create(Map)}, {@link #createAll(List)} and {@link #update(long, Map)} refresh the
	 * written records' cached {@link #get(long)} entries instead of only invalidating them: after the write (and the
	 * model's new generation), the records are read back in one {@code read} with the fields and row type this
	 * builder's {@code get(id)} uses, and stored where that {@code get(id)} finds them. Per cache:
	 * {@code zenoo.cache.caches.<name>.write-through}. Does nothing without a cache or with {@link #noCache()}.
	 * @return a new builder
	 */
	public QueryBuilder<T> writeThrough() {
		return with(this.state.withCache(this.state.cache().writeThrough(true)));
	}

	// ---------------------------------------------------------------- reads

	/**
	 * Reads every matching row ({@code search_read}); cached.
	 * @return the rows, in order; an empty list when none match
	 */
	public Mono<List<T>> all() {
		Integer limit = this.state.limit();
		return prefetched(caching().cached("search_read", limit, null, null, this.reader.listType(),
				() -> calls().searchRead(limit), (node) -> ResultShapes.rows(this.model, "search_read", node, this.reader)));
	}

	/**
	 * The matching rows one by one (one {@code search_read}, cached as a list).
	 * @return the rows
	 */
	public Flux<T> stream() {
		return all().flatMapIterable((rows) -> rows);
	}

	/**
	 * The first matching row.
	 * @return the row, or empty when none matches
	 */
	public Mono<T> first() {
		return prefetched(caching().<List<T>>cached("search_read", 1, null, null, this.reader.listType(),
				() -> calls().searchRead(1), (node) -> ResultShapes.rows(this.model, "search_read", node, this.reader)))
			.flatMap((rows) -> rows.isEmpty() ? Mono.empty() : Mono.just(rows.get(0)));
	}

	/**
	 * Reads one record by id ({@code read}); filters do not apply. Concurrent misses of the same model, fields, user
	 * and context are coalesced into one {@code read} of all their ids (see {@link BatchSettings}); a cache hit never
	 * waits.
	 * @param id the record id
	 * @return the record, or empty when it does not exist (or is not visible to this user)
	 */
	public Mono<T> get(long id) {
		QueryWrites.requireIds(List.of(id));
		return prefetched(caching().readId(id)).flatMap((found) -> found.isEmpty() ? Mono.empty() : Mono.just(found.get(0)));
	}

	/**
	 * Reads records by id in one {@code read}; filters do not apply. Ids that do not exist are left out.
	 * @param ids the record ids
	 * @return the records that exist, in Odoo's order
	 */
	public Mono<List<T>> getAll(Collection<Long> ids) {
		List<Long> idList = QueryWrites.requireIds(ids);
		if (idList.isEmpty()) {
			return Mono.just(List.of());
		}
		return prefetched(caching().readIds(idList));
	}

	/**
	 * Counts the matching records ({@code search_count}).
	 * @return the count
	 */
	public Mono<Long> count() {
		return caching().cached("search_count", this.state.limit(), null, null, Long.class, () -> calls().searchCount(),
				(node) -> ResultShapes.count(this.model, "search_count", node));
	}

	/**
	 * The ids of the matching records ({@code search}), honouring order, limit and offset.
	 * @return the ids
	 */
	public Mono<List<Long>> ids() {
		return caching().cached("search", this.state.limit(), null, null, ResultTypes.LIST_OF_LONG, () -> calls().search(),
				(node) -> ResultShapes.ids(this.model, "search", node));
	}

	/**
	 * Searches records by display name ({@code name_search}), within this builder's filters and limit (100 if none).
	 * @param name the text to look for; empty matches everything
	 * @return {@code [id, display name]} pairs
	 */
	public Mono<List<Many2One>> nameSearch(String name) {
		return nameSearch(name, "ilike");
	}

	/**
	 * Searches records by display name with an explicit operator.
	 * @param name the text to look for
	 * @param operator the operator applied to the name, for example {@code ilike} or {@code =}
	 * @return {@code [id, display name]} pairs
	 */
	public Mono<List<Many2One>> nameSearch(String name, String operator) {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(operator, "operator must not be null");
		int limit = (this.state.limit() != null) ? this.state.limit() : 100;
		boolean json2 = this.client.protocol() == OdooProtocol.JSON2;
		return caching().cached("name_search", limit, null, List.of(name, operator), ResultTypes.LIST_OF_MANY2ONE,
				() -> calls().nameSearch(name, operator, limit, json2), (node) -> ResultShapes.pairs(this.model, node));
	}

	/**
	 * Groups the matching records ({@code read_group}).
	 * @param aggregates the aggregates, for example {@code "amount_total:sum"}; may be empty for counts only
	 * @param groupBy the fields to group by, for example {@code "state"}
	 * @param lazy whether to group by the first field only (Odoo's default)
	 * @return one map per group, with {@code <field>_count} or {@code __count} and {@code __domain}
	 */
	public Mono<List<Map<String, Object>>> readGroup(List<String> aggregates, List<String> groupBy, boolean lazy) {
		Objects.requireNonNull(aggregates, "aggregates must not be null");
		Objects.requireNonNull(groupBy, "groupBy must not be null");
		if (groupBy.isEmpty()) {
			throw new IllegalArgumentException("groupBy must name at least one field");
		}
		List<String> aggregateList = List.copyOf(aggregates);
		List<String> groupByList = List.copyOf(groupBy);
		RowReader<Map<String, Object>> maps = RowReader.forMaps();
		return caching().cached("read_group", this.state.limit(), null, List.of(aggregateList, groupByList, lazy),
				ResultTypes.LIST_OF_MAPS, () -> calls().readGroup(aggregateList, groupByList, lazy),
				(node) -> ResultShapes.rows(this.model, "read_group", node, maps));
	}

	/**
	 * The model's field metadata ({@code fields_get}), of the fields named with {@link #fields(String...)} or of all.
	 * Cached as metadata: in the metadata cache for the metadata TTL (see {@link MetadataCaching}), per user and
	 * context, and not dropped by record writes. {@link #cacheRefresh()}, {@link #noCache()}, {@link #cache(String)}
	 * and {@link #cacheTtl(Duration)} apply.
	 * @param attributes the attributes to return, for example {@code "string", "type", "relation"}; none for all
	 * @return field name to attributes
	 */
	public Mono<Map<String, Map<String, Object>>> fieldsGet(String... attributes) {
		Objects.requireNonNull(attributes, "attributes must not be null");
		List<String> attributeList = List.of(attributes);
		return this.client.metadata()
			.fieldsGet(this.model, this.state, attributeList, () -> calls().fieldsGet(attributeList));
	}

	// ---------------------------------------------------------------- writes
	// Every write invalidates the model's cached queries (and its related models') in every cache, for every user and
	// instance, once Odoo confirmed it or the outcome is unknown (a transport failure); see ZenooClient#call.

	/**
	 * Creates one record; then the model's cached queries are invalidated.
	 * @param values field values by Odoo field name
	 * @return the new record's id
	 */
	public Mono<Long> create(Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		return createAll(List.of(values)).map((ids) -> ids.get(0));
	}

	/**
	 * Creates several records in one call; then the model's cached queries are invalidated.
	 * @param values one map of field values per record
	 * @return the new ids, in order
	 */
	public Mono<List<Long>> createAll(List<? extends Map<String, ?>> values) {
		Objects.requireNonNull(values, "values must not be null");
		if (values.isEmpty()) {
			return Mono.just(List.of());
		}
		return writes().createAll(values);
	}

	/**
	 * Writes values to one record; then the model's cached queries are invalidated.
	 * @param id the record
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 */
	public Mono<Boolean> update(long id, Map<String, ?> values) {
		return update(List.of(id), values);
	}

	/**
	 * Writes the same values to several records in one call; then the model's cached queries are invalidated.
	 * @param ids the records
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 */
	public Mono<Boolean> update(Collection<Long> ids, Map<String, ?> values) {
		List<Long> idList = QueryWrites.requireIds(ids);
		Objects.requireNonNull(values, "values must not be null");
		if (values.isEmpty()) {
			throw new IllegalArgumentException("values must name at least one field");
		}
		return writes().update(idList, values);
	}

	/**
	 * Deletes one record ({@code unlink}); then the model's cached queries are invalidated.
	 * @param id the record
	 * @return {@code true} once deleted
	 */
	public Mono<Boolean> delete(long id) {
		return delete(List.of(id));
	}

	/**
	 * Deletes several records in one call; then the model's cached queries are invalidated.
	 * @param ids the records
	 * @return {@code true} once deleted
	 */
	public Mono<Boolean> delete(Collection<Long> ids) {
		return writes().delete(QueryWrites.requireIds(ids));
	}

	// ---------------------------------------------------------------- helpers

	private QueryCaching<T> caching() {
		return new QueryCaching<>(this.client, this.model, this.reader, this.state, requestedFields());
	}

	private QueryWrites<T> writes() {
		return new QueryWrites<>(this, this.client, this.reader, this.state, requestedFields());
	}

	/**
	 * The key {@link #get(long)} caches a record under in the given generation of the model, for the prefetch of a
	 * related query and the write-through.
	 */
	QueryCacheKey getKey(long id, long generation) {
		return caching().getKey(id, generation);
	}

	private Mono<List<T>> prefetched(Mono<List<T>> rows) {
		return this.state.prefetch().isEmpty() ? rows : new Prefetcher(this.client, this.model, this.state).after(rows);
	}

	private ReadCalls calls() {
		return new ReadCalls(this.model, this.state, requestedFields());
	}

	private @Nullable List<String> requestedFields() {
		return (this.state.fields() != null) ? this.state.fields() : this.reader.defaultFields();
	}

}
