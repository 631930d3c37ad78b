package io.zenoo.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zenoo.actuate.MicrometerOdooCallObserver;
import io.zenoo.actuate.ObservationOdooCallObserver;
import io.zenoo.actuate.OdooBulkheadMeterBinder;
import io.zenoo.actuate.ZenooCacheMeterBinder;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.transport.OdooTransport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer support, when Micrometer is on the classpath: the cache meters of every Zenoo cache (also those set up at
 * run time) through a {@link ZenooCacheMeterBinder}, and per Odoo call a {@code zenoo.rpc} observation when the
 * application has an {@link ObservationRegistry} (Spring Boot's meter observation handler turns it into the
 * {@code zenoo.rpc} timer), else the {@code zenoo.rpc} timer itself. Never both: two timers of one name with different
 * tags would count every call twice, and registries such as Prometheus refuse the second. The Odoo client's bulkhead
 * is reported by an {@link OdooBulkheadMeterBinder}.
 */
@AutoConfiguration(after = { ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class }, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
public class ZenooMetricsAutoConfiguration {

	/**
	 * Binds the Zenoo caches to every meter registry.
	 * @param zenooCacheManager the caches
	 * @return the binder
	 */
	@Bean
	@ConditionalOnBean(ZenooCacheManager.class)
	@ConditionalOnMissingBean
	public ZenooCacheMeterBinder zenooCacheMeterBinder(ZenooCacheManager zenooCacheManager) {
		return new ZenooCacheMeterBinder(zenooCacheManager, "zenooCacheManager");
	}

	/**
	 * Reports the Odoo client's requests in flight, queued and refused.
	 * @param transport the transport whose bulkhead to report
	 * @return the binder
	 */
	@Bean
	@ConditionalOnBean(OdooTransport.class)
	@ConditionalOnMissingBean
	public OdooBulkheadMeterBinder odooBulkheadMeterBinder(OdooTransport transport) {
		return new OdooBulkheadMeterBinder(transport);
	}

	/**
	 * Times every Odoo call, when there are no observations to do it.
	 * @param registry the meter registry
	 * @return the observer
	 */
	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean({ MicrometerOdooCallObserver.class, ObservationRegistry.class })
	public MicrometerOdooCallObserver micrometerOdooCallObserver(MeterRegistry registry) {
		return new MicrometerOdooCallObserver(registry);
	}

	/** Observations of Odoo calls, when the application has an observation registry. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ObservationOdooCallObserver observationOdooCallObserver(ObservationRegistry registry) {
			return new ObservationOdooCallObserver(registry);
		}

	}

}
