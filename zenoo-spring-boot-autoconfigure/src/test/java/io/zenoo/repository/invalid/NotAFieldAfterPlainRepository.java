package io.zenoo.repository.invalid;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;

/** A path that goes on after a plain component. */
public interface NotAFieldAfterPlainRepository extends OdooRepository<ResPartner, Long> {

	Flux<ResPartner> findByCityLength(int length);

}
