package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.ZenooCacheManager;

/**
 * Applies {@code zenoo.cache.related-models}, {@code mutating-methods} and {@code auto-invalidation} to a cache
 * manager, reporting a wrong value by its property name.
 */
final class ZenooInvalidationSettings {

	private static final String PREFIX = "zenoo.cache";

	private ZenooInvalidationSettings() {
	}

	static void apply(ZenooCacheManager manager, ZenooCacheProperties properties) {
		for (Map.Entry<String, List<String>> entry : properties.getRelatedModels().entrySet()) {
			List<String> related = (entry.getValue() != null) ? entry.getValue() : List.of();
			try {
				manager.addRelatedModels(entry.getKey(), related.toArray(String[]::new));
			}
			catch (IllegalArgumentException ex) {
				throw new ZenooConfigurationException(PREFIX + ".related-models." + entry.getKey(),
						"is wrong: " + ex.getMessage(), "Map Odoo model names to lists of other model names, such as "
								+ "res.partner: [res.users]; put a name with _ in brackets: \"[x_studio.model]\".");
			}
		}
		try {
			manager.addMutatingMethods(properties.getMutatingMethods().toArray(String[]::new));
		}
		catch (IllegalArgumentException ex) {
			throw new ZenooConfigurationException(PREFIX + ".mutating-methods", "is wrong: " + ex.getMessage(),
					"List Odoo method names, or prefixes ending with *, such as [message_post, do_*].");
		}
		List<ZenooCacheProperties.AutoInvalidation> automatic = properties.getAutoInvalidation();
		for (int i = 0; i < automatic.size(); i++) {
			ZenooCacheProperties.AutoInvalidation entry = automatic.get(i);
			String property = PREFIX + ".auto-invalidation[" + i + "]";
			String pattern = entry.getPattern();
			if (pattern == null || pattern.isBlank()) {
				throw new ZenooConfigurationException(property + ".pattern", "is missing",
						"Set a glob on the cache key text, such as res.partner:*.");
			}
			Duration interval = entry.getInterval();
			if (interval == null || interval.isNegative() || interval.isZero()) {
				throw new ZenooConfigurationException(property + ".interval",
						(interval == null) ? "is missing" : "is " + interval + " but must be positive",
						"Set how often to invalidate, such as 1h.");
			}
			manager.setupAutoInvalidation(pattern, interval);
		}
	}

}
