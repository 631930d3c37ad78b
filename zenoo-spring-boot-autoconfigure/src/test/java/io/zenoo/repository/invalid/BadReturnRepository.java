package io.zenoo.repository.invalid;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Mono;

/** A count that says it returns a string. */
public interface BadReturnRepository extends OdooRepository<ResPartner, Long> {

	Mono<String> countByCity(String city);

}
