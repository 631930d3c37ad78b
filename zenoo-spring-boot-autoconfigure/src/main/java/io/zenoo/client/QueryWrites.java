package io.zenoo.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zenoo.client.mapping.OdooValues;
import io.zenoo.client.transport.OdooCall;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The writes of one {@link QueryBuilder}: the Odoo calls of {@code create}, {@code write} and {@code unlink}, sent
 * through the client's write path (which invalidates the model's cached queries), and the write-through refresh of
 * the written records. Made per write from the builder's immutable state.
 *
 * @param <T> the type of the rows
 */
final class QueryWrites<T> {

	private final QueryBuilder<T> builder;

	private final ZenooClient client;

	private final RowReader<T> reader;

	private final QueryState state;

	private final @Nullable List<String> fields;

	/**
	 * @param builder the query that writes
	 * @param client its client
	 * @param reader its row reader
	 * @param state what it was told
	 * @param fields the fields its {@code get(id)} reads, or {@code null} for Odoo's default
	 */
	QueryWrites(QueryBuilder<T> builder, ZenooClient client, RowReader<T> reader, QueryState state,
			@Nullable List<String> fields) {
		this.builder = builder;
		this.client = client;
		this.reader = reader;
		this.state = state;
		this.fields = fields;
	}

	/**
	 * @param values one map of field values per record, not empty
	 * @return the new ids, in order
	 */
	Mono<List<Long>> createAll(List<? extends Map<String, ?>> values) {
		List<Object> valsList = new ArrayList<>(values.size());
		for (Map<String, ?> vals : values) {
			Objects.requireNonNull(vals, "values must not contain null");
			valsList.add(OdooValues.toWireValues(vals));
		}
		Map<String, Object> kwargs = Map.of("vals_list", valsList);
		String model = this.builder.model();
		OdooCall call = new OdooCall(model, "create", null, List.of(), kwargs, this.state.context(), false);
		return this.client.executeWrite(call)
			.map((node) -> ResultShapes.createdIds(model, node, valsList.size()))
			.flatMap((ids) -> writtenThrough(ids).thenReturn(ids));
	}

	/**
	 * @param idList the validated records
	 * @param values field values by Odoo field name, not empty
	 * @return {@code true} once written
	 */
	Mono<Boolean> update(List<Long> idList, Map<String, ?> values) {
		Map<String, Object> kwargs = Map.of("vals", OdooValues.toWireValues(values));
		OdooCall call = new OdooCall(this.builder.model(), "write", idList, List.of(), kwargs, this.state.context(),
				false);
		return this.client.executeWrite(call)
			.map(ResultShapes::written)
			.flatMap((written) -> writtenThrough(idList).thenReturn(written));
	}

	/**
	 * @param idList the validated records
	 * @return {@code true} once deleted
	 */
	Mono<Boolean> delete(List<Long> idList) {
		OdooCall call = new OdooCall(this.builder.model(), "unlink", idList, List.of(), Map.of(), this.state.context(),
				false);
		return this.client.executeWrite(call).map(ResultShapes::written);
	}

	private Mono<Void> writtenThrough(List<Long> ids) {
		return WriteThrough.refresh(this.builder, this.client, this.reader, this.state, this.fields, ids);
	}

	/**
	 * Checks record ids.
	 * @param ids the ids a caller passed
	 * @return an immutable copy
	 * @throws IllegalArgumentException if an id is null or not positive
	 */
	static List<Long> requireIds(Collection<Long> ids) {
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
