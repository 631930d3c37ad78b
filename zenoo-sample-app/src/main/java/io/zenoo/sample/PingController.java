package io.zenoo.sample;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A constant endpoint: what the application answers at best, with no cache and no Odoo behind it. The benchmarks
 * compare the cached endpoints' throughput with it.
 */
@RestController
public class PingController {

	/** The fixed answer. */
	static final String PONG = "pong";

	/**
	 * Always the same short text.
	 * @return {@value #PONG}
	 */
	@GetMapping("/ping")
	public Mono<String> ping() {
		return Mono.just(PONG);
	}

}
