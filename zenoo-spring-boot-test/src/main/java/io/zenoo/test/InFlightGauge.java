package io.zenoo.test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests received and not yet answered, and the most there have been at once. Thread-safe. */
final class InFlightGauge {

	private final AtomicInteger current = new AtomicInteger();

	private final AtomicInteger max = new AtomicInteger();

	/** Counts a request in; the returned action counts it out, once however often it runs. */
	Runnable enter() {
		int now = this.current.incrementAndGet();
		this.max.accumulateAndGet(now, Math::max);
		AtomicBoolean left = new AtomicBoolean();
		return () -> {
			if (left.compareAndSet(false, true)) {
				this.current.decrementAndGet();
			}
		};
	}

	int current() {
		return this.current.get();
	}

	int max() {
		return this.max.get();
	}

	/** Restarts the maximum from the requests in flight now. */
	void clearMax() {
		this.max.set(this.current.get());
	}

}
