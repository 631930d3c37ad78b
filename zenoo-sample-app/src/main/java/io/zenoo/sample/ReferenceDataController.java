package io.zenoo.sample;

import java.time.Duration;
import java.util.List;

import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResCurrency;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference data that hardly ever changes: cached for a day in the {@code reference} cache.
 * <p>
 * {@code zenoo.cache.warm-up} in {@code application.yml} runs these very queries (same record type, order and cache)
 * once the application is ready, so even the first request is a cache hit.
 */
@RestController
public class ReferenceDataController {

	/** Name of the cache holding reference data; every profile declares it. */
	static final String CACHE = "reference";

	/** How long reference data stays cached; the warm-up uses the same TTL. */
	static final Duration TTL = Duration.ofHours(24);

	private final ZenooClient client;

	/**
	 * @param client the application's Odoo client
	 */
	public ReferenceDataController(ZenooClient client) {
		this.client = client;
	}

	/**
	 * All countries by name.
	 * @return the countries
	 */
	@GetMapping("/reference/countries")
	public Mono<List<ResCountry>> countries() {
		return this.client.model(ResCountry.class).orderBy("name").cache(CACHE).cacheTtl(TTL).all();
	}

	/**
	 * The active currencies by name.
	 * @return the currencies
	 */
	@GetMapping("/reference/currencies")
	public Mono<List<ResCurrency>> currencies() {
		return this.client.model(ResCurrency.class).orderBy("name").cache(CACHE).cacheTtl(TTL).all();
	}

}
