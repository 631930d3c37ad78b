package io.zenoo.client;

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
import io.zenoo.client.transport.OdooCall;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

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

	private final Domain domain;

	private final @Nullable List<String> fields;

	private final @Nullable String order;

	private final @Nullable Integer limit;

	private final int offset;

	private final Map<String, Object> context;

	QueryBuilder(ZenooClient client, String model, RowReader<T> reader) {
		this(client, model, reader, Domain.all(), null, null, null, 0, Map.of());
	}

	private QueryBuilder(ZenooClient client, String model, RowReader<T> reader, Domain domain,
			@Nullable List<String> fields, @Nullable String order, @Nullable Integer limit, int offset,
			Map<String, Object> context) {
		this.client = client;
		this.model = model;
		this.reader = reader;
		this.domain = domain;
		this.fields = fields;
		this.order = order;
		this.limit = limit;
		this.offset = offset;
		this.context = context;
	}

	private QueryBuilder<T> with(Domain domain, @Nullable List<String> fields, @Nullable String order,
			@Nullable Integer limit, int offset, Map<String, Object> context) {
		return new QueryBuilder<>(this.client, this.model, this.reader, domain, fields, order, limit, offset, context);
	}

	/**
	 * Narrows the query; successive filters are ANDed.
	 * @param domain the condition, for example {@code Domain.field("is_company").eq(true)}
	 * @return a new builder
	 */
	public QueryBuilder<T> filter(Domain domain) {
		Objects.requireNonNull(domain, "domain must not be null");
		return with(this.domain.and(domain), this.fields, this.order, this.limit, this.offset, this.context);
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
		return with(this.domain, List.copyOf(copy), this.order, this.limit, this.offset, this.context);
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
		return with(this.domain, this.fields, order, this.limit, this.offset, this.context);
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
		return with(this.domain, this.fields, this.order, limit, this.offset, this.context);
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
		return with(this.domain, this.fields, this.order, this.limit, offset, this.context);
	}

	/**
	 * Adds entries to the Odoo context sent with the query ({@code lang}, {@code tz}, {@code allowed_company_ids},
	 * {@code active_test}, ...). Later entries replace earlier ones with the same key.
	 * @param context the entries
	 * @return a new builder
	 */
	public QueryBuilder<T> context(Map<String, ?> context) {
		Objects.requireNonNull(context, "context must not be null");
		Map<String, Object> merged = new LinkedHashMap<>(this.context);
		context.forEach((key, value) -> {
			Objects.requireNonNull(key, "context keys must not be null");
			merged.put(key, OdooValues.toWire(value));
		});
		return with(this.domain, this.fields, this.order, this.limit, this.offset,
				java.util.Collections.unmodifiableMap(merged));
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

	/** @return the model this builder queries */
	public String model() {
		return this.model;
	}

	/** @return the condition built so far */
	public Domain domain() {
		return this.domain;
	}

	// ---------------------------------------------------------------- reads

	/**
	 * Reads every matching row ({@code search_read}).
	 * @return the rows, in order; an empty list when none match
	 */
	public Mono<List<T>> all() {
		return this.client.execute(searchReadCall(this.limit)).map(this::readRows);
	}

	/**
	 * The matching rows one by one (one {@code search_read}).
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
		return this.client.execute(searchReadCall(1)).flatMap((rows) -> {
			List<T> list = readRows(rows);
			return list.isEmpty() ? Mono.empty() : Mono.just(list.get(0));
		});
	}

	/**
	 * Reads one record by id ({@code read}); filters do not apply.
	 * @param id the record id
	 * @return the record, or empty when it does not exist (or is not visible to this user)
	 */
	public Mono<T> get(long id) {
		return getAll(List.of(id)).flatMap((rows) -> rows.isEmpty() ? Mono.empty() : Mono.just(rows.get(0)));
	}

	/**
	 * Reads records by id in one {@code read}; filters do not apply. Ids that do not exist are left out.
	 * @param ids the record ids
	 * @return the records that exist, in Odoo's order
	 */
	public Mono<List<T>> getAll(Collection<Long> ids) {
		List<Long> idList = requireIds(ids);
		if (idList.isEmpty()) {
			return Mono.just(List.of());
		}
		Map<String, Object> kwargs = new LinkedHashMap<>();
		List<String> requested = requestedFields();
		if (requested != null) {
			kwargs.put("fields", requested);
		}
		OdooCall call = new OdooCall(this.model, "read", idList, List.of(), kwargs, this.context, true);
		return this.client.execute(call).map(this::readRows);
	}

	/**
	 * Counts the matching records ({@code search_count}).
	 * @return the count
	 */
	public Mono<Long> count() {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("domain", this.domain.toList());
		if (this.limit != null) {
			kwargs.put("limit", this.limit);
		}
		return this.client.execute(OdooCall.read(this.model, "search_count", kwargs).withContext(this.context))
			.map((node) -> requireNumber(node, "search_count").longValue());
	}

	/**
	 * The ids of the matching records ({@code search}), honouring order, limit and offset.
	 * @return the ids
	 */
	public Mono<List<Long>> ids() {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("domain", this.domain.toList());
		putPaging(kwargs, this.limit);
		return this.client.execute(OdooCall.read(this.model, "search", kwargs).withContext(this.context))
			.map((node) -> readIds(node, "search"));
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
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("name", name);
		// Odoo 18 calls the domain 'args'; Odoo 19 (the only one speaking JSON-2) renamed it 'domain'.
		kwargs.put(this.client.protocol() == OdooProtocol.JSON2 ? "domain" : "args", this.domain.toList());
		kwargs.put("operator", operator);
		kwargs.put("limit", (this.limit != null) ? this.limit : 100);
		return this.client.execute(OdooCall.read(this.model, "name_search", kwargs).withContext(this.context))
			.map((node) -> readPairs(node));
	}

	/**
	 * Groups the matching records ({@code read_group}).
	 * @param aggregates the aggregates, for example {@code "amount_total:sum"}; may be empty for counts only
	 * @param groupBy the fields to group by, for example {@code "state"} or {@code "date_order:month"}
	 * @param lazy whether to group by the first field only (Odoo's default)
	 * @return one map per group, with {@code <field>_count} or {@code __count} and {@code __domain}
	 */
	public Mono<List<Map<String, Object>>> readGroup(List<String> aggregates, List<String> groupBy, boolean lazy) {
		Objects.requireNonNull(aggregates, "aggregates must not be null");
		Objects.requireNonNull(groupBy, "groupBy must not be null");
		if (groupBy.isEmpty()) {
			throw new IllegalArgumentException("groupBy must name at least one field");
		}
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("domain", this.domain.toList());
		kwargs.put("fields", List.copyOf(aggregates));
		kwargs.put("groupby", List.copyOf(groupBy));
		kwargs.put("offset", this.offset);
		if (this.limit != null) {
			kwargs.put("limit", this.limit);
		}
		if (this.order != null) {
			kwargs.put("orderby", this.order);
		}
		kwargs.put("lazy", lazy);
		RowReader<Map<String, Object>> maps = RowReader.forMaps();
		return this.client.execute(OdooCall.read(this.model, "read_group", kwargs).withContext(this.context))
			.map((node) -> {
				requireArray(node, "read_group");
				List<Map<String, Object>> groups = new ArrayList<>(node.size());
				node.forEach((row) -> groups.add(maps.read(row)));
				return List.copyOf(groups);
			});
	}

	/**
	 * The model's field metadata ({@code fields_get}).
	 * @param attributes the attributes to return, for example {@code "string", "type", "relation"}; none for all
	 * @return field name to attributes
	 */
	public Mono<Map<String, Map<String, Object>>> fieldsGet(String... attributes) {
		Objects.requireNonNull(attributes, "attributes must not be null");
		Map<String, Object> kwargs = new LinkedHashMap<>();
		if (this.fields != null) {
			kwargs.put("allfields", this.fields);
		}
		if (attributes.length > 0) {
			kwargs.put("attributes", List.of(attributes));
		}
		RowReader<Map<String, Object>> maps = RowReader.forMaps();
		return this.client.execute(OdooCall.read(this.model, "fields_get", kwargs).withContext(this.context))
			.map((node) -> {
				if (!node.isObject()) {
					throw ZenooClient.unexpected(this.model, "fields_get", "an object", node);
				}
				Map<String, Map<String, Object>> result = new LinkedHashMap<>();
				node.properties().forEach((entry) -> result.put(entry.getKey(), maps.read(entry.getValue())));
				return java.util.Collections.unmodifiableMap(result);
			});
	}

	// ---------------------------------------------------------------- writes

	/**
	 * Creates one record.
	 * @param values field values by Odoo field name
	 * @return the new record's id
	 */
	public Mono<Long> create(Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		return createAll(List.of(values)).map((ids) -> ids.get(0));
	}

	/**
	 * Creates several records in one call.
	 * @param values one map of field values per record
	 * @return the new ids, in order
	 */
	public Mono<List<Long>> createAll(List<? extends Map<String, ?>> values) {
		Objects.requireNonNull(values, "values must not be null");
		if (values.isEmpty()) {
			return Mono.just(List.of());
		}
		List<Object> valsList = new ArrayList<>(values.size());
		for (Map<String, ?> vals : values) {
			Objects.requireNonNull(vals, "values must not contain null");
			valsList.add(OdooValues.toWireValues(vals));
		}
		Map<String, Object> kwargs = Map.of("vals_list", valsList);
		OdooCall call = new OdooCall(this.model, "create", null, List.of(), kwargs, this.context, false);
		return this.client.execute(call).map((node) -> {
			if (node.isNumber()) {
				return List.of(node.longValue());
			}
			return readIds(node, "create");
		});
	}

	/**
	 * Writes values to one record.
	 * @param id the record
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 */
	public Mono<Boolean> update(long id, Map<String, ?> values) {
		return update(List.of(id), values);
	}

	/**
	 * Writes the same values to several records in one call.
	 * @param ids the records
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 */
	public Mono<Boolean> update(Collection<Long> ids, Map<String, ?> values) {
		List<Long> idList = requireIds(ids);
		Objects.requireNonNull(values, "values must not be null");
		if (values.isEmpty()) {
			throw new IllegalArgumentException("values must name at least one field");
		}
		Map<String, Object> kwargs = Map.of("vals", OdooValues.toWireValues(values));
		OdooCall call = new OdooCall(this.model, "write", idList, List.of(), kwargs, this.context, false);
		return this.client.execute(call).map((node) -> node.isBoolean() ? node.booleanValue() : !node.isNull());
	}

	/**
	 * Deletes one record ({@code unlink}).
	 * @param id the record
	 * @return {@code true} once deleted
	 */
	public Mono<Boolean> delete(long id) {
		return delete(List.of(id));
	}

	/**
	 * Deletes several records in one call.
	 * @param ids the records
	 * @return {@code true} once deleted
	 */
	public Mono<Boolean> delete(Collection<Long> ids) {
		List<Long> idList = requireIds(ids);
		OdooCall call = new OdooCall(this.model, "unlink", idList, List.of(), Map.of(), this.context, false);
		return this.client.execute(call).map((node) -> node.isBoolean() ? node.booleanValue() : !node.isNull());
	}

	// ---------------------------------------------------------------- helpers

	private OdooCall searchReadCall(@Nullable Integer limit) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("domain", this.domain.toList());
		List<String> requested = requestedFields();
		if (requested != null) {
			kwargs.put("fields", requested);
		}
		putPaging(kwargs, limit);
		return new OdooCall(this.model, "search_read", null, List.of(), kwargs, this.context, true);
	}

	private void putPaging(Map<String, Object> kwargs, @Nullable Integer limit) {
		if (this.offset > 0) {
			kwargs.put("offset", this.offset);
		}
		if (limit != null) {
			kwargs.put("limit", limit);
		}
		if (this.order != null) {
			kwargs.put("order", this.order);
		}
	}

	private @Nullable List<String> requestedFields() {
		return (this.fields != null) ? this.fields : this.reader.defaultFields();
	}

	private List<T> readRows(JsonNode node) {
		requireArray(node, "search_read");
		List<T> rows = new ArrayList<>(node.size());
		for (JsonNode row : node) {
			rows.add(this.reader.read(row));
		}
		return java.util.Collections.unmodifiableList(rows);
	}

	private List<Long> readIds(JsonNode node, String method) {
		requireArray(node, method);
		List<Long> ids = new ArrayList<>(node.size());
		for (JsonNode id : node) {
			if (!id.isIntegralNumber()) {
				throw ZenooClient.unexpected(this.model, method, "a list of ids", node);
			}
			ids.add(id.longValue());
		}
		return List.copyOf(ids);
	}

	private List<Many2One> readPairs(JsonNode node) {
		requireArray(node, "name_search");
		List<Many2One> pairs = new ArrayList<>(node.size());
		for (JsonNode pair : node) {
			if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isIntegralNumber()) {
				throw ZenooClient.unexpected(this.model, "name_search", "[id, name] pairs", node);
			}
			JsonNode name = pair.get(1);
			pairs.add(new Many2One(pair.get(0).longValue(), name.isString() ? name.asString() : null));
		}
		return List.copyOf(pairs);
	}

	private void requireArray(JsonNode node, String method) {
		if (!node.isArray()) {
			throw ZenooClient.unexpected(this.model, method, "a list", node);
		}
	}

	private Number requireNumber(JsonNode node, String method) {
		if (!node.isIntegralNumber()) {
			throw ZenooClient.unexpected(this.model, method, "a number", node);
		}
		return node.numberValue();
	}

	private List<Long> requireIds(Collection<Long> ids) {
		Objects.requireNonNull(ids, "ids must not be null");
		List<Long> list = new ArrayList<>(ids.size());
		for (Long id : ids) {
			if (id == null || id < 1) {
				throw new IllegalArgumentException("ids must be positive, got " + ids);
			}
			list.add(id);
		}
		return List.copyOf(list);
	}

}
