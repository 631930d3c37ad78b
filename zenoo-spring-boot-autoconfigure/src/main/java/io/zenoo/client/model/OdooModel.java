package io.zenoo.client.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Odoo model a record type maps, for example {@code @OdooModel("res.partner")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OdooModel {

	/**
	 * The technical name of the Odoo model.
	 * @return the model name, for example {@code res.partner}
	 */
	String value();

}
