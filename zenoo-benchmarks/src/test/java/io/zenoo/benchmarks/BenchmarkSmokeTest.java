package io.zenoo.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark for a moment, in this JVM (no forks, one warm-up and one measurement iteration of 100 ms; the heap
 * footprint benchmark in one fork of its own, as its heap delta must not include the other benchmarks' leftovers), so that
 * none can rot: each must produce a score, every goal must find its figures (a renamed benchmark fails here), goal 6
 * must see exactly one RPC, and the report and its chart must be written. The "100k" invalidation benchmarks hold
 * 5,000 entries here (filling Redis with 100,000 takes half a minute). The sample application runs under wrk for
 * 1 s per endpoint when wrk is installed and the sample application's jar is built (as it is in a full {@code ./mvnw verify});
 * otherwise the test says so loudly and checks the other goals.
 */
class BenchmarkSmokeTest {

	private static final Path SAMPLE_APP_TARGET = Path.of("..", "zenoo-sample-app", "target");

	@TempDir
	Path reportDirectory;

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void everyBenchmarkScoresEveryGoalResolvesAndTheReportIsWritten() throws Exception {
		Options options = new OptionsBuilder().include("io\\.zenoo\\.benchmarks\\..*")
			.forks(0)
			.warmupIterations(1)
			.warmupTime(TimeValue.milliseconds(100))
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(100))
			.addProfiler(GCProfiler.class)
			.build();
		WrkLoad.Settings wrk = wrkSettings().orElse(null);
		long start = System.nanoTime();
		Scores scores;
		System.setProperty(InvalidationBenchmark.LARGE_ENTRIES, "5000");
		// the sample application starts while the benchmarks run: the smoke test's figures are not judged
		try (WrkLoad.Started app = (wrk != null) ? WrkLoad.start(wrk) : null) {
			scores = BenchmarkMain.measure(options, null, true);
			if (app != null) {
				app.measure().forEach(scores::put);
			}
		}
		finally {
			System.clearProperty(InvalidationBenchmark.LARGE_ENTRIES);
		}

		for (String benchmark : benchmarkNames()) {
			Score score = scores.get(benchmark);
			assertThat(score).as("score of %s", benchmark).isNotNull();
			assertThat(score.value()).as("score of %s", benchmark).isPositive().isFinite();
		}
		for (Goal goal : Goal.ALL) {
			if (goal.needsWrk() && wrk == null) {
				continue;
			}
			Goal.Outcome outcome = goal.evaluate(scores);
			assertThat(outcome.subject()).as("goal %s's subject %s", goal.number(), goal.subject()).isNotNull();
			assertThat(outcome.baseline()).as("goal %s's baseline %s", goal.number(), goal.baseline()).isNotNull();
			assertThat(outcome.ratio()).as("goal %s's ratio", goal.number()).isPositive().isFinite();
		}
		assertThat(scores.get("ConcurrentMissBenchmark.thousandIdenticalMisses:rpcs").value()).isEqualTo(1.0);
		// the footprint benchmark runs in a fork of its own even here, so its heap figure is a real one
		assertThat(scores.get("MemoryFootprintBenchmark.cacheResults:heap per result").value()).isPositive()
			.isFinite();
		assertThat(scores.get("MemoryFootprintBenchmark.cacheResults:JSON per result").value()).isPositive();
		for (Goal goal : Goal.ALL) {
			if (Goal.ALLOCATION_GOALS.contains(goal.number())) {
				assertThat(scores.get(goal.subject() + ":gc.alloc.rate.norm")).as("allocation of %s", goal.subject())
					.isNotNull();
				assertThat(scores.get(goal.baseline() + ":gc.alloc.rate.norm")).as("allocation of %s", goal.baseline())
					.isNotNull();
			}
		}
		assertThat(scores.distributions()).containsOnlyKeys("LatencyDistributionBenchmark.memoryHit",
				"LatencyDistributionBenchmark.redisHit", "LatencyDistributionBenchmark.memoryMiss",
				"LatencyDistributionBenchmark.uncachedCall");

		String markdown = PerformanceReport.write(this.reportDirectory, scores, MachineInfo.current(),
				Duration.ofNanos(System.nanoTime() - start), (wrk != null) ? null : "wrk not run in the smoke test");
		assertThat(Files.readString(this.reportDirectory.resolve(PerformanceReport.MARKDOWN))).isEqualTo(markdown);
		assertThat(markdown).contains("## Goals", "## Machine", "## Allocation per operation", "## Latency distribution",
				"![latency percentiles](" + PerformanceReport.CHART + ")", "ConcurrentMissBenchmark.singleMiss");
		for (Goal goal : Goal.ALL) {
			assertThat(markdown).contains("| " + goal.number() + " | " + goal.name() + " |");
		}
		BufferedImage chart = ImageIO.read(this.reportDirectory.resolve(PerformanceReport.CHART).toFile());
		assertThat(chart).isNotNull();
		assertThat(chart.getWidth()).isGreaterThan(100);
		assertThat(chart.getHeight()).isGreaterThan(100);
		assertThat(distinctColours(chart)).as("colours in the chart").isGreaterThan(5);
	}

	/** Every {@code Class.method} carrying {@link Benchmark} in this module's compiled classes. */
	private static List<String> benchmarkNames() throws IOException, URISyntaxException, ClassNotFoundException {
		Path classes = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path pkg = classes.resolve("io/zenoo/benchmarks");
		TreeSet<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(pkg)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
				String simple = file.getFileName().toString().replace(".class", "");
				Class<?> type = Class.forName("io.zenoo.benchmarks." + simple);
				for (Method method : type.getDeclaredMethods()) {
					if (method.isAnnotationPresent(Benchmark.class)) {
						names.add(simple + "." + method.getName());
					}
				}
			}
		}
		assertThat(names).as("benchmarks found in %s", pkg).hasSizeGreaterThan(20);
		return List.copyOf(names);
	}

	private static Optional<WrkLoad.Settings> wrkSettings() throws IOException {
		Optional<Path> jar = sampleAppJar();
		if (WrkLoad.findWrk().isEmpty() || jar.isEmpty()) {
			String reason = WrkLoad.findWrk().isEmpty() ? "wrk is not on the PATH"
					: "the sample application's jar is not built in " + SAMPLE_APP_TARGET.toAbsolutePath().normalize();
			System.err.println("""

					!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
					!!! BenchmarkSmokeTest: goal 10 (the sample application under wrk) NOT run: %s.
					!!! Every other benchmark runs. ./zenoo-benchmarks/run-all.sh runs goal 10 (and installs wrk
					!!! as root).
					!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
					""".formatted(reason));
			return Optional.empty();
		}
		return Optional.of(new WrkLoad.Settings(jar.get(), Duration.ofSeconds(1), 2, 16));
	}

	private static Optional<Path> sampleAppJar() throws IOException {
		if (!Files.isDirectory(SAMPLE_APP_TARGET)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(SAMPLE_APP_TARGET)) {
			return files.filter((file) -> file.getFileName().toString().matches("zenoo-sample-app-.*\\.jar")).findFirst();
		}
	}

	private static int distinctColours(BufferedImage image) {
		TreeSet<Integer> colours = new TreeSet<>();
		for (int x = 0; x < image.getWidth(); x += 3) {
			for (int y = 0; y < image.getHeight(); y += 3) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}

}
