package io.zenoo.benchmarks;

import java.util.Locale;

/** Number formatting for the report: three significant digits or so, never scientific notation. */
final class Numbers {

	private Numbers() {
	}

	/** @return {@code p50}, {@code p99.99} or {@code max} (for 100) */
	static String percentile(double percentile) {
		return (percentile == 100.0) ? "max"
				: "p" + java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
	}

	/**
	 * A time in JMH's unit as a reader wants it: {@code 250 µs}, {@code 3.20 ms}, {@code 1.50 s}.
	 * @param value the time
	 * @param unit JMH's unit ({@code us/op}, {@code ns/op}, {@code ms/op})
	 */
	static String time(double value, String unit) {
		String bare = unit.replace("/op", "");
		double nanos = value * switch (bare) {
			case "ns" -> 1;
			case "us" -> 1e3;
			case "ms" -> 1e6;
			case "s" -> 1e9;
			default -> Double.NaN;
		};
		if (Double.isNaN(nanos)) {
			return format(value) + " " + bare;
		}
		if (nanos >= 1e9) {
			return format(nanos / 1e9) + " s";
		}
		if (nanos >= 1e6) {
			return format(nanos / 1e6) + " ms";
		}
		return (nanos >= 1e3) ? format(nanos / 1e3) + " µs" : format(nanos) + " ns";
	}

	static String format(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.valueOf(value);
		}
		double magnitude = Math.abs(value);
		String pattern = (magnitude >= 100) ? "%,.0f" : (magnitude >= 10) ? "%.1f" : (magnitude >= 1) ? "%.2f" : "%.3f";
		return String.format(Locale.ROOT, pattern, value);
	}

}
