package io.zenoo.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generations of memory caches: counters of this JVM alone (memory entries never leave it). A model's number is
 * its own counter plus an epoch that {@link #bumpAll()} raises, so both kinds of change only ever make it grow.
 */
final class LocalGenerations implements GenerationSource {

	private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

	private final AtomicLong epoch = new AtomicLong();

	@Override
	public long current(String model) {
		AtomicLong counter = this.counters.get(model);
		return ((counter != null) ? counter.get() : 0L) + this.epoch.get();
	}

	/** A new number for one model. */
	void bump(String model) {
		this.counters.computeIfAbsent(model, (name) -> new AtomicLong()).incrementAndGet();
	}

	/** A new number for every model (another instance's changes may have been missed). */
	void bumpAll() {
		this.epoch.incrementAndGet();
	}

}
