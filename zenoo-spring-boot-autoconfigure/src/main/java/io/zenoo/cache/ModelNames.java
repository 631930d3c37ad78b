package io.zenoo.cache;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks the Odoo model names the invalidation API is given. A model name is part of every query key's text and of
 * the Redis hash field of its generation, so it must not contain glob characters, {@code :} or white space.
 */
final class ModelNames {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

	private ModelNames() {
	}

	/**
	 * @param model the name to check
	 * @param what how the caller calls it in messages, for example {@code "model"}
	 * @return the name
	 * @throws IllegalArgumentException if it is null, blank or not a model name
	 */
	static String require(@Nullable String model, String what) {
		if (model == null) {
			throw new IllegalArgumentException(what + " must not be null");
		}
		if (model.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		if (!NAME.matcher(model).matches()) {
			throw new IllegalArgumentException(what + " '" + model + "' is not an Odoo model name: use letters, "
					+ "digits and _ in dot-separated parts, such as res.partner");
		}
		return model;
	}

}
