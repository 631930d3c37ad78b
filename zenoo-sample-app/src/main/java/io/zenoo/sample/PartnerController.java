package io.zenoo.sample;

import java.util.List;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Partner endpoints backed by the reactive Odoo client.
 */
@RestController
public class PartnerController {

	private final ZenooClient client;

	public PartnerController(ZenooClient client) {
		this.client = client;
	}

	/**
	 * Company partners, optionally narrowed to one country code.
	 * @param country an ISO country code such as {@code US}, or nothing for all
	 * @return the companies by name
	 */
	@GetMapping("/partners/companies")
	public Mono<List<ResPartner>> companies(@RequestParam(required = false) String country) {
		Domain domain = Domain.field("is_company").eq(true);
		if (country != null && !country.isBlank()) {
			domain = domain.and(Domain.field("country_id.code").eq(country));
		}
		return this.client.model(ResPartner.class).filter(domain).orderBy("name").all();
	}

	/**
	 * One partner.
	 * @param id the partner id
	 * @return the partner, or 404
	 */
	@GetMapping("/partners/{id}")
	public Mono<ResPartner> partner(@PathVariable long id) {
		return this.client.model(ResPartner.class)
			.get(id)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + id)));
	}

	/**
	 * The Odoo server's version.
	 * @return the version
	 */
	@GetMapping("/odoo/version")
	public Mono<OdooVersion> version() {
		return this.client.version();
	}

}
