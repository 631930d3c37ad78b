package io.zenoo.cache.warmup;

import java.util.Objects;

/**
 * One named piece of a warm-up: a configured query or a {@link CacheWarmer} bean.
 *
 * @param name how reports and logs name it, for example {@code warm-up[0] res.partner} or a bean name
 * @param warmer what it runs
 */
public record WarmUpTask(String name, CacheWarmer warmer) {

	/**
	 * Checks the parts.
	 * @throws IllegalArgumentException if the name is blank
	 */
	public WarmUpTask {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(warmer, "warmer must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
	}

}
