package io.zenoo.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A user ({@code res.users}). The password is deliberately not a component.
 *
 * @param id the record id
 * @param login the login
 * @param name the name (of the related partner)
 * @param partnerId the related partner
 * @param active whether the user is active
 * @param companyId the current company
 * @param companyIds the ids of the allowed companies (many2many)
 * @param share whether this is a portal or public user (computed)
 * @param lang the language code
 * @param tz the time zone name, for example {@code Europe/Brussels}
 */
@OdooModel("res.users")
public record ResUsers(long id, @Nullable String login, @Nullable String name,
		@OdooField(relation = ResPartner.class) @Nullable Many2One partnerId,
		boolean active, @Nullable Many2One companyId, List<Long> companyIds,
		@OdooField(readOnly = true) boolean share, @Nullable String lang, @Nullable String tz) {

	/**
	 * Copies the id list so the record is immutable.
	 */
	public ResUsers {
		companyIds = (companyIds != null) ? List.copyOf(companyIds) : List.of();
	}

}
