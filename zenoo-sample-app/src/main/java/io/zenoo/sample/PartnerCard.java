package io.zenoo.sample;

import io.zenoo.client.model.ResPartner;
import org.jspecify.annotations.Nullable;

/**
 * The small, immutable view of a partner that {@link CacheAsideController} keeps in the cache under a key of its own.
 * @param id the partner id
 * @param name its name
 * @param email its email address
 * @param city its city
 */
public record PartnerCard(long id, @Nullable String name, @Nullable String email, @Nullable String city) {

	static PartnerCard of(ResPartner partner) {
		return new PartnerCard(partner.id(), partner.name(), partner.email(), partner.city());
	}

}
