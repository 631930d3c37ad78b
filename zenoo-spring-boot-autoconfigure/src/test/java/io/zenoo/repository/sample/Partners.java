package io.zenoo.repository.sample;

import java.util.List;

import io.zenoo.client.model.ResPartner;

/**
 * Partner records for the tests to save.
 */
public final class Partners {

	private Partners() {
	}

	/** A copy of a partner with another id (0 for a new record) and name. */
	public static ResPartner copy(ResPartner p, long id, String name) {
		return new ResPartner(id, name, null, p.isCompany(), p.email(), p.phone(), p.street(), p.city(), p.zip(),
				p.countryId(), p.stateId(), p.parentId(), List.of(), p.customerRank(), p.supplierRank(), p.active(),
				p.companyId(), p.userId(), p.lang(), p.vat(), p.categoryId(), p.type(), p.function(), p.website(),
				p.comment(), null, null);
	}

}
