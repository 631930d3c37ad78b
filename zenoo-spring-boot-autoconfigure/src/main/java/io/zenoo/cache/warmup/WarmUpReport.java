package io.zenoo.cache.warmup;

import java.time.Duration;
import java.util.List;

/**
 * How a warm-up went, task by task in the order they were configured.
 *
 * @param tasks how many tasks ran
 * @param succeeded how many succeeded
 * @param failed how many failed
 * @param duration how long the whole warm-up took
 * @param results one result per task
 */
public record WarmUpReport(int tasks, int succeeded, int failed, Duration duration, List<WarmUpResult> results) {

	/**
	 * Copies the results.
	 */
	public WarmUpReport {
		results = List.copyOf(results);
	}

	/**
	 * A report of these results.
	 * @param results the results, in task order
	 * @param duration how long the warm-up took
	 * @return the report
	 */
	public static WarmUpReport of(List<WarmUpResult> results, Duration duration) {
		int failed = (int) results.stream().filter((result) -> !result.succeeded()).count();
		return new WarmUpReport(results.size(), results.size() - failed, failed, duration, results);
	}

}
