package io.zenoo.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A state or province of a country ({@code res.country.state}).
 *
 * @param id the record id
 * @param name the state name
 * @param code the state code, for example {@code CA}
 * @param countryId the country
 */
@OdooModel("res.country.state")
public record ResCountryState(long id, @Nullable String name, @Nullable String code,
		@OdooField(relation = ResCountry.class) @Nullable Many2One countryId) {
}
