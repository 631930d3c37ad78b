package io.zenoo.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;

/**
 * One {@code read} of several ids of one model, shared by the callers that asked for them. Each caller gets a list
 * holding the row of its own id, or an empty list when Odoo did not return that id; an error of the read reaches every
 * caller, except an access error (a record rule hiding some of the ids), after which each id is read alone so that
 * only the callers of hidden records fail; a caller that cancels only stops waiting. Sent at most once, by whoever
 * closes it first (the window's timer or the caller that fills it).
 *
 * @param <T> the row type
 */
final class IdBatch<T> {

	private final String model;

	private final RowReader<T> reader;

	private final Function<List<Long>, Mono<JsonNode>> read;

	/** The waiting callers by id, in arrival order; guarded by {@code this}. */
	private final Map<Long, List<MonoSink<List<T>>>> waiters = new LinkedHashMap<>();

	private boolean sent;

	private boolean timerStarted;

	private ContextView context = Context.empty();

	/**
	 * @param model the model, for error messages
	 * @param reader reads each returned row
	 * @param read the call reading the given ids, not yet subscribed
	 */
	IdBatch(String model, RowReader<T> reader, Function<List<Long>, Mono<JsonNode>> read) {
		this.model = model;
		this.reader = reader;
		this.read = read;
	}

	/**
	 * Adds a caller.
	 * @return how many distinct ids the batch holds now, or {@code -1} when it was already sent
	 */
	synchronized int add(long id, MonoSink<List<T>> sink) {
		if (this.sent) {
			return -1;
		}
		if (this.waiters.isEmpty()) {
			// the read runs in the Reactor context of the first caller (tracing, observation parents)
			this.context = sink.contextView();
		}
		this.waiters.computeIfAbsent(id, (key) -> new ArrayList<>(1)).add(sink);
		return this.waiters.size();
	}

	/** Forgets a caller that cancelled before the batch was sent; its id is left out if nobody else wants it. */
	synchronized void remove(long id, MonoSink<List<T>> sink) {
		if (this.sent) {
			return;
		}
		List<MonoSink<List<T>>> sinks = this.waiters.get(id);
		if (sinks != null && sinks.remove(sink) && sinks.isEmpty()) {
			this.waiters.remove(id);
		}
	}

	/** @return {@code true} the first time only, so one timer is started per batch */
	synchronized boolean startTimer() {
		if (this.timerStarted) {
			return false;
		}
		this.timerStarted = true;
		return true;
	}

	/** Sends the read of every waited-for id, once; later calls do nothing. */
	void send() {
		Map<Long, List<MonoSink<List<T>>>> batch;
		ContextView callerContext;
		synchronized (this) {
			if (this.sent) {
				return;
			}
			this.sent = true;
			batch = new LinkedHashMap<>(this.waiters);
			callerContext = this.context;
		}
		if (!batch.isEmpty()) {
			read(batch, callerContext);
		}
	}

	private void read(Map<Long, List<MonoSink<List<T>>>> batch, ContextView callerContext) {
		List<Long> ids = List.copyOf(batch.keySet());
		// subscribed here, not by any one caller, so that a caller cancelling cannot cancel the read for the others
		Mono.defer(() -> this.read.apply(ids))
			.switchIfEmpty(Mono.error(() -> new OdooUnexpectedResponseException(
					this.model + ".read returned nothing where a list was expected")))
			.contextWrite(callerContext)
			.subscribe((node) -> deliver(batch, node), (ex) -> failed(batch, ex, callerContext));
	}

	private void failed(Map<Long, List<MonoSink<List<T>>>> batch, Throwable ex, ContextView callerContext) {
		if (ex instanceof OdooAccessException && batch.size() > 1) {
			// Odoo refuses a whole read when a record rule hides one of its records: read each id alone, so that
			// every caller gets the answer it would have had without batching
			batch.forEach((id, sinks) -> read(Map.of(id, sinks), callerContext));
			return;
		}
		fail(batch, ex);
	}

	private void deliver(Map<Long, List<MonoSink<List<T>>>> batch, JsonNode node) {
		Map<Long, JsonNode> rows;
		try {
			rows = rowsById(this.model, node);
		}
		catch (RuntimeException ex) {
			fail(batch, ex);
			return;
		}
		batch.forEach((id, sinks) -> {
			JsonNode row = rows.get(id);
			List<T> value;
			try {
				value = (row != null) ? List.of(this.reader.read(row)) : List.of();
			}
			catch (RuntimeException ex) {
				// a row that cannot be mapped fails the callers of that row only
				sinks.forEach((sink) -> sink.error(ex));
				return;
			}
			sinks.forEach((sink) -> sink.success(value));
		});
	}

	private static <T> void fail(Map<Long, List<MonoSink<List<T>>>> batch, Throwable ex) {
		batch.values().forEach((sinks) -> sinks.forEach((sink) -> sink.error(ex)));
	}

	/**
	 * The rows of a {@code read} result by their id.
	 * @throws OdooUnexpectedResponseException if the result is not a list of rows with integer ids
	 */
	static Map<Long, JsonNode> rowsById(String model, JsonNode node) {
		if (!node.isArray()) {
			throw ZenooClient.unexpected(model, "read", "a list", node);
		}
		Map<Long, JsonNode> rows = new HashMap<>();
		for (JsonNode row : node) {
			JsonNode id = row.get("id");
			if (id == null || !ResultShapes.isId(id)) {
				throw ZenooClient.unexpected(model, "read", "rows with an integer id", node);
			}
			rows.put(id.longValue(), row);
		}
		return rows;
	}

}
