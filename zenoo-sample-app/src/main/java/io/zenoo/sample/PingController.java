package io.zenoo.sample;

import java.util.List;

import io.zenoo.client.model.ResPartner;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Constant endpoints: what the application answers at best, with no cache and no Odoo behind it. The benchmarks
 * compare the cached endpoints' throughput with them.
 */
@RestController
public class PingController {

	/** The fixed answer. */
	static final String PONG = "pong";

	private final Mono<List<ResPartner>> companies;

	/**
	 * Create the controller.
	 * @param partners the repository whose company list {@link #companies()} reads once
	 */
	public PingController(PartnerRepository partners) {
		this.companies = partners.findByIsCompanyTrueOrderByNameAsc().cache();
	}

	/**
	 * Always the same short text.
	 * @return {@value #PONG}
	 */
	@GetMapping("/ping")
	public Mono<String> ping() {
		return Mono.just(PONG);
	}

	/**
	 * The same answer as {@code GET /partners/companies}, read once on the first request and from then on answered
	 * from a field: what that endpoint would cost with a cache that cost nothing (the same rows written as the same
	 * JSON), the baseline of the sample's throughput benchmark.
	 * @return the companies by name, as first read
	 */
	@GetMapping("/ping/companies")
	public Mono<List<ResPartner>> companies() {
		return this.companies;
	}

}
