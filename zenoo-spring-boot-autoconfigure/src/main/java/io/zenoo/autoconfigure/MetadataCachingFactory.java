package io.zenoo.autoconfigure;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.MetadataCaching;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code zenoo.cache.metadata-*} into the client's {@link MetadataCaching}, failing startup with the property's
 * name when it is wrong.
 */
final class MetadataCachingFactory {

	private MetadataCachingFactory() {
	}

	static MetadataCaching create(@Nullable ZenooMetadataProperties properties,
			@Nullable ZenooCacheManager cacheManager) {
		if (properties == null) {
			return MetadataCaching.defaults();
		}
		if (properties.getMetadataTtl() == null || properties.getMetadataTtl().isNegative()) {
			throw new ZenooConfigurationException("zenoo.cache.metadata-ttl", "must not be negative",
					"Set a duration such as 1h, or 0 for metadata that never expires.");
		}
		String cacheName = properties.getMetadataCache();
		boolean caching = cacheManager != null && !cacheManager.getCacheNames().isEmpty();
		if (cacheName == null || !caching) {
			// with caching off there is nothing to check: metadata is simply not cached
			return new MetadataCaching(null, properties.getMetadataTtl());
		}
		if (cacheName.isBlank() || cacheManager.getCache(cacheName) == null) {
			throw new ZenooConfigurationException("zenoo.cache.metadata-cache",
					"names the cache '" + cacheName + "', which is not configured",
					"Use one of " + cacheManager.getCacheNames()
							+ ", configure it under zenoo.cache.caches, or leave it unset for the default cache.");
		}
		return new MetadataCaching(cacheName, properties.getMetadataTtl());
	}

}
