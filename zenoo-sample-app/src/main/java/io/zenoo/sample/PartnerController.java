package io.zenoo.sample;

import java.util.List;
import java.util.Map;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Partner endpoints: cached reads through {@link PartnerRepository}, and two ways to write.
 */
@RestController
public class PartnerController {

	private final PartnerRepository partners;

	private final ZenooClient client;

	/**
	 * @param partners the partner repository
	 * @param client the application's Odoo client
	 */
	public PartnerController(PartnerRepository partners, ZenooClient client) {
		this.partners = partners;
		this.client = client;
	}

	/**
	 * Company partners, optionally narrowed to one country code; cached (see {@link PartnerRepository}).
	 * @param country an ISO country code such as {@code US}, or nothing for all
	 * @return the companies by name
	 */
	@GetMapping("/partners/companies")
	public Mono<List<ResPartner>> companies(@RequestParam(required = false) String country) {
		if (country == null || country.isBlank()) {
			return this.partners.findByIsCompanyTrueOrderByNameAsc();
		}
		return this.partners.findByIsCompanyTrueAndCountryIdCodeOrderByNameAsc(country);
	}

	/**
	 * One partner, cached in the default cache.
	 * @param id the partner id
	 * @return the partner, or 404
	 */
	@GetMapping("/partners/{id}")
	public Mono<ResPartner> partner(@PathVariable long id) {
		return this.partners.findById(id).switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	/**
	 * Updates a partner. The write gives {@code res.partner} a new cache generation, so the next read of this partner
	 * or of any partner list reads Odoo again: nothing to evict by hand.
	 * @param id the partner id
	 * @param changes the fields to write, such as {@code {"name": "New name"}}
	 * @return the partner as Odoo now holds it
	 */
	@PutMapping("/partners/{id}")
	public Mono<ResPartner> update(@PathVariable long id, @RequestBody Map<String, Object> changes) {
		return write(id, changes).then(partner(id));
	}

	/**
	 * Updates a partner with write-through: right after the write, the partner is read back once and cached again, so
	 * the next {@code GET /partners/{id}} is a cache hit with the new values.
	 * @param id the partner id
	 * @param changes the fields to write
	 * @return the partner as Odoo now holds it (from the refreshed cache entry)
	 */
	@PutMapping("/partners/{id}/write-through")
	public Mono<ResPartner> updateWriteThrough(@PathVariable long id, @RequestBody Map<String, Object> changes) {
		requireChanges(changes);
		return this.client.model(ResPartner.class)
			.writeThrough()
			.update(id, changes)
			.then(partner(id));
	}

	/**
	 * The Odoo server's version (cached as metadata).
	 * @return the version
	 */
	@GetMapping("/odoo/version")
	public Mono<OdooVersion> version() {
		return this.client.version();
	}

	private Mono<Boolean> write(long id, Map<String, Object> changes) {
		requireChanges(changes);
		return this.client.model(ResPartner.class).update(id, changes);
	}

	private static void requireChanges(Map<String, Object> changes) {
		if (changes.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no fields to write");
		}
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + id);
	}

}
