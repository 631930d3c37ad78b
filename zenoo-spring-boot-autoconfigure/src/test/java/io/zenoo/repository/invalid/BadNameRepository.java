package io.zenoo.repository.invalid;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;

/** A method name that names no component. */
public interface BadNameRepository extends OdooRepository<ResPartner, Long> {

	Flux<ResPartner> findByNmae(String name);

}
