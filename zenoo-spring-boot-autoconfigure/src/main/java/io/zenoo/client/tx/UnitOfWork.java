package io.zenoo.client.tx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run of {@link ZenooClient#transaction}: the journal of what was done (to undo it in reverse order), the deferred
 * deletes, and the models touched (invalidated once, at the end). Its client suppresses the per-write invalidation.
 */
final class UnitOfWork {

	private static final Logger logger = LoggerFactory.getLogger(UnitOfWork.class);

	/** Archived records are written and restored like any other. */
	private static final Map<String, Object> ALL_RECORDS = Map.of("active_test", false);

	private final ZenooClient client;

	private final @Nullable ZenooCacheManager cacheManager;

	private final Set<String> touched = Collections.synchronizedSet(new LinkedHashSet<>());

	private final List<Step> done = new ArrayList<>();

	private final List<Deletion> deletions = new ArrayList<>();

	private volatile boolean ended;

	/** Something done in Odoo and how to undo it. */
	private record Step(String description, Mono<?> undo) {
	}

	private record Deletion(String model, List<Long> ids) {
	}

	private UnitOfWork(ZenooClient client) {
		this.cacheManager = client.cacheManager();
		this.client = client.withWriteInvalidator((models) -> {
			this.touched.addAll(models);
			return Mono.empty();
		});
	}

	/** Run a transaction; see {@link ZenooClient#transaction}. */
	static <R> Mono<R> run(ZenooClient client, Function<OdooTransaction, ? extends Mono<R>> function) {
		if (function == null) {
			throw new IllegalArgumentException("function must not be null");
		}
		return Mono.defer(() -> {
			UnitOfWork work = new UnitOfWork(client);
			OdooTransaction tx = new OdooTransaction(work);
			return Mono.defer(() -> {
				Mono<R> body = function.apply(tx);
				if (body == null) {
					return Mono.error(new IllegalArgumentException("the transaction function returned null"));
				}
				return body;
			})
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((result) -> work.commitDeletions().thenReturn(result))
				.onErrorResume((failure) -> work.rollback(failure).flatMap(Mono::error))
				.flatMap((result) -> work.end().then(Mono.justOrEmpty(result)))
				.doOnCancel(() -> work.rollback(new IllegalStateException("transaction cancelled"))
					.subscribe((ignored) -> {
					}, (ex) -> logger.warn("Rollback of a cancelled transaction failed: {}", ex.toString())));
		});
	}

	ZenooClient client() {
		return this.client;
	}

	Mono<Long> create(String model, Map<String, ?> values) {
		return Mono.defer(() -> {
			requireOpen();
			return this.client.model(model).context(ALL_RECORDS).create(values).doOnNext((id) -> record(
					"created " + model + " " + id, this.client.model(model).context(ALL_RECORDS).delete(id)));
		});
	}

	Mono<Boolean> update(String model, List<Long> ids, Map<String, ?> values) {
		return Mono.defer(() -> {
			requireOpen();
			List<String> fields = List.copyOf(values.keySet());
			return this.client.model(model)
				.context(ALL_RECORDS)
				.fields(fields)
				.noCache()
				.getAll(ids)
				.flatMap((before) -> this.client.model(model).context(ALL_RECORDS).update(ids, values)
					.doOnNext((written) -> recordRestore(model, fields, before)));
		});
	}

	Mono<Void> delete(String model, List<Long> ids) {
		return Mono.fromRunnable(() -> {
			requireOpen();
			synchronized (this) {
				this.deletions.add(new Deletion(model, ids));
			}
		});
	}

	private void recordRestore(String model, List<String> fields, List<Map<String, Object>> before) {
		for (Map<String, Object> row : before) {
			long id = ((Number) row.get("id")).longValue();
			Map<String, Object> previous = new LinkedHashMap<>();
			for (String field : fields) {
				previous.put(field, WritableValues.of(row.get(field)));
			}
			record("updated " + model + " [" + id + "] (" + String.join(", ", fields) + ")",
					this.client.model(model).context(ALL_RECORDS).update(id, previous));
		}
	}

	private synchronized void record(String description, Mono<?> undo) {
		this.done.add(new Step(description, undo));
	}

	private Mono<Void> commitDeletions() {
		return Mono.defer(() -> {
			List<Deletion> toRun;
			synchronized (this) {
				toRun = List.copyOf(this.deletions);
			}
			return Flux.fromIterable(toRun)
				.concatMap((deletion) -> this.client.model(deletion.model())
					.context(ALL_RECORDS)
					.delete(deletion.ids())
					.doOnNext((deleted) -> record("deleted " + deletion.model() + " " + deletion.ids(),
							Mono.error(new IllegalStateException("a deleted record cannot be restored")))))
				.then();
		});
	}

	/**
	 * Undo every step in reverse order, invalidate the touched models, and give the error to signal: the failure
	 * itself when everything was undone, else a {@link CompensationFailedException}.
	 */
	private Mono<Throwable> rollback(Throwable failure) {
		return Mono.defer(() -> {
			List<Step> steps;
			synchronized (this) {
				if (this.ended) {
					return Mono.just(failure);
				}
				this.ended = true;
				steps = new ArrayList<>(this.done);
				this.done.clear();
			}
			Collections.reverse(steps);
			List<String> notUndone = Collections.synchronizedList(new ArrayList<>());
			List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
			return Flux.fromIterable(steps)
				.concatMap((step) -> step.undo().then().onErrorResume((ex) -> {
					notUndone.add(0, step.description());
					errors.add(ex);
					return Mono.empty();
				}))
				.then(invalidate())
				.then(Mono.fromSupplier(() -> {
					if (notUndone.isEmpty()) {
						return failure;
					}
					CompensationFailedException error = new CompensationFailedException(notUndone, failure);
					errors.forEach(error::addSuppressed);
					logger.error("Transaction rollback incomplete: {}", error.getMessage());
					return error;
				}));
		});
	}

	private Mono<Void> end() {
		return Mono.defer(() -> {
			synchronized (this) {
				if (this.ended) {
					return Mono.empty();
				}
				this.ended = true;
			}
			return invalidate();
		});
	}

	/** Invalidate every model touched, once, as one write through the client would (errors are not signalled). */
	private Mono<Void> invalidate() {
		return Mono.defer(() -> {
			Set<String> models;
			synchronized (this.touched) {
				models = Set.copyOf(this.touched);
			}
			if (this.cacheManager == null || models.isEmpty()) {
				return Mono.empty();
			}
			return this.cacheManager.invalidateModels(models).onErrorResume(IllegalArgumentException.class, (ex) -> {
				logger.debug("Not invalidating {}: {}", models, ex.getMessage());
				return Mono.empty();
			});
		});
	}

	private void requireOpen() {
		if (this.ended) {
			throw new IllegalStateException("the transaction has ended: its operations can no longer be used");
		}
	}

	static List<Long> requireIds(Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			throw new IllegalArgumentException("ids must not be null or empty");
		}
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
