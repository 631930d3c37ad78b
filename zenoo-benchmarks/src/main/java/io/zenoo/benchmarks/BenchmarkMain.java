package io.zenoo.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks (JMH command-line options are passed through) and prints each goal as a ratio of two
 * benchmarks measured in the same run; absolute times are shown beside but never judged. The summary is also written
 * to {@code target/benchmark-summary.md}.
 */
public final class BenchmarkMain {

	/** A goal: {@code subject / baseline <= limit}. */
	record Goal(String name, String subject, String baseline, double limit) {
	}

	static final List<Goal> GOALS = List.of(
			new Goal("uncached search_read of 80 rows: client vs raw WebClient",
					"ClientOverheadBenchmark.zenooSearchRead", "ClientOverheadBenchmark.rawSearchRead", 1.10),
			new Goal("memory-cache hit through the client vs Spring @Cacheable Mono hit (async Caffeine)",
					"MemoryHitBenchmark.zenooMemoryHit", "MemoryHitBenchmark.springCacheableHit", 1.0),
			new Goal("Redis-cache hit through the client vs raw Lettuce GET + Jackson decode",
					"RedisHitBenchmark.zenooRedisHit", "RedisHitBenchmark.rawGetAndDecode", 1.3),
			new Goal("tiered-cache L1 hit vs memory-cache hit, both through the client",
					"TieredHitBenchmark.zenooTieredL1Hit", "TieredHitBenchmark.zenooMemoryHit", 1.1),
			new Goal("memory-cache hit with detailed statistics on vs off",
					"DetailedStatsBenchmark.hitDetailedStatsOn", "DetailedStatsBenchmark.hitDetailedStatsOff", 1.05),
			new Goal("@OdooCached repository hit vs client.model(..).all() memory-cache hit",
					"AnnotatedRepositoryBenchmark.annotatedRepositoryHit", "AnnotatedRepositoryBenchmark.fluentQueryHit",
					1.5),
			new Goal("invalidating a model with 100,000 vs 1,000 cached entries, memory cache",
					"InvalidationBenchmark.memory100k", "InvalidationBenchmark.memory1k", 1.2),
			new Goal("invalidating a model with 100,000 vs 1,000 cached entries, Redis cache",
					"InvalidationBenchmark.redis100k", "InvalidationBenchmark.redis1k", 1.2));

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
		Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
		Map<String, RunResult> byName = new LinkedHashMap<>();
		for (RunResult result : results) {
			String label = result.getParams().getBenchmark();
			byName.put(label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1), result);
		}
		StringBuilder summary = new StringBuilder();
		summary.append("| goal | subject | baseline | ratio | limit | met |\n|---|---|---|---|---|---|\n");
		for (Goal goal : GOALS) {
			RunResult subject = byName.get(goal.subject());
			RunResult baseline = byName.get(goal.baseline());
			if (subject == null || baseline == null) {
				continue;
			}
			double s = subject.getPrimaryResult().getScore();
			double b = baseline.getPrimaryResult().getScore();
			double ratio = s / b;
			String unit = subject.getPrimaryResult().getScoreUnit();
			summary.append(String.format(java.util.Locale.ROOT, "| %s | %.1f %s | %.1f %s | %.3f | %.2f | %s |%n",
					goal.name(), s, unit, b, unit, ratio, goal.limit(), (ratio <= goal.limit()) ? "yes" : "NO"));
		}
		Path out = Path.of("target", "benchmark-summary.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, summary, StandardCharsets.UTF_8);
		PrintStream console = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
				StandardCharsets.UTF_8);
		console.println();
		console.print(summary);
	}

}
