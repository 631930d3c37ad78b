package io.zenoo.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a client caches Odoo metadata: the server version, the user's context ({@code res.users.context_get}) and
 * field definitions ({@code fields_get}). Metadata changes when modules are installed, not when records are written, so
 * it is kept much longer than query results and is not dropped by record writes; {@link ZenooClient#refreshMetadata()}
 * drops it on demand.
 *
 * @param cacheName the cache that holds metadata, or {@code null} for the default cache
 * @param ttl how long metadata is kept; {@link Duration#ZERO} for no expiry
 */
public record MetadataCaching(@Nullable String cacheName, Duration ttl) {

	/** The TTL of metadata unless configured otherwise: one hour. */
	public static final Duration DEFAULT_TTL = Duration.ofHours(1);

	/**
	 * Checks the settings.
	 * @throws IllegalArgumentException if the TTL is negative or the cache name blank
	 */
	public MetadataCaching {
		Objects.requireNonNull(ttl, "ttl must not be null");
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("metadata TTL must not be negative, got " + ttl);
		}
		if (cacheName != null && cacheName.isBlank()) {
			throw new IllegalArgumentException("metadata cache name must not be blank");
		}
	}

	/**
	 * The defaults: the default cache, one hour.
	 * @return the default settings
	 */
	public static MetadataCaching defaults() {
		return new MetadataCaching(null, DEFAULT_TTL);
	}

}
