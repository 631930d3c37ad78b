package io.zenoo.cache.invalidation;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Which instance polls a model, and where the last observed state of each model is kept.
 */
interface WatchCoordinator extends AutoCloseable {

	/**
	 * @param model the model
	 * @return whether this instance polls the model this interval (taking or renewing its lease); never an error
	 */
	Mono<Boolean> lead(String model);

	/**
	 * @param model the model
	 * @return the last observed state, or empty when there is none; never an error
	 */
	Mono<ModelState> load(String model);

	/**
	 * @param model the model
	 * @param state the state to keep
	 * @return completes when kept; never an error
	 */
	Mono<Void> save(String model, ModelState state);

	/** Give up the leases this instance holds. */
	@Override
	void close();

	/** Each instance polls every model and keeps its states in memory: instances without a shared Redis. */
	final class Local implements WatchCoordinator {

		private final java.util.concurrent.ConcurrentHashMap<String, ModelState> states = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public Mono<Boolean> lead(String model) {
			return Mono.just(true);
		}

		@Override
		public Mono<ModelState> load(String model) {
			return Mono.justOrEmpty(this.states.get(model));
		}

		@Override
		public Mono<Void> save(String model, ModelState state) {
			return Mono.fromRunnable(() -> this.states.put(model, state));
		}

		@Nullable ModelState state(String model) {
			return this.states.get(model);
		}

		@Override
		public void close() {
		}

	}

}
