package io.zenoo.client.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Odoo selection key of an enum constant, when it differs from the constant's name. Odoo keys are case-sensitive
 * ({@code draft}, {@code en_US}), so an enum {@code State { @OdooValue("draft") DRAFT }} is written as
 * {@code "draft"}. Without the annotation a constant is written as its {@link Enum#name() name} and read by its name
 * ignoring case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OdooValue {

	/**
	 * The selection key Odoo stores for this constant.
	 * @return the key
	 */
	String value();

}
