package io.zenoo.client.domain;

/**
 * A domain, a domain literal, a lookup or a domain value is invalid. The message names the problem and, for
 * {@link Domain#parse(String)} and {@link Domain#of(java.util.List)}, where it is.
 */
public class DomainSyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int position;

	/**
	 * Creates the exception for a problem without a position.
	 * @param message the problem
	 */
	public DomainSyntaxException(String message) {
		this(message, -1);
	}

	/**
	 * Creates the exception.
	 * @param message the problem, including where it is
	 * @param position the character offset in a parsed literal, the element index in a list, or {@code -1}
	 */
	public DomainSyntaxException(String message, int position) {
		super(message);
		this.position = position;
	}

	/**
	 * Where the problem is.
	 * @return the character offset (from 0) for {@link Domain#parse(String)}, the index of the top-level element for
	 * {@link Domain#of(java.util.List)}, or {@code -1} when the problem has no position
	 */
	public int position() {
		return this.position;
	}

}
