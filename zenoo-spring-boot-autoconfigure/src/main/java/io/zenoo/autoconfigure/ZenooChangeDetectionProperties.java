package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Change detection, from {@code zenoo.cache.change-detection.*}: which models are polled for changes made outside
 * the application, and how often. Turned into a {@link io.zenoo.cache.invalidation.ChangeWatch}.
 */
@ConfigurationProperties("zenoo.cache.change-detection")
public class ZenooChangeDetectionProperties {

	/**
	 * How often each watched model is polled (one read_group per model, returning its newest write_date and record
	 * count). A change made outside the application is seen at most this long (plus one poll) later.
	 */
	private Duration interval = Duration.ofSeconds(30);

	/**
	 * Models whose changes made outside the application (Odoo's UI, other programs) invalidate their cached queries,
	 * for example [res.partner, product.product]. Empty: no change detection.
	 */
	private List<String> models = new ArrayList<>();

	/**
	 * Redis or tiered cache whose Redis holds the leases that let one instance poll each model, and the last observed
	 * state. Not set: the first Redis or tiered cache; with none, every instance polls.
	 */
	private @Nullable String cache;

	/** @return the interval */
	public Duration getInterval() {
		return this.interval;
	}

	/** @param interval the interval */
	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	/** @return the watched models */
	public List<String> getModels() {
		return this.models;
	}

	/** @param models the watched models */
	public void setModels(List<String> models) {
		this.models = models;
	}

	/** @return the cache coordinating instances */
	public @Nullable String getCache() {
		return this.cache;
	}

	/** @param cache the cache coordinating instances */
	public void setCache(@Nullable String cache) {
		this.cache = cache;
	}

}
