package io.zenoo.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A country ({@code res.country}).
 *
 * @param id the record id
 * @param name the country name
 * @param code the ISO 3166-1 alpha-2 code, for example {@code BE}
 * @param currencyId the currency
 * @param phoneCode the calling code, {@code 0} when unknown
 * @param stateIds the ids of the states (one2many, read only here)
 */
@OdooModel("res.country")
public record ResCountry(long id, @Nullable String name, @Nullable String code,
		@OdooField(relation = ResCurrency.class) @Nullable Many2One currencyId,
		int phoneCode, @OdooField(readOnly = true) List<Long> stateIds) {

	/**
	 * Copies the id list so the record is immutable.
	 */
	public ResCountry {
		stateIds = (stateIds != null) ? List.copyOf(stateIds) : List.of();
	}

}
