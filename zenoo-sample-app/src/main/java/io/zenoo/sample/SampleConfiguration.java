package io.zenoo.sample;

import io.zenoo.cache.ZenooCacheManager;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sample-only wiring.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	/**
	 * Detailed statistics (hit and miss timings) cost a little on every lookup, so the starter leaves them off; the
	 * sample turns them on unless {@code sample.detailed-stats=false}, so that {@code /cache/stats} shows them.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "sample.detailed-stats", matchIfMissing = true)
	ApplicationRunner enableDetailedStats(ZenooCacheManager caches) {
		return (args) -> caches.enableDetailedStats();
	}

}
