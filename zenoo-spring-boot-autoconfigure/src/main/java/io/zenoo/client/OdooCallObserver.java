package io.zenoo.client;

import java.util.List;
import java.util.Objects;

import io.zenoo.client.transport.OdooCall;
import reactor.core.publisher.Mono;

/**
 * Watches every call the client makes to Odoo (metrics, tracing, logging). The client hands each call's result to
 * {@link #observe} before anyone subscribes to it, so an observer sees the call's subscription, its outcome and its
 * duration. Auto-configuration wires the Micrometer timer and the Observation observer when those are available;
 * several observers are chained with {@link #compose(List)}.
 */
@FunctionalInterface
public interface OdooCallObserver {

	/** An observer that changes nothing. */
	OdooCallObserver NONE = new OdooCallObserver() {

		@Override
		public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
			return rpc;
		}

	};

	/**
	 * Wrap one call.
	 * @param <T> the result type
	 * @param call what is called (model, method); never carries credentials
	 * @param rpc the call, not yet subscribed
	 * @return the call with observation added; must emit exactly what {@code rpc} emits
	 */
	<T> Mono<T> observe(OdooCall call, Mono<T> rpc);

	/**
	 * Chain observers: the first one given is the outermost.
	 * @param observers the observers
	 * @return one observer applying them all
	 */
	static OdooCallObserver compose(List<OdooCallObserver> observers) {
		List<OdooCallObserver> all = List.copyOf(Objects.requireNonNull(observers, "observers must not be null"));
		if (all.isEmpty()) {
			return NONE;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		return new OdooCallObserver() {

			@Override
			public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
				Mono<T> result = rpc;
				for (int i = all.size() - 1; i >= 0; i--) {
					result = all.get(i).observe(call, result);
				}
				return result;
			}

		};
	}

}
