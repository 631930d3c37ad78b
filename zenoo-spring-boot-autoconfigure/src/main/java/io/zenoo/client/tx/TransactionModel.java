package io.zenoo.client.tx;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * The write operations of a transaction on one model. Each runs when its {@code Mono} is subscribed to, so the steps
 * run in the order the transaction's function chains them ({@code then}, {@code flatMap}); steps run concurrently
 * ({@code Mono.zip}) are undone in the order they completed, reversed.
 * <ul>
 * <li>{@link #create(Map)} creates at once; undone by deleting the new record.</li>
 * <li>{@link #update(long, Map)} first reads the written fields' current values (one {@code read}, archived records
 * included), then writes; undone by writing those values back.</li>
 * <li>{@link #delete(long)} is <em>deferred</em>: it runs when the function's {@code Mono} completed successfully,
 * after every other step, because a deleted record cannot be brought back (a new one would get a new id and lose
 * what pointed to it). A failure before it therefore leaves nothing deleted.</li>
 * </ul>
 */
public final class TransactionModel {

	private final UnitOfWork work;

	private final String model;

	TransactionModel(UnitOfWork work, String model) {
		this.work = work;
		this.model = model;
	}

	/** @return the model */
	public String model() {
		return this.model;
	}

	/**
	 * Create a record; the rollback deletes it.
	 * @param values field values by Odoo field name
	 * @return the new id
	 */
	public Mono<Long> create(Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		return this.work.create(this.model, values);
	}

	/**
	 * Write values to a record; the rollback writes back the values these fields had before.
	 * @param id the record
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 */
	public Mono<Boolean> update(long id, Map<String, ?> values) {
		return update(List.of(id), values);
	}

	/**
	 * Write the same values to several records; the rollback writes back each record's previous values.
	 * @param ids the records
	 * @param values field values by Odoo field name
	 * @return {@code true} once written
	 * @throws IllegalArgumentException if no id or no value is given, or an id is not positive
	 */
	public Mono<Boolean> update(Collection<Long> ids, Map<String, ?> values) {
		Objects.requireNonNull(values, "values must not be null");
		if (values.isEmpty()) {
			throw new IllegalArgumentException("values must name at least one field");
		}
		return this.work.update(this.model, UnitOfWork.requireIds(ids), values);
	}

	/**
	 * Delete a record when the transaction commits (see the class description).
	 * @param id the record
	 * @return completes at once, when the delete is recorded
	 */
	public Mono<Void> delete(long id) {
		return delete(List.of(id));
	}

	/**
	 * Delete records when the transaction commits.
	 * @param ids the records
	 * @return completes at once, when the delete is recorded
	 * @throws IllegalArgumentException if no id is given, or an id is not positive
	 */
	public Mono<Void> delete(Collection<Long> ids) {
		return this.work.delete(this.model, UnitOfWork.requireIds(ids));
	}

}
