package io.zenoo.cache.invalidation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ChangeWatch} watches.
 *
 * @param interval how often each model is polled, positive
 * @param models the models, for example {@code res.partner}; none means nothing is watched
 * @param cacheName the Redis or tiered cache whose Redis backend holds the watch's leases and last observed states
 * (so that one instance polls each model); {@code null} for the manager's first Redis or tiered cache, or, when it
 * has none, for every instance polling on its own
 */
public record ChangeDetectionSettings(Duration interval, List<String> models, @Nullable String cacheName) {

	/**
	 * @param interval how often, positive
	 * @param models the models
	 * @param cacheName the cache whose Redis backend coordinates instances, or {@code null}
	 * @throws IllegalArgumentException if the interval is missing or not positive, a model is null or blank or not a
	 * model name, or the cache name is blank
	 */
	public ChangeDetectionSettings {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be a positive duration, was " + interval);
		}
		if (models == null) {
			throw new IllegalArgumentException("models must not be null");
		}
		List<String> checked = new ArrayList<>(models.size());
		for (String model : models) {
			if (model == null || model.isBlank()) {
				throw new IllegalArgumentException("model names must not be null or blank, got " + models);
			}
			if (!model.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
				throw new IllegalArgumentException("'" + model + "' is not an Odoo model name");
			}
			if (!checked.contains(model)) {
				checked.add(model);
			}
		}
		models = List.copyOf(checked);
		if (cacheName != null && cacheName.isBlank()) {
			throw new IllegalArgumentException("cacheName must not be blank");
		}
	}

	/**
	 * @param interval how often, positive
	 * @param models the models
	 * @return settings coordinated through the manager's first Redis or tiered cache, if any
	 */
	public static ChangeDetectionSettings of(Duration interval, String... models) {
		return new ChangeDetectionSettings(interval, List.of(models), null);
	}

}
