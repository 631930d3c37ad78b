package io.zenoo.repository.invalid;

import io.zenoo.annotation.OdooCached;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;

/** A TTL that is not a duration. */
public interface BadTtlRepository extends OdooRepository<ResPartner, Long> {

	@OdooCached(ttl = "five minutes")
	Flux<ResPartner> findByCity(String city);

}
