package io.zenoo.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * Coalesces the {@code read}s of concurrent {@code get(id)} cache misses (the DataLoader pattern): the first miss for
 * a {@link Key} opens a batch, later misses with an equal key join it, and the batch is read in one call when its
 * window has passed or when it holds {@link BatchSettings#maxSize()} distinct ids, whichever comes first. Nothing
 * blocks: the window is a timer on the given scheduler.
 */
final class GetBatcher {

	/**
	 * What must be equal for two {@code get(id)} calls to share a {@code read}: who asks, the model, the fields, the row
	 * type (its reader) and the context.
	 */
	record Key(String scope, String model, @Nullable List<String> fields, RowReader<?> reader,
			Map<String, Object> context) {
	}

	private final long windowNanos;

	private final int maxSize;

	private final Scheduler timer;

	private final ConcurrentHashMap<Key, IdBatch<?>> open = new ConcurrentHashMap<>();

	GetBatcher(BatchSettings settings, Scheduler timer) {
		this.windowNanos = settings.window().toNanos();
		this.maxSize = settings.maxSize();
		this.timer = timer;
	}

	/**
	 * Reads one id as part of a batch.
	 * @param key what the batch shares
	 * @param id the id
	 * @param reader reads the rows of the key's row type
	 * @param read the call that reads a list of ids with the key's fields and context, not yet subscribed
	 * @return a list of the one row, or an empty list when Odoo did not return the id
	 */
	<T> Mono<List<T>> get(Key key, long id, RowReader<T> reader, Function<List<Long>, Mono<JsonNode>> read) {
		return Mono.create((sink) -> {
			while (true) {
				@SuppressWarnings("unchecked")
				IdBatch<T> batch = (IdBatch<T>) this.open.computeIfAbsent(key,
						(k) -> new IdBatch<>(k.model(), reader, read));
				int size = batch.add(id, sink);
				if (size < 0) {
					// sent meanwhile: make room for a new batch and join that one
					this.open.remove(key, batch);
					continue;
				}
				sink.onCancel(() -> batch.remove(id, sink));
				if (size >= this.maxSize) {
					send(key, batch);
				}
				else if (batch.startTimer()) {
					schedule(key, batch);
				}
				return;
			}
		});
	}

	/** @return how many batches are waiting for their window to pass */
	int openBatches() {
		return this.open.size();
	}

	private void schedule(Key key, IdBatch<?> batch) {
		try {
			this.timer.schedule(() -> send(key, batch), this.windowNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// a disposed scheduler must not leave callers waiting: send without waiting for others
			send(key, batch);
		}
	}

	private void send(Key key, IdBatch<?> batch) {
		this.open.remove(key, batch);
		batch.send();
	}

}
