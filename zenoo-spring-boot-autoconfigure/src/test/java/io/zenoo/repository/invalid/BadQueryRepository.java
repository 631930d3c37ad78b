package io.zenoo.repository.invalid;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooQuery;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;

/** An explicit domain that does not parse. */
public interface BadQueryRepository extends OdooRepository<ResPartner, Long> {

	@OdooQuery(domain = "[('name', '=', ?0")
	Flux<ResPartner> broken(String name);

}
