package io.zenoo.benchmarks;

import java.util.Collection;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * Reports the figures benchmarks record in {@link Measurements} as JMH secondary results. It runs inside the
 * benchmark's JVM (an internal profiler), which is where the figures are; the runner always adds it.
 */
public class MeasurementsProfiler implements InternalProfiler {

	@Override
	public String getDescription() {
		return "Figures measured by the benchmarks themselves (p99 wait, retained heap)";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		Measurements.drain();
	}

	@Override
	@SuppressWarnings("rawtypes") // the interface's own signature
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		return Measurements.drain();
	}

}
