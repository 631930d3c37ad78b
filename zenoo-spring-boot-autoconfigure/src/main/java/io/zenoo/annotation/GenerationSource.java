package io.zenoo.annotation;

import io.zenoo.cache.ZenooCache;
import reactor.core.publisher.Mono;

/**
 * The current generation of a model's entries in a cache; annotation keys carry it, so that moving a model to a new
 * generation (any write of the model through the client, or {@code invalidateModelCache}) retires all its entries at
 * once, as it does for the client's query keys.
 */
@FunctionalInterface
public interface GenerationSource {

	/** No generations: every key carries 0. */
	GenerationSource NONE = (cache, model) -> 0L;

	/**
	 * The generation of a model in a cache.
	 * @param cache the cache the key is for
	 * @param model the model
	 * @return its generation
	 */
	long generation(ZenooCache cache, String model);

	/**
	 * Completes once {@link #generation} answers the generation every instance uses, rather than a private one: a
	 * Redis-backed cache loads the shared generations when it starts and after a lost connection.
	 * @param cache the cache the key is for
	 * @param model the model
	 * @return completes when ready (or when waiting is given up, bounded); never an error
	 */
	default Mono<Void> ready(ZenooCache cache, String model) {
		return Mono.empty();
	}

}
