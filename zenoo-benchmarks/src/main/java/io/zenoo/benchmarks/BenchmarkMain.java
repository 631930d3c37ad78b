package io.zenoo.benchmarks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH command-line options are passed through), optionally the sample application under
 * {@code wrk}, and prints each goal of {@link Goal#ALL} as a ratio of two figures measured in the same run; absolute
 * figures are shown beside but never judged. The summary goes to {@code target/benchmark-summary.md}; with
 * {@code --report <dir>} the full report ({@link PerformanceReport}) is written there too.
 * <p>
 * Own options, before JMH's: {@code --report <dir>}, {@code --sample-app <jar>} (runs goal 10),
 * {@code --wrk-seconds <n>} (default 10), {@code --wrk-threads <n>} (default 2), {@code --wrk-connections <n>}
 * (default 32). A benchmark that fails (for example more than one RPC for 1,000 identical misses) leaves its goals
 * unmeasured, which makes the command exit with status 1 once the report is written (unless benchmarks were selected
 * by a regular expression).
 */
public final class BenchmarkMain {

	/** The {@code SampleTime} benchmarks drawn in the chart: {@link LatencyDistributionBenchmark}'s four. */
	private static final int LATENCY_SERIES = 4;

	private static final String FOOTPRINT = MemoryFootprintBenchmark.class.getName() + ".cacheResults";

	private BenchmarkMain() {
	}

	public static void main(String[] args)
			throws RunnerException, CommandLineOptionException, IOException, InterruptedException {
		long start = System.nanoTime();
		Path report = null;
		Path sampleApp = null;
		int wrkSeconds = 10;
		int wrkThreads = 2;
		int wrkConnections = 32;
		List<String> jmhArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--report" -> report = Path.of(value(args, ++i, "--report"));
				case "--sample-app" -> sampleApp = Path.of(value(args, ++i, "--sample-app"));
				case "--wrk-seconds" -> wrkSeconds = intValue(args, ++i, "--wrk-seconds");
				case "--wrk-threads" -> wrkThreads = intValue(args, ++i, "--wrk-threads");
				case "--wrk-connections" -> wrkConnections = intValue(args, ++i, "--wrk-connections");
				default -> jmhArgs.add(args[i]);
			}
		}
		WrkLoad.Settings wrk = (sampleApp != null)
				? new WrkLoad.Settings(sampleApp, Duration.ofSeconds(wrkSeconds), wrkThreads, wrkConnections) : null;
		CommandLineOptions commandLine = new CommandLineOptions(jmhArgs.toArray(String[]::new));
		Options options = new OptionsBuilder().parent(commandLine).build();
		// a failing benchmark (or wrk run) does not stop the others: a long run is not lost to one error, which fails
		// the command below once the report is written
		Scores scores = measure(options, null, false);
		String wrkNote = (wrk != null) ? null
				: "not measured in this run (the runner was not given `--sample-app <jar>`).";
		if (wrk != null) {
			try {
				WrkLoad.run(wrk).forEach(scores::put);
			}
			catch (IllegalStateException | IOException ex) {
				wrkNote = "**the wrk run failed**: " + ex.getMessage().lines().findFirst().orElse("");
			}
		}
		String summary = summary(scores);
		Path out = Path.of("target", "benchmark-summary.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, summary, StandardCharsets.UTF_8);
		if (report != null) {
			PerformanceReport.write(report, scores, MachineInfo.current(),
					Duration.ofNanos(System.nanoTime() - start), wrkNote);
		}
		PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		console.println();
		console.print(summary);
		if (report != null) {
			console.println("Report written to " + report.resolve(PerformanceReport.MARKDOWN));
		}
		List<String> unmeasured = Goal.ALL.stream()
			.filter((goal) -> !goal.evaluate(scores).measured() && (wrk != null || !goal.needsWrk()))
			.map(Goal::number)
			.toList();
		if (commandLine.getIncludes().isEmpty()
				&& (!unmeasured.isEmpty() || scores.distributions().size() != LATENCY_SERIES)) {
			console.println("FAILED: goal(s) " + unmeasured + " and " + (LATENCY_SERIES - scores.distributions().size())
					+ " latency distribution(s) could not be measured: a benchmark failed (see its exception above;"
					+ " goal 6 fails when 1,000 identical misses make more than 1 RPC)");
			System.exit(1);
		}
	}

	/**
	 * Run the benchmarks the options select (with {@link MeasurementsProfiler} added), then, if asked, the sample
	 * application under wrk.
	 * @param failOnError whether a benchmark's error stops the run with an exception (otherwise the benchmark has no
	 * score)
	 */
	static Scores measure(Options options, WrkLoad.@Nullable Settings wrk, boolean failOnError)
			throws RunnerException, IOException, InterruptedException {
		Options withMeasurements = new OptionsBuilder().parent(options)
			.exclude(FOOTPRINT)
			.addProfiler(MeasurementsProfiler.class)
			.shouldFailOnError(failOnError)
			.build();
		Scores scores = new Scores();
		scores.addAll(new Runner(withMeasurements).run());
		if (options.getIncludes().isEmpty()
				|| options.getIncludes().stream().anyMatch((regex) -> Pattern.compile(regex).matcher(FOOTPRINT).find())) {
			scores.addAll(new Runner(footprintOptions(options, failOnError)).run());
		}
		if (wrk != null) {
			WrkLoad.run(wrk).forEach(scores::put);
		}
		return scores;
	}

	/**
	 * The heap footprint benchmark runs on its own, with the same forks and iterations but no other profiler: the
	 * heap it measures must not include what a profiler keeps. It always runs in a fork, also when the others run in
	 * this JVM (the smoke test): a heap delta taken in a JVM that ran the other benchmarks measures their leftovers
	 * too, and came out negative there.
	 */
	private static Options footprintOptions(Options options, boolean failOnError) {
		OptionsBuilder builder = new OptionsBuilder();
		builder.include(FOOTPRINT).addProfiler(MeasurementsProfiler.class).shouldFailOnError(failOnError);
		if (options.getForkCount().hasValue()) {
			builder.forks(Math.max(1, options.getForkCount().get()));
		}
		if (options.getWarmupIterations().hasValue()) {
			builder.warmupIterations(options.getWarmupIterations().get());
		}
		if (options.getMeasurementIterations().hasValue()) {
			// the largest figure of the iterations is reported (see MemoryFootprintBenchmark): at least three
			builder.measurementIterations(Math.max(3, options.getMeasurementIterations().get()));
		}
		if (options.getJvm().hasValue()) {
			builder.jvm(options.getJvm().get());
		}
		if (options.verbosity().hasValue()) {
			builder.verbosity(options.verbosity().get());
		}
		return builder.build();
	}

	/** @return the goals' table as markdown */
	static String summary(Scores scores) {
		StringBuilder summary = new StringBuilder();
		summary.append("| # | goal | subject | baseline | ratio | limit | met |\n|---|---|---|---|---|---|---|\n");
		for (Goal goal : Goal.ALL) {
			Goal.Outcome outcome = goal.evaluate(scores);
			if (!outcome.measured()) {
				continue;
			}
			summary.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %s | %s |%n", goal.number(),
					goal.name(), outcome.subject().format(), outcome.baseline().format(), outcome.ratio(),
					goal.limitText(), outcome.verdict()));
		}
		return summary.toString();
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int intValue(String[] args, int index, String option) {
		String value = value(args, index, option);
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'", ex);
		}
	}

}
