package io.zenoo.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.zenoo.cache.stats.ModelStats;
import org.jspecify.annotations.Nullable;

/**
 * What detailed statistics add to a cache's counters while they are enabled: response times of hits and of misses,
 * and lookups per Odoo model. Exists only while enabled, so the disabled path pays nothing.
 */
final class DetailedRecorder {

	private final LongAdder hitNanos = new LongAdder();

	private final LongAdder timedHits = new LongAdder();

	private final LongAdder missNanos = new LongAdder();

	private final LongAdder timedMisses = new LongAdder();

	private final ConcurrentHashMap<String, ModelCounters> models = new ConcurrentHashMap<>();

	void hit(Object key, long elapsedNanos) {
		this.hitNanos.add(elapsedNanos);
		this.timedHits.increment();
		ModelCounters counters = countersOf(key);
		if (counters != null) {
			counters.hits.increment();
		}
	}

	void miss(Object key) {
		ModelCounters counters = countersOf(key);
		if (counters != null) {
			counters.misses.increment();
		}
	}

	void missCompleted(long elapsedNanos) {
		this.missNanos.add(elapsedNanos);
		this.timedMisses.increment();
	}

	double averageHitMillis() {
		return averageMillis(this.hitNanos.sum(), this.timedHits.sum());
	}

	double averageMissMillis() {
		return averageMillis(this.missNanos.sum(), this.timedMisses.sum());
	}

	Map<String, ModelStats> byModel() {
		Map<String, ModelStats> result = new LinkedHashMap<>();
		new TreeMap<>(this.models).forEach((model, counters) -> result.put(model,
				ModelStats.of(counters.hits.sum(), counters.misses.sum())));
		return result;
	}

	private @Nullable ModelCounters countersOf(Object key) {
		String model = (key instanceof CacheKeyText text) ? text.model() : null;
		return (model != null) ? this.models.computeIfAbsent(model, (name) -> new ModelCounters()) : null;
	}

	private static double averageMillis(long nanos, long count) {
		return (count > 0) ? nanos / 1_000_000.0 / count : 0.0;
	}

	private static final class ModelCounters {

		private final LongAdder hits = new LongAdder();

		private final LongAdder misses = new LongAdder();

	}

}
