package io.zenoo.repository.invalid;

import io.zenoo.annotation.OdooCached;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;

/** A cache that is not configured. */
public interface UnknownCacheRepository extends OdooRepository<ResPartner, Long> {

	@OdooCached(cache = "fats")
	Flux<ResPartner> findByCity(String city);

}
