package io.zenoo.sample;

import java.net.URI;

import io.zenoo.cache.ZenooCacheManager;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

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

	/**
	 * {@code /} sends the browser to the live cache page ({@code static/live.html}).
	 */
	@Bean
	RouterFunction<ServerResponse> livePageRedirect() {
		return RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.temporaryRedirect(URI.create("live.html")).build())
			.build();
	}

}
