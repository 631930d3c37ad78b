package io.zenoo.benchmarks;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Every figure of one run by name: {@code <Class>.<method>} for a JMH primary score,
 * {@code <Class>.<method>:<label>} for a secondary one ({@code :gc.alloc.rate.norm}, {@code :p99 wait}),
 * {@code wrk:<path>} for a wrk run's requests per second. Also keeps the latency percentiles of the
 * {@code SampleTime} benchmarks and the forks and iterations each benchmark ran with.
 */
final class Scores {

	/** The percentiles kept of a {@code SampleTime} benchmark, in this order ({@code 100} is the maximum). */
	static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99, 100.0);

	private final Map<String, Score> scores = new LinkedHashMap<>();

	private final Map<String, Distribution> distributions = new LinkedHashMap<>();

	private final Set<String> settings = new LinkedHashSet<>();

	/** Add JMH's results. */
	void addAll(Collection<RunResult> results) {
		for (RunResult result : results) {
			BenchmarkParams params = result.getParams();
			String name = shortName(params.getBenchmark());
			Result<?> primary = result.getPrimaryResult();
			put(name, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
			for (var secondary : result.getSecondaryResults().entrySet()) {
				Result<?> value = secondary.getValue();
				String label = secondary.getKey().startsWith("·") ? secondary.getKey().substring(1) : secondary.getKey();
				put(name + ":" + label, new Score(value.getScore(), value.getScoreError(), value.getScoreUnit()));
			}
			if (params.getMode() == Mode.SampleTime) {
				Statistics statistics = primary.getStatistics();
				this.distributions.put(name, new Distribution(primary.getScoreUnit(),
						PERCENTILES.stream().mapToDouble(statistics::getPercentile).toArray()));
			}
			this.settings.add(params.getForks() + " fork(s) × " + params.getWarmup().getCount() + " warm-up × "
					+ params.getMeasurement().getCount() + " measurement iterations"
					+ ((params.getMode() == Mode.SingleShotTime) ? " (single shots)"
							: " of " + params.getMeasurement().getTime()));
		}
	}

	void put(String name, Score score) {
		this.scores.put(name, score);
	}

	@Nullable Score get(String name) {
		return this.scores.get(name);
	}

	/** @return every figure, in the order measured */
	Map<String, Score> all() {
		return Collections.unmodifiableMap(this.scores);
	}

	/** @return the {@code SampleTime} benchmarks' percentiles by benchmark */
	Map<String, Distribution> distributions() {
		return Collections.unmodifiableMap(this.distributions);
	}

	/** @return the distinct forks × iterations settings the benchmarks ran with */
	Set<String> settings() {
		return Collections.unmodifiableSet(this.settings);
	}

	/**
	 * A latency distribution.
	 * @param unit the unit of the values
	 * @param percentiles the values at {@link #PERCENTILES}
	 */
	record Distribution(String unit, double[] percentiles) {
	}

	/** {@code io.zenoo.benchmarks.MemoryHitBenchmark.zenooMemoryHit} → {@code MemoryHitBenchmark.zenooMemoryHit}. */
	static String shortName(String benchmark) {
		return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
	}

}
