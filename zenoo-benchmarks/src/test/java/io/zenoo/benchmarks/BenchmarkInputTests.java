package io.zenoo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Bad input to the runner gets a clear error; goals judge ratios in the right direction. */
class BenchmarkInputTests {

	@TempDir
	Path directory;

	@Test
	void wrkSettingsNeedTheSampleApplicationsJar() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WrkLoad.Settings(this.directory.resolve("missing.jar"), Duration.ofSeconds(5), 2, 8))
			.withMessageContaining("missing.jar")
			.withMessageContaining("./mvnw -pl zenoo-sample-app -am -DskipTests package");
	}

	@Test
	void wrkSettingsNeedASecondAndEnoughConnections() throws Exception {
		Path jar = java.nio.file.Files.createFile(this.directory.resolve("app.jar"));
		assertThatIllegalArgumentException().isThrownBy(() -> new WrkLoad.Settings(jar, Duration.ofMillis(500), 2, 8))
			.withMessageContaining("at least 1 s");
		assertThatIllegalArgumentException().isThrownBy(() -> new WrkLoad.Settings(jar, Duration.ofSeconds(5), 4, 2))
			.withMessageContaining("connections");
	}

	@Test
	void runnerOptionsNeedAValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkMain.main(new String[] { "--report" }))
			.withMessage("--report needs a value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkMain.main(new String[] { "--wrk-seconds", "ten" }))
			.withMessage("--wrk-seconds needs a whole number, not 'ten'");
	}

	@Test
	void largeInvalidationEntriesMustBePositive() {
		System.setProperty(InvalidationBenchmark.LARGE_ENTRIES, "0");
		try {
			assertThatIllegalArgumentException().isThrownBy(InvalidationBenchmark::largeEntries)
				.withMessage(InvalidationBenchmark.LARGE_ENTRIES + " must be at least 1, not 0");
		}
		finally {
			System.clearProperty(InvalidationBenchmark.LARGE_ENTRIES);
		}
		assertThat(InvalidationBenchmark.largeEntries()).isEqualTo(100_000);
	}

	@Test
	void reportWritesTimesAndPercentilesAsReadersExpect() {
		assertThat(Numbers.time(250, "us/op")).isEqualTo("250 µs");
		assertThat(Numbers.time(3200, "us/op")).isEqualTo("3.20 ms");
		assertThat(Numbers.time(1_500_000, "us/op")).isEqualTo("1.50 s");
		assertThat(Numbers.time(412, "ns/op")).isEqualTo("412 ns");
		assertThat(Numbers.time(5, "ops/s")).isEqualTo("5.00 ops/s");
		assertThat(Numbers.percentile(50)).isEqualTo("p50");
		assertThat(Numbers.percentile(99.99)).isEqualTo("p99.99");
		assertThat(Numbers.percentile(100)).isEqualTo("max");
	}

	@Test
	void chartNeedsSomethingToDraw() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LatencyChart.write(this.directory.resolve("x.png"), Map.of(), "us/op"))
			.withMessage("no latency distribution to draw");
	}

	@Test
	void timeGoalsAreMetAtOrBelowTheirLimitThroughputGoalsAtOrAbove() {
		Scores scores = new Scores();
		scores.put("a", new Score(1.2, Double.NaN, "ms"));
		scores.put("b", new Score(1.0, Double.NaN, "ms"));
		assertThat(Goal.atMost("x", "time", "a", "b", 1.2).evaluate(scores).met()).isTrue();
		assertThat(Goal.atMost("x", "time", "a", "b", 1.1).evaluate(scores).met()).isFalse();
		assertThat(new Goal("y", "throughput", "b", "a", 0.9, true).evaluate(scores).met()).isFalse();
		assertThat(new Goal("y", "throughput", "a", "b", 0.9, true).evaluate(scores).met()).isTrue();
		Goal.Outcome missing = Goal.atMost("z", "missing", "a", "nope", 1).evaluate(scores);
		assertThat(missing.measured()).isFalse();
		assertThat(missing.met()).isFalse();
		assertThat(missing.verdict()).isEqualTo("not measured");
	}

}
