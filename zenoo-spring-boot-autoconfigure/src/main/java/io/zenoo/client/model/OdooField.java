package io.zenoo.client.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a record component to an Odoo field whose name differs from the default, which is the component name in
 * snake_case ({@code countryId} maps {@code country_id}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface OdooField {

	/**
	 * The Odoo field name; empty for the default (the component name in snake_case).
	 * @return the field name
	 */
	String value() default "";

	/**
	 * Whether the field is only read: computed fields such as {@code display_name}, the log fields
	 * ({@code create_date}, {@code write_date}) and one2many fields are left out of the values written to Odoo.
	 * @return {@code true} to leave the field out of written values
	 */
	boolean readOnly() default false;

	/**
	 * The record type of the model a many2one field points to, for example {@code ResCountry.class} on
	 * {@code Many2One countryId}. It lets {@code QueryBuilder.prefetch("country_id")} read the related records in one
	 * call and cache them where {@code client.model(ResCountry.class).get(id)} finds them.
	 * @return the related record type; {@code void.class} (the default) when not declared
	 */
	Class<?> relation() default void.class;

}
