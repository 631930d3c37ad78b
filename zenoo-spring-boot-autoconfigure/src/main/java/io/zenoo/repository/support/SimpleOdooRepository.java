package io.zenoo.repository.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.zenoo.annotation.CachedInvocation;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.repository.OdooRepository;
import io.zenoo.repository.query.Orders;
import io.zenoo.repository.query.RecordPaths;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The built-in methods of every {@link OdooRepository}, on the fluent API: reads are cached queries of
 * {@code client.model(T.class)}; writes go through the client and then drop the model's cached entries.
 *
 * @param <T> the record type
 * @param <ID> the id type
 */
class SimpleOdooRepository<T, ID> implements OdooRepository<T, ID> {

	private final ZenooClient client;

	private final OdooEntityInformation<T, ID> entity;

	private final RecordPaths<T> paths;

	SimpleOdooRepository(OdooEntityInformation<T, ID> entity, ZenooClient client) {
		this.entity = entity;
		this.client = client;
		this.paths = RecordPaths.of(entity.getJavaType());
	}

	@Override
	public QueryBuilder<T> query() {
		return this.client.model(this.entity.getJavaType());
	}

	/** A read through the cache, unless an annotation caches the result of the whole call. */
	private <R> Mono<R> read(Function<QueryBuilder<T>, Mono<R>> terminal) {
		return Mono.deferContextual(
				(context) -> terminal.apply(CachedInvocation.isActive(context) ? query().noCache() : query()));
	}

	@Override
	public Mono<T> findById(ID id) {
		long value = requireId(id);
		return read((query) -> query.get(value));
	}

	@Override
	public Flux<T> findAllById(Iterable<ID> ids) {
		List<Long> values = requireIds(ids);
		return read((query) -> query.getAll(values)).flatMapIterable((rows) -> rows);
	}

	@Override
	public Flux<T> findAll() {
		return read(QueryBuilder::all).flatMapIterable((rows) -> rows);
	}

	@Override
	public Flux<T> findAll(Sort sort) {
		Objects.requireNonNull(sort, "sort must not be null");
		String order = Orders.of(sort, this.paths);
		return read((query) -> ((order != null) ? query.orderBy(order) : query).all()).flatMapIterable((rows) -> rows);
	}

	@Override
	public Flux<T> findAll(Pageable pageable) {
		Objects.requireNonNull(pageable, "pageable must not be null");
		if (pageable.isUnpaged()) {
			return findAll(pageable.getSort());
		}
		String order = Orders.of(pageable.getSort(), this.paths);
		int offset = Math.toIntExact(pageable.getOffset());
		int size = pageable.getPageSize();
		return read((query) -> {
			QueryBuilder<T> paged = query.limit(size).offset(offset);
			return ((order != null) ? paged.orderBy(order) : paged).all();
		}).flatMapIterable((rows) -> rows);
	}

	@Override
	public Mono<Long> count() {
		return read(QueryBuilder::count);
	}

	@Override
	public Mono<Boolean> existsById(ID id) {
		long value = requireId(id);
		return read((query) -> query.getAll(List.of(value))).map((rows) -> !rows.isEmpty());
	}

	@Override
	public <S extends T> Mono<S> save(S record) {
		Objects.requireNonNull(record, "record must not be null");
		Map<String, Object> values = this.entity.mapper().toValues(record);
		Mono<Long> written = this.entity.isNew(record) ? query().create(values)
				: writeExisting(record, values);
		return written.flatMap((id) -> readBack(List.of(id)))
			.flatMap((rows) -> rows.isEmpty() ? Mono.empty() : Mono.just(cast(record, rows.get(0))));
	}

	@Override
	public <S extends T> Flux<S> saveAll(Iterable<S> records) {
		Objects.requireNonNull(records, "records must not be null");
		List<S> input = new ArrayList<>();
		records.forEach((record) -> input.add(Objects.requireNonNull(record, "records must not contain null")));
		if (input.isEmpty()) {
			return Flux.empty();
		}
		List<Map<String, Object>> created = new ArrayList<>();
		List<Mono<Long>> writes = new ArrayList<>();
		for (S record : input) {
			Map<String, Object> values = this.entity.mapper().toValues(record);
			if (this.entity.isNew(record)) {
				created.add(values);
			}
			else {
				writes.add(writeExisting(record, values));
			}
		}
		Mono<List<Long>> createdIds = created.isEmpty() ? Mono.just(List.of()) : query().createAll(created);
		return createdIds.flatMap((newIds) -> Flux.concat(writes).collectList().map((written) -> order(input, newIds)))
			.flatMap((ids) -> readBack(ids).map((rows) -> inOrder(ids, rows)))
			.flatMapIterable((rows) -> rows)
			.map((row) -> cast(input.get(0), row));
	}

	@Override
	public Mono<Void> deleteById(ID id) {
		long value = requireId(id);
		return query().delete(value).then();
	}

	@Override
	public Mono<Void> deleteAllById(Iterable<? extends ID> ids) {
		List<Long> values = requireIds(ids);
		if (values.isEmpty()) {
			return Mono.empty();
		}
		return query().delete(values).then();
	}

	private Mono<Long> writeExisting(T record, Map<String, Object> values) {
		long id = Objects.requireNonNull(this.entity.idOf(record)).longValue();
		if (values.isEmpty()) {
			return Mono.just(id);
		}
		return query().update(id, values).thenReturn(id);
	}

	/** The ids of the input in its order: existing ones as they are, new ones in the order create returned. */
	private List<Long> order(List<? extends T> input, List<Long> newIds) {
		List<Long> ids = new ArrayList<>(input.size());
		int next = 0;
		for (T record : input) {
			ids.add(this.entity.isNew(record) ? newIds.get(next++)
					: Objects.requireNonNull(this.entity.idOf(record)).longValue());
		}
		return ids;
	}

	private List<T> inOrder(List<Long> ids, List<T> rows) {
		Map<Long, T> byId = new LinkedHashMap<>();
		for (T row : rows) {
			Number id = this.entity.idOf(row);
			if (id != null) {
				byId.put(id.longValue(), row);
			}
		}
		List<T> result = new ArrayList<>(ids.size());
		for (Long id : ids) {
			T row = byId.get(id);
			if (row != null) {
				result.add(row);
			}
		}
		return result;
	}

	private Mono<List<T>> readBack(List<Long> ids) {
		return query().noCache().getAll(ids);
	}

	@SuppressWarnings("unchecked")
	private static <S> S cast(S like, Object row) {
		return (S) row;
	}

	private static long requireId(Object id) {
		if (!(id instanceof Number number) || number.longValue() < 1) {
			throw new IllegalArgumentException("id must be a positive number, got " + id);
		}
		return number.longValue();
	}

	private static List<Long> requireIds(Iterable<?> ids) {
		Objects.requireNonNull(ids, "ids must not be null");
		List<Long> values = new ArrayList<>();
		for (Object id : ids) {
			values.add(requireId(id));
		}
		return values;
	}

}
