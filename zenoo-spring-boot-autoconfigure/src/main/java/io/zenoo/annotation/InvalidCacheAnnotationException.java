package io.zenoo.annotation;

/**
 * An {@link OdooCached}, {@link OdooCachePut} or {@link OdooCacheEvict} that cannot work: a TTL that does not parse, a
 * SpEL expression with a syntax error, an unknown cache, a return type with nothing to cache. Thrown at startup; the
 * message names the method and the attribute.
 */
public class InvalidCacheAnnotationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, naming the method and the attribute
	 */
	public InvalidCacheAnnotationException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what is wrong, naming the method and the attribute
	 * @param cause the underlying error
	 */
	public InvalidCacheAnnotationException(String message, Throwable cause) {
		super(message, cause);
	}

}
