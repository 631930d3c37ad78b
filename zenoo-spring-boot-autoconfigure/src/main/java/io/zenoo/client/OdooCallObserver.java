package io.zenoo.client;

import java.util.List;
import java.util.Objects;

import io.zenoo.client.transport.OdooCall;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Watches every call the client makes to Odoo (metrics, tracing, logging). The client hands each call's result to
 * {@link #observe} before anyone subscribes to it, so an observer sees the call's subscription, its outcome and its
 * duration. Auto-configuration wires the Micrometer timer and the Observation observer when those are available;
 * several observers are chained with {@link #compose(List)}.
 * <p>
 * Calls a transport makes on its own, authentication above all, are observed too: the client puts its observer in
 * the Reactor context under {@link #CONTEXT_KEY}, and the transport wraps each login it actually sends (once, however
 * many calls wait for it) with {@link #from(ContextView) that observer}. {@link ZenooClient#version()} is observed
 * as {@code common.version}.
 */
@FunctionalInterface
public interface OdooCallObserver {

	/** Where the client puts its observer in the Reactor context of its calls. */
	String CONTEXT_KEY = OdooCallObserver.class.getName();

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
	 * The observer a client put in a Reactor context.
	 * @param context the context of a call
	 * @return the observer, or {@link #NONE} when there is none
	 */
	static OdooCallObserver from(ContextView context) {
		return context.getOrDefault(CONTEXT_KEY, NONE);
	}

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
