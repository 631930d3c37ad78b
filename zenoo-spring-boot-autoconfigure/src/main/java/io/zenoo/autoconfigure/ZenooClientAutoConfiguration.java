package io.zenoo.autoconfigure;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.OdooCallObserver;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.transport.OdooTransport;
import io.zenoo.client.transport.OdooTransports;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the reactive Odoo client from {@code zenoo.odoo.*}. Its reads go through the
 * {@link ZenooCacheManager} of {@code zenoo.cache.*} when there is one. Every bean can be replaced by defining one of
 * the same type.
 */
@AutoConfiguration(after = ZenooCacheAutoConfiguration.class,
		afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass({ WebClient.class, ZenooClient.class })
@EnableConfigurationProperties({ ZenooOdooProperties.class, ZenooMetadataProperties.class })
public class ZenooClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZenooClientSettings zenooClientSettings(ZenooOdooProperties properties) {
		return ZenooClientSettingsFactory.create(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	OdooTransport odooTransport(ZenooClientSettings settings, ObjectProvider<WebClient.Builder> webClientBuilder) {
		WebClient.Builder builder = webClientBuilder.getIfAvailable();
		return (builder != null) ? OdooTransports.create(settings, builder) : OdooTransports.create(settings);
	}

	@Bean
	@ConditionalOnMissingBean
	ZenooClient zenooClient(OdooTransport transport, ZenooClientSettings settings,
			ObjectProvider<ZenooCacheManager> cacheManager, ObjectProvider<OdooCallObserver> observers,
			ZenooMetadataProperties metadataProperties) {
		ZenooCacheManager caches = cacheManager.getIfAvailable();
		return new ZenooClient(transport, settings.protocol(), caches,
				OdooCallObserver.compose(observers.orderedStream().toList()), settings.batching(),
				MetadataCachingFactory.create(metadataProperties, caches));
	}

}
