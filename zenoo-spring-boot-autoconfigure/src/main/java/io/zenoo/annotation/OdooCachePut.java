package io.zenoo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Always runs the method and stores its result, as {@link OdooCached} would have cached it: under the key expression
 * (shared with other methods using the same expression and model) or the method's own default key.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OdooCachePut {

	/**
	 * The cache.
	 * @return the cache name; empty for the default cache
	 */
	String cache() default "";

	/**
	 * How long the entry lives ({@code 30s}, {@code 5m}, {@code 0} = never expires).
	 * @return the TTL; empty for the cache's default
	 */
	String ttl() default "";

	/**
	 * A SpEL key expression; empty for the method's default key.
	 * @return the key expression
	 */
	String key() default "";

	/**
	 * A SpEL condition evaluated before the call.
	 * @return the condition; empty for always
	 */
	String condition() default "";

	/**
	 * A SpEL veto evaluated on {@code #result}.
	 * @return the veto; empty for never
	 */
	String unless() default "";

	/**
	 * The model of the entry.
	 * @return the model; empty for the repository's, or none
	 */
	String model() default "";

}
