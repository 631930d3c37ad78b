package io.zenoo.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.zenoo.cache.stats.ModelStats;
import org.jspecify.annotations.Nullable;

/**
 * A cache's hits and misses per Odoo model, counted while detailed statistics are enabled. They are kept for the
 * cache's life (a lookup may still be counting into them when detailed statistics are switched off), and a recording
 * reports what they gained since it started.
 * <p>
 * While detailed statistics are enabled a lookup of a model's key counts here <em>instead of</em> in the cache's
 * overall counters, which add these in, so the per-model breakdown costs a counter lookup but no second increment.
 */
final class ModelCounters {

	private static final int RECENT_MODELS = 16;

	private final ConcurrentHashMap<String, Counts> byModel = new ConcurrentHashMap<>();

	/**
	 * The counts of recently seen models by the model name's hash: most lookups find theirs here by identity of the
	 * name (a record type's model is one string) without a map lookup. Written without synchronization: a lost write
	 * only costs a later map lookup, and the counts' fields are final, so a reader sees them complete.
	 */
	private final @Nullable Counts[] recent = new Counts[RECENT_MODELS];

	/**
	 * The counts last placed in {@link #recent}: a cache serving one model finds it with one comparison. Written only
	 * on the slow path, never per lookup, so that lookups on many cores do not fight over its cache line.
	 */
	private @Nullable Counts last;

	/** The counts of a key's model, or {@code null} when the key belongs to no model. */
	@Nullable Counts of(Object key) {
		String model = (key instanceof CacheKeyText text) ? text.model() : null;
		if (model == null) {
			return null;
		}
		Counts last = this.last;
		if (last != null && last.model == model) {
			return last;
		}
		int slot = model.hashCode() & (RECENT_MODELS - 1);
		Counts counts = this.recent[slot];
		if (counts == null || counts.model != model) {
			counts = this.byModel.computeIfAbsent(model, Counts::new);
			this.recent[slot] = counts;
			this.last = counts;
		}
		return counts;
	}

	long hits() {
		long sum = 0;
		for (Counts counts : this.byModel.values()) {
			sum += counts.hits.sum();
		}
		return sum;
	}

	long misses() {
		long sum = 0;
		for (Counts counts : this.byModel.values()) {
			sum += counts.misses.sum();
		}
		return sum;
	}

	/** Hits and misses per model now, to report later counts from. */
	Map<String, ModelStats> snapshot() {
		Map<String, ModelStats> snapshot = new ConcurrentHashMap<>();
		this.byModel.forEach((model, counts) -> snapshot.put(model, counts.stats()));
		return snapshot;
	}

	/** What each model gained since the snapshot, by model name; models that gained nothing are left out. */
	Map<String, ModelStats> since(Map<String, ModelStats> snapshot) {
		Map<String, ModelStats> result = new LinkedHashMap<>();
		new TreeMap<>(this.byModel).forEach((model, counts) -> {
			ModelStats now = counts.stats();
			ModelStats before = snapshot.getOrDefault(model, ModelStats.of(0, 0));
			long hits = now.hits() - before.hits();
			long misses = now.misses() - before.misses();
			if (hits + misses > 0) {
				result.put(model, ModelStats.of(hits, misses));
			}
		});
		return result;
	}

	/** One model's counts. */
	static final class Counts {

		private final String model;

		final LongAdder hits = new LongAdder();

		final LongAdder misses = new LongAdder();

		private Counts(String model) {
			this.model = model;
		}

		private ModelStats stats() {
			return ModelStats.of(this.hits.sum(), this.misses.sum());
		}

	}

}
