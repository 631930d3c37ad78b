package io.zenoo.sample;

import java.util.List;

import io.zenoo.annotation.OdooCached;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Mono;

/**
 * Partners, as a Spring Data-style repository: Zenoo implements it at startup from the method names.
 * <p>
 * The company lists are cached by {@link OdooCached} in the default cache. Their keys carry the model's generation, so
 * any write to {@code res.partner} through the client (or this repository) retires them at once.
 */
public interface PartnerRepository extends OdooRepository<ResPartner, Long> {

	/**
	 * All companies by name: {@code [('is_company','=',True)]}, ordered by {@code name asc}.
	 * @return the companies
	 */
	@OdooCached(ttl = "10m")
	Mono<List<ResPartner>> findByIsCompanyTrueOrderByNameAsc();

	/**
	 * The companies of one country: {@code [('is_company','=',True), ('country_id.code','=',code)]}.
	 * @param code an ISO country code such as {@code BE}
	 * @return the companies by name
	 */
	@OdooCached(ttl = "10m")
	Mono<List<ResPartner>> findByIsCompanyTrueAndCountryIdCodeOrderByNameAsc(String code);

}
