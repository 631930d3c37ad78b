package io.zenoo.autoconfigure;

import java.time.Duration;

import io.zenoo.actuate.OdooHealthIndicator;
import io.zenoo.actuate.ZenooCacheHealthIndicator;
import io.zenoo.actuate.ZenooEndpoint;
import io.zenoo.actuate.ZenooEndpointWebExtension;
import io.zenoo.actuate.ZenooSanitizingFunction;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.client.ZenooClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support, when the actuator is on the classpath: the {@code odoo} and {@code zenooCache} health
 * indicators, the {@code zenoo} endpoint, and a sanitizing function that keeps Zenoo's secrets out of
 * {@code /actuator/env} and {@code /actuator/configprops}. Each bean can be replaced by one of the same type.
 */
@AutoConfiguration(after = { ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
public class ZenooActuatorAutoConfiguration {

	/** How long the {@code odoo} health check may take. */
	static final Duration ODOO_HEALTH_TIMEOUT = Duration.ofSeconds(3);

	/**
	 * Masks Zenoo's passwords, API keys and URL user info in the env and configprops endpoints.
	 * @return the sanitizing function
	 */
	@Bean
	@ConditionalOnMissingBean
	public ZenooSanitizingFunction zenooSanitizingFunction() {
		return new ZenooSanitizingFunction();
	}

	/**
	 * The {@code zenoo} endpoint.
	 * @param zenooCacheManager the caches
	 * @param warmup the cache warm-up, if any
	 * @return the endpoint
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ZenooCacheManager.class)
	@ConditionalOnAvailableEndpoint
	public ZenooEndpoint zenooEndpoint(ZenooCacheManager zenooCacheManager, ObjectProvider<CacheWarmup> warmup) {
		return new ZenooEndpoint(zenooCacheManager, warmup.getIfUnique());
	}

	/**
	 * The web extension of the {@code zenoo} endpoint (404 for an unknown cache).
	 * @param zenooEndpoint the endpoint
	 * @return the extension
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ZenooEndpoint.class)
	@ConditionalOnAvailableEndpoint(ZenooEndpoint.class)
	public ZenooEndpointWebExtension zenooEndpointWebExtension(ZenooEndpoint zenooEndpoint) {
		return new ZenooEndpointWebExtension(zenooEndpoint);
	}

	/** The health indicators, when Boot's health support is on the classpath. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "odooHealthIndicator")
		@ConditionalOnBean(ZenooClient.class)
		@ConditionalOnEnabledHealthIndicator("odoo")
		OdooHealthIndicator odooHealthIndicator(ZenooClient zenooClient) {
			return new OdooHealthIndicator(zenooClient, ODOO_HEALTH_TIMEOUT);
		}

		@Bean
		@ConditionalOnMissingBean(name = "zenooCacheHealthIndicator")
		@ConditionalOnBean(ZenooCacheManager.class)
		@ConditionalOnEnabledHealthIndicator("zenooCache")
		ZenooCacheHealthIndicator zenooCacheHealthIndicator(ZenooCacheManager zenooCacheManager,
				ZenooCacheProperties properties) {
			ZenooCacheProperties.Health health = properties.getHealth();
			return new ZenooCacheHealthIndicator(zenooCacheManager, health.getAlertThreshold(),
					health.getMinRequests(), health.isDownWhenDegraded());
		}

	}

}
