package io.zenoo.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Metadata caching, from {@code zenoo.cache.metadata-ttl} and {@code zenoo.cache.metadata-cache}: how the client caches
 * the server version, the user's context and {@code fields_get}. Bound to the same prefix as
 * {@link ZenooCacheProperties}, of which it is the metadata part. Turned into the client's
 * {@link io.zenoo.client.MetadataCaching}.
 */
@ConfigurationProperties("zenoo.cache")
public class ZenooMetadataProperties {

	/**
	 * How long the server version, the user's context and fields_get results stay cached. 0 means they never expire
	 * (until client.refreshMetadata()).
	 */
	private Duration metadataTtl = Duration.ofHours(1);

	/**
	 * Cache that holds metadata. Not set: the default cache.
	 */
	private @Nullable String metadataCache;

	/** @return the metadata TTL */
	public Duration getMetadataTtl() {
		return this.metadataTtl;
	}

	/** @param metadataTtl the metadata TTL */
	public void setMetadataTtl(Duration metadataTtl) {
		this.metadataTtl = metadataTtl;
	}

	/** @return the metadata cache name, or {@code null} for the default cache */
	public @Nullable String getMetadataCache() {
		return this.metadataCache;
	}

	/** @param metadataCache the metadata cache name */
	public void setMetadataCache(@Nullable String metadataCache) {
		this.metadataCache = metadataCache;
	}

}
