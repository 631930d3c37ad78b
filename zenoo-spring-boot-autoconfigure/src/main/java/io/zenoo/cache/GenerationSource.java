package io.zenoo.cache;

import reactor.core.publisher.Mono;

/**
 * Where a cache's query keys get the generation of a model: the number every key of the model carries, changed by
 * every write of the model so that the model's older entries are never read again.
 */
interface GenerationSource {

	/**
	 * The generation of a model now. On the hot path of every cached read: no allocation, no I/O.
	 * @param model the model
	 * @return the generation
	 */
	long current(String model);

	/**
	 * @return whether {@link #current(String)} can be used without waiting (false only while numbers shared through
	 * Redis are loading)
	 */
	default boolean ready() {
		return true;
	}

	/**
	 * @return completes once {@link #ready()} or after a bounded wait; never an error
	 */
	default Mono<Void> whenReady() {
		return Mono.empty();
	}

}
