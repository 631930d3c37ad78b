package io.zenoo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches a method's result in a Zenoo cache, on repository methods and on any Spring bean's methods.
 * <p>
 * {@code Mono<T>}: the value is cached; concurrent identical misses run the method once (single flight).
 * {@code Flux<T>}: the elements are cached as one list, unless there are more than
 * {@code zenoo.cache.annotations.max-flux-elements} of them, in which case they stream through uncached. Plain
 * return types: the synchronous path, which must not run on a Reactor or Netty thread for a Redis cache.
 * <p>
 * The default key is the method, its arguments and the caller's Odoo scope (server, database, user), so no entry is
 * ever shared between users. The scope comes from a {@code ZenooClient} argument, else the repository's client, else a
 * {@code ZenooClient} in the Reactor context under the key {@code ZenooClient.class}, else the application's client.
 * Hits and misses are counted in the cache's statistics and metrics under {@link #model()} (a repository's methods:
 * its model).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OdooCached {

	/**
	 * The cache, as configured under {@code zenoo.cache.caches}.
	 * @return the cache name; empty for the default cache
	 */
	String cache() default "";

	/**
	 * How long entries live, in Spring Boot's duration forms: {@code 30s}, {@code 5m}, {@code 1h}, {@code PT5M};
	 * {@code 0} never expires.
	 * @return the TTL; empty for the cache's default
	 */
	String ttl() default "";

	/**
	 * A SpEL expression for the key instead of the method and its arguments ({@code #name}, {@code #p0},
	 * {@code #root.args}). Still scoped to the caller's user. Methods with the same key expression and model share
	 * entries, so {@link OdooCachePut} and {@link OdooCacheEvict} can reach them.
	 * @return the key expression; empty for the default key
	 */
	String key() default "";

	/**
	 * A SpEL expression deciding, before the call, whether to use the cache at all.
	 * @return the condition; empty for always
	 */
	String condition() default "";

	/**
	 * A SpEL expression deciding, after the call, not to store the result ({@code #result}; a Flux's is the list).
	 * Methods with an {@code unless} give up single flight.
	 * @return the veto; empty for never
	 */
	String unless() default "";

	/**
	 * Whether every call runs the method and overwrites the entry (the fluent API's {@code cacheRefresh()}).
	 * @return whether to refresh
	 */
	boolean refresh() default false;

	/**
	 * The Odoo model the entries belong to, for per-model statistics and model invalidation; a repository's methods
	 * default to the repository's model.
	 * @return the model, for example {@code res.partner}; empty for none
	 */
	String model() default "";

}
