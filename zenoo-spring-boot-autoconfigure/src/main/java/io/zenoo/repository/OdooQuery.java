package io.zenoo.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An explicit query on a repository method: an Odoo domain literal with positional parameters {@code ?0},
 * {@code ?1}, ... bound to the method's arguments (a {@code Pageable} or {@code Sort} argument is not counted).
 *
 * <pre class="code">
 * &#64;OdooQuery(domain = "[('is_company','=',True),('country_id.code','=',?0)]", order = "name")
 * Flux&lt;ResPartner&gt; companiesIn(String countryCode);
 * </pre>
 *
 * The domain is parsed at startup: a syntax error or a parameter index without an argument stops the application
 * with a message naming the method. Return types are those of derived queries: {@code Flux<T>},
 * {@code Mono<List<T>>}, {@code Mono<T>} (the first match), {@code Mono<Long>} (a count) and {@code Mono<Boolean>}
 * (whether any matches).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OdooQuery {

	/**
	 * The domain, in Python ({@code [('a','=',?0)]}) or JSON ({@code [["a","=",?0]]}) form.
	 * @return the domain literal
	 */
	String domain();

	/**
	 * The fields to read instead of the record's components; fields the record lacks are not read into it.
	 * @return Odoo field names; empty for the record's own
	 */
	String[] fields() default {};

	/**
	 * The order, in Odoo's syntax ({@code "name"}, {@code "create_date desc, id"}); a {@code Sort} argument replaces it.
	 * @return the order, or empty for the model's default
	 */
	String order() default "";

	/**
	 * The most rows to read; {@code 0} for no limit. A {@code Pageable} argument replaces it.
	 * @return the limit
	 */
	int limit() default 0;

}
