package io.zenoo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Removes cache entries after the method completes (for {@code Mono}/{@code Flux}: after it completes without an
 * error), or before it runs with {@link #beforeInvocation()}. Say what to remove with any of: {@link #models()} (every
 * cached query and annotation entry of those models), {@link #key()} (one entry of an {@link OdooCached#key()}),
 * {@link #pattern()} (a glob on the key text, {@code res.partner:*}), {@link #allEntries()}. On a repository method
 * with none of them, the repository's model is evicted.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OdooCacheEvict {

	/**
	 * The cache to evict from.
	 * @return the cache name; empty for every cache (for {@link #key()}: the default cache)
	 */
	String cache() default "";

	/**
	 * Models whose entries to remove.
	 * @return model names, for example {@code res.partner}
	 */
	String[] models() default {};

	/**
	 * A SpEL key expression naming one entry, as the {@link OdooCached#key()} that stored it.
	 * @return the key expression
	 */
	String key() default "";

	/**
	 * The model of the keyed entry.
	 * @return the model; empty for the repository's, or none
	 */
	String model() default "";

	/**
	 * A Redis-style glob on the key text.
	 * @return the pattern, for example {@code res.partner:*}
	 */
	String pattern() default "";

	/**
	 * Whether to remove every entry of the cache (every cache when {@link #cache()} is empty).
	 * @return whether to clear
	 */
	boolean allEntries() default false;

	/**
	 * Whether to evict before the method runs (then even a failing call evicts).
	 * @return whether to evict first
	 */
	boolean beforeInvocation() default false;

	/**
	 * A SpEL condition evaluated before the call.
	 * @return the condition; empty for always
	 */
	String condition() default "";

}
