package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.invalidation.ChangeDetectionSettings;
import io.zenoo.cache.invalidation.ChangeWatch;
import io.zenoo.client.ZenooClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of change detection from {@code zenoo.cache.change-detection.*}: a {@link ChangeWatch} bean
 * polling the listed models with the application's {@link ZenooClient}, stopped when the context closes. Present
 * when {@code models} is set; a bad value stops startup naming the property.
 */
@AutoConfiguration(after = ZenooClientAutoConfiguration.class)
@Conditional(ZenooChangeDetectionAutoConfiguration.ModelsConfigured.class)
@EnableConfigurationProperties(ZenooChangeDetectionProperties.class)
public class ZenooChangeDetectionAutoConfiguration {

	private static final String PREFIX = "zenoo.cache.change-detection";

	/**
	 * The change watch.
	 * @param client the client that polls and whose caches are invalidated
	 * @param properties the settings
	 * @return the running watch
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBean(ZenooClient.class)
	public ChangeWatch zenooChangeWatch(ZenooClient client, ZenooChangeDetectionProperties properties) {
		return ChangeWatch.start(client, settings(client.cacheManager(), properties));
	}

	static ChangeDetectionSettings settings(ZenooCacheManager manager, ZenooChangeDetectionProperties properties) {
		Duration interval = properties.getInterval();
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new ZenooConfigurationException(PREFIX + ".interval",
					(interval == null) ? "is missing" : "is " + interval + " but must be positive",
					"Set how often to poll each model, such as 30s.");
		}
		List<String> models = properties.getModels();
		for (int i = 0; i < models.size(); i++) {
			String model = models.get(i);
			if (model == null || model.isBlank() || !model.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*")) {
				throw new ZenooConfigurationException(PREFIX + ".models[" + i + "]",
						(model == null || model.isBlank()) ? "is blank" : "is '" + model + "', not an Odoo model name",
						"List Odoo model names, such as [res.partner, product.product].");
			}
		}
		if (manager == null || manager.getDefaultCache() == null) {
			throw new ZenooConfigurationException(PREFIX + ".models",
					"is set but caching is disabled: there is nothing to invalidate",
					"Enable caching (zenoo.cache.enabled=true) or remove zenoo.cache.change-detection.models.");
		}
		String cache = properties.getCache();
		if (cache != null) {
			if (manager.getCache(cache) == null) {
				throw new ZenooConfigurationException(PREFIX + ".cache",
						"names cache '" + cache + "', which does not exist",
						"Name one of the configured caches: " + manager.getCacheNames() + ".");
			}
			if (manager.redisBackend(cache) == null) {
				throw new ZenooConfigurationException(PREFIX + ".cache",
						"names cache '" + cache + "', which has no Redis",
						"Name a redis or tiered cache, or leave it unset.");
			}
		}
		return new ChangeDetectionSettings(interval, models, cache);
	}

	/** Matches when {@code zenoo.cache.change-detection.models} lists at least one entry (as a YAML list or CSV). */
	static final class ModelsConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean configured = Binder.get(context.getEnvironment())
				.bind(PREFIX + ".models", Bindable.listOf(String.class))
				.map((models) -> !models.isEmpty())
				.orElse(false);
			return configured ? ConditionOutcome.match(PREFIX + ".models is set")
					: ConditionOutcome.noMatch(PREFIX + ".models is not set");
		}

	}

}
