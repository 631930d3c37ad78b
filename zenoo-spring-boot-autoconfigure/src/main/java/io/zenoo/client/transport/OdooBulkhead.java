package io.zenoo.client.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.error.OdooBulkheadFullException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The limit on requests in flight to one Odoo server ({@link BulkheadSettings}), shared by every transport over the
 * same connection pool. Read-only to callers: what it reports feeds the {@code zenoo.odoo.requests.*} meters.
 * <p>
 * Waiting does not block: a request over the limit subscribes to a one-shot signal that the request finishing before
 * it fires (first in, first out). Each place is given back exactly once, whether the request completes, fails or is
 * cancelled, and whether it is cancelled while waiting or while in flight.
 */
public final class OdooBulkhead {

	private static final int NEW = 0;

	private static final int WAITING = 1;

	private static final int GRANTED = 2;

	private static final int DONE = 3;

	/** Never emitted: the signal of places that did not wait. */
	private static final Sinks.One<Void> NO_SIGNAL = Sinks.one();

	private final BulkheadSettings settings;

	private final String server;

	private final Object lock = new Object();

	private final ArrayDeque<Place> waiting = new ArrayDeque<>();

	private volatile int inFlight;

	private volatile int queued;

	private final AtomicLong rejected = new AtomicLong();

	OdooBulkhead(BulkheadSettings settings, String server) {
		this.settings = settings;
		this.server = server;
	}

	/**
	 * The most requests in flight.
	 * @return the limit; {@code 0} when there is none
	 */
	public int maxConcurrent() {
		return this.settings.maxConcurrent();
	}

	/**
	 * The most requests waiting for a place.
	 * @return the queue's length
	 */
	public int maxQueued() {
		return this.settings.maxQueued();
	}

	/**
	 * Requests holding a place now (always 0 without a limit, since nothing is counted then).
	 * @return the requests in flight
	 */
	public int inFlight() {
		return this.inFlight;
	}

	/**
	 * Requests waiting for a place now.
	 * @return the queued requests
	 */
	public int queued() {
		return this.queued;
	}

	/**
	 * Requests refused so far, because the queue was full or they waited too long.
	 * @return the rejections
	 */
	public long rejected() {
		return this.rejected.get();
	}

	/**
	 * Sends {@code request} when a place is free; without a limit, at once.
	 * @param request the request, not yet subscribed
	 * @param target what the request is for, named in the error
	 * @return the request's result, or an {@link OdooBulkheadFullException}
	 */
	<T> Mono<T> guard(Mono<T> request, Target target) {
		if (!this.settings.enabled()) {
			return request;
		}
		return Mono.defer(() -> {
			Place place = new Place();
			// given back before the caller hears of the outcome, or after a cancellation has reached the request
			return acquire(place, target).then(request)
				.doOnTerminate(() -> release(place))
				.doFinally((signal) -> release(place));
		});
	}

	private Mono<Void> acquire(Place place, Target target) {
		synchronized (this.lock) {
			if (this.inFlight < this.settings.maxConcurrent()) {
				this.inFlight++;
				place.state.set(GRANTED);
				return Mono.empty();
			}
			if (this.waiting.size() >= this.settings.maxQueued()) {
				this.rejected.incrementAndGet();
				place.state.set(DONE);
				return Mono.error(full(target));
			}
			place.state.set(WAITING);
			place.granted = Sinks.one();
			this.waiting.add(place);
			this.queued = this.waiting.size();
		}
		return place.granted.asMono().timeout(this.settings.queueTimeout(), Mono.defer(() -> {
			this.rejected.incrementAndGet();
			return Mono.error(timedOut(target));
		}));
	}

	/** Gives the place back, or leaves the queue; a no-op the second time. */
	private void release(Place place) {
		if (place.state.compareAndSet(WAITING, DONE)) {
			synchronized (this.lock) {
				this.waiting.remove(place);
				this.queued = this.waiting.size();
			}
			return;
		}
		if (!place.state.compareAndSet(GRANTED, DONE)) {
			return;
		}
		Place next;
		synchronized (this.lock) {
			next = this.waiting.poll();
			while (next != null && !next.state.compareAndSet(WAITING, GRANTED)) {
				next = this.waiting.poll();
			}
			if (next == null) {
				this.inFlight--;
			}
			this.queued = this.waiting.size();
		}
		if (next != null) {
			next.granted.tryEmitEmpty();
		}
	}

	private OdooBulkheadFullException full(Target target) {
		return new OdooBulkheadFullException("Odoo at " + this.server + ": " + target + " was not sent: "
				+ this.settings.maxConcurrent() + " requests are in flight (zenoo.odoo.max-concurrent-requests) and "
				+ this.settings.maxQueued() + " are waiting (zenoo.odoo.max-queued-requests)", false);
	}

	private OdooBulkheadFullException timedOut(Target target) {
		return new OdooBulkheadFullException("Odoo at " + this.server + ": " + target + " was not sent: it waited "
				+ format(this.settings.queueTimeout()) + " (zenoo.odoo.queue-timeout) while "
				+ this.settings.maxConcurrent() + " requests were in flight (zenoo.odoo.max-concurrent-requests)",
				true);
	}

	private static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	@Override
	public String toString() {
		return "OdooBulkhead[" + this.server + ", inFlight=" + this.inFlight + "/" + this.settings.maxConcurrent()
				+ ", queued=" + this.queued + "/" + this.settings.maxQueued() + ", rejected=" + rejected() + "]";
	}

	/** One request's place: new, waiting, granted, then done (given back, left the queue, or refused). */
	private static final class Place {

		final AtomicInteger state = new AtomicInteger(NEW);

		/** Set, under the lock, before the place joins the queue; only waiting places need one. */
		Sinks.One<Void> granted = NO_SIGNAL;

	}

}
