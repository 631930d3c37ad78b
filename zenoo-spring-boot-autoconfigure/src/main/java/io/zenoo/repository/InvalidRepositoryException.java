package io.zenoo.repository;

/**
 * A repository that cannot be implemented: a method name that does not parse, a property that is not a component of
 * the record, an {@link OdooQuery} domain that does not parse, an unsupported return type. Thrown at startup; the
 * message names the repository method and says what to change.
 */
public class InvalidRepositoryException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the method
	 */
	public InvalidRepositoryException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what is wrong, naming the method
	 * @param cause the underlying error
	 */
	public InvalidRepositoryException(String message, Throwable cause) {
		super(message, cause);
	}

}
