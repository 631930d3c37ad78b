package io.zenoo.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cache annotations ({@code @OdooCached}, {@code @OdooCachePut}, {@code @OdooCacheEvict}), under
 * {@code zenoo.cache.annotations}.
 */
@ConfigurationProperties("zenoo.cache.annotations")
public class ZenooAnnotationProperties {

	/**
	 * Whether @OdooCached, @OdooCachePut and @OdooCacheEvict are applied. When off, annotated methods run as if not
	 * annotated.
	 */
	private boolean enabled = true;

	/**
	 * The most elements of a Flux result that an annotation caches (as one list); a longer Flux streams through
	 * uncached.
	 */
	private int maxFluxElements = 1000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxFluxElements() {
		return this.maxFluxElements;
	}

	public void setMaxFluxElements(int maxFluxElements) {
		this.maxFluxElements = maxFluxElements;
	}

}
