package io.zenoo.cache.warmup;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A warm-up that had to succeed did not: at least one of its tasks failed. Thrown at startup when
 * {@code zenoo.cache.warm-up-fail-fast} is {@code true}.
 */
public class CacheWarmupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient WarmUpReport report;

	/**
	 * Creates the exception.
	 * @param report the warm-up's report, with at least one failure
	 */
	public CacheWarmupException(WarmUpReport report) {
		super(message(Objects.requireNonNull(report, "report must not be null")));
		this.report = report;
	}

	/**
	 * The report of the failed warm-up.
	 * @return the report
	 */
	public WarmUpReport getReport() {
		return this.report;
	}

	private static String message(WarmUpReport report) {
		return "Cache warm-up failed: " + report.failed() + " of " + report.tasks() + " tasks failed: "
				+ report.results()
					.stream()
					.filter((result) -> !result.succeeded())
					.map((result) -> "'" + result.name() + "' (" + result.error() + ")")
					.collect(Collectors.joining(", "));
	}

}
