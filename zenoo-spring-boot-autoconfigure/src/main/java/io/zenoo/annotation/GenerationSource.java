package io.zenoo.annotation;

/**
 * The current generation of a model's cache entries; annotation keys carry it, so that moving a model to a new
 * generation retires all its entries at once.
 */
@FunctionalInterface
public interface GenerationSource {

	/** No generations: every key carries 0. */
	GenerationSource NONE = (model) -> 0L;

	/**
	 * The generation of a model.
	 * @param model the model
	 * @return its generation
	 */
	long generation(String model);

}
