package io.zenoo.benchmarks;

/**
 * One measured figure.
 * @param value the score
 * @param error JMH's 99.9% error of the score ({@code NaN} when unknown, as for a single iteration or a wrk run)
 * @param unit the unit, as JMH prints it
 */
record Score(double value, double error, String unit) {

	/** @return the score, and its error when known, as the report prints them */
	String format() {
		String value = Numbers.format(this.value);
		return (Double.isNaN(this.error) || this.error == 0) ? value + " " + this.unit
				: value + " ± " + Numbers.format(this.error) + " " + this.unit;
	}

}
