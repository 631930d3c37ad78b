package io.zenoo.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/** A Caffeine ticker that moves only when told to. */
final class FakeTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong();

	@Override
	public long read() {
		return this.nanos.get();
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
