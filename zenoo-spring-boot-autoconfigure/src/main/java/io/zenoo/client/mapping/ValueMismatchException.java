package io.zenoo.client.mapping;

/**
 * A JSON value does not have the type a reader expects; {@link RecordMapper} adds the model, field and component.
 */
final class ValueMismatchException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String expected;

	private final String actual;

	ValueMismatchException(String expected, String actual) {
		super("expected " + expected + " but got " + actual, null, false, false);
		this.expected = expected;
		this.actual = actual;
	}

	String expected() {
		return this.expected;
	}

	String actual() {
		return this.actual;
	}

}
