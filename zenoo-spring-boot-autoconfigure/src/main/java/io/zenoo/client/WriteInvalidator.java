package io.zenoo.client;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * What a client does after a write so that no cache serves what the write changed. By default it invalidates the
 * written model (and its related models) through {@link io.zenoo.cache.ZenooCacheManager#invalidateModels}; a unit of
 * work can put its own in place ({@link ZenooClient#withWriteInvalidator}) to collect the models it touches and
 * invalidate them once, when it ends.
 */
@FunctionalInterface
public interface WriteInvalidator {

	/** Invalidates nothing: the client has no cache. */
	WriteInvalidator NONE = (models) -> Mono.empty();

	/**
	 * Invalidate the cached queries of the models.
	 * @param models the written models
	 * @return completes once this instance no longer serves the models' older entries; never an error
	 */
	Mono<Void> invalidate(Set<String> models);

}
