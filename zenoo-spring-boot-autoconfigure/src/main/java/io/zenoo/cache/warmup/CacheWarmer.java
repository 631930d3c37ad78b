package io.zenoo.cache.warmup;

import io.zenoo.client.ZenooClient;
import reactor.core.publisher.Mono;

/**
 * Fills caches ahead of demand, as the Python client's {@code warm_cache(client)}: run the queries the application will
 * soon make, so that their results are cached when it does.
 * <pre class="code">
 * &#64;Bean
 * CacheWarmer referenceData() {
 *     return (client) -&gt; Mono.when(
 *             client.model(ResCountry.class).cacheTtl(Duration.ofHours(24)).all(),
 *             client.model(ResCurrency.class).cacheTtl(Duration.ofHours(24)).all());
 * }
 * </pre>
 * In a Spring Boot application every {@code CacheWarmer} bean runs after startup, with the queries of
 * {@code zenoo.cache.warm-up}, and again on {@code POST /actuator/zenoo}.
 */
@FunctionalInterface
public interface CacheWarmer {

	/**
	 * Runs the queries whose results should be cached.
	 * @param client the client whose caches to fill
	 * @return completes when done; a collection result is reported as its number of rows; an error fails this warmer
	 * only
	 */
	Mono<?> warm(ZenooClient client);

}
