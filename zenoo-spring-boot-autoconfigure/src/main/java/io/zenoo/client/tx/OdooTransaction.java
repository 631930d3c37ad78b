package io.zenoo.client.tx;

import java.util.Objects;

import io.zenoo.client.ZenooClient;
import io.zenoo.client.mapping.RecordMapper;

/**
 * The handle a {@link ZenooClient#transaction} function receives: the write operations of the unit of work, per
 * model. See {@link TransactionModel} for what each records to undo, and {@link ZenooClient#transaction} for the
 * guarantees.
 */
public final class OdooTransaction {

	private final UnitOfWork work;

	OdooTransaction(UnitOfWork work) {
		this.work = work;
	}

	/**
	 * The write operations on a model.
	 * @param model for example {@code res.partner}
	 * @return the operations
	 * @throws IllegalArgumentException if the model is null or blank
	 */
	public TransactionModel model(String model) {
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("model must not be null or blank");
		}
		return new TransactionModel(this.work, model);
	}

	/**
	 * The write operations on the model of a record type annotated with {@link io.zenoo.client.model.OdooModel}.
	 * @param recordType for example {@code ResPartner.class}
	 * @return the operations
	 */
	public TransactionModel model(Class<?> recordType) {
		Objects.requireNonNull(recordType, "recordType must not be null");
		return model(RecordMapper.of(recordType).model());
	}

	/**
	 * The client for reads inside the unit of work: the transaction's client, over the same connection and caches.
	 * Its cache invalidation is deferred to the end of the transaction, so read what the transaction wrote with
	 * {@code noCache()} (a cached read may still hold the values from before the transaction). Writes made with it
	 * directly are not part of the unit of work: they are neither ordered nor undone.
	 * @return the client
	 */
	public ZenooClient client() {
		return this.work.client();
	}

}
