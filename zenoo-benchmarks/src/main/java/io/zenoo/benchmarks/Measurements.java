package io.zenoo.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Figures a benchmark measures itself, beside the time JMH measures: the p99 wait of 1,000 concurrent callers, the
 * heap a cached result retains. A benchmark records them during an iteration; {@link MeasurementsProfiler} hands them
 * to JMH after the iteration, so they travel back from the forked JVM as secondary results named
 * {@code <Class>.<method>:<label>}.
 */
final class Measurements {

	private static final Map<String, ScalarResult> pending = new LinkedHashMap<>();

	private Measurements() {
	}

	/**
	 * Record a figure of the current iteration (a later figure of the same label replaces it).
	 * @param label the name of the secondary result
	 * @param value the figure
	 * @param unit its unit
	 * @param policy how JMH combines the iterations' figures ({@code AVG} for a typical value, {@code MAX} for a
	 * worst case)
	 */
	static synchronized void record(String label, double value, String unit, AggregationPolicy policy) {
		pending.put(label, new ScalarResult(label, value, unit, policy));
	}

	/** @return the figures recorded since the last call, which are then forgotten */
	static synchronized List<ScalarResult> drain() {
		List<ScalarResult> results = new ArrayList<>(pending.values());
		pending.clear();
		return results;
	}

}
