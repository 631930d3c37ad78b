package io.zenoo.client.model;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A contact or company ({@code res.partner}). Empty fields (Odoo's {@code false}) are {@code null}; selection fields
 * ({@code lang}, {@code type}) are kept as their keys because modules may add keys.
 *
 * @param id the record id
 * @param name the name
 * @param displayName the display name (computed)
 * @param isCompany whether the partner is a company
 * @param email the email address
 * @param phone the phone number
 * @param street the street
 * @param city the city
 * @param zip the postal code
 * @param countryId the country
 * @param stateId the state
 * @param parentId the related company
 * @param childIds the ids of the contacts (one2many, read only here)
 * @param customerRank the customer rank
 * @param supplierRank the supplier rank
 * @param active whether the partner is active (not archived)
 * @param companyId the company the partner belongs to, {@code null} when shared
 * @param userId the salesperson
 * @param lang the language code, for example {@code en_US}
 * @param vat the tax id
 * @param categoryId the ids of the tags (many2many)
 * @param type the address type key: {@code contact}, {@code invoice}, {@code delivery}, {@code other}
 * @param function the job position
 * @param website the website link
 * @param comment the notes (HTML)
 * @param createDate when the record was created (UTC)
 * @param writeDate when the record was last updated (UTC)
 */
@OdooModel("res.partner")
public record ResPartner(long id, @Nullable String name, @OdooField(readOnly = true) @Nullable String displayName,
		boolean isCompany, @Nullable String email, @Nullable String phone, @Nullable String street,
		@Nullable String city, @Nullable String zip,
		@OdooField(relation = ResCountry.class) @Nullable Many2One countryId,
		@OdooField(relation = ResCountryState.class) @Nullable Many2One stateId,
		@OdooField(relation = ResPartner.class) @Nullable Many2One parentId,
		@OdooField(readOnly = true) List<Long> childIds, int customerRank, int supplierRank, boolean active,
		@Nullable Many2One companyId, @OdooField(relation = ResUsers.class) @Nullable Many2One userId,
		@Nullable String lang, @Nullable String vat, List<Long> categoryId, @Nullable String type,
		@Nullable String function, @Nullable String website, @Nullable String comment,
		@OdooField(readOnly = true) @Nullable LocalDateTime createDate,
		@OdooField(readOnly = true) @Nullable LocalDateTime writeDate) {

	/**
	 * Copies the id lists so the record is immutable.
	 */
	public ResPartner {
		childIds = (childIds != null) ? List.copyOf(childIds) : List.of();
		categoryId = (categoryId != null) ? List.copyOf(categoryId) : List.of();
	}

}
