package io.zenoo.actuate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zenoo.client.OdooCallObserver;
import io.zenoo.client.transport.OdooCall;
import reactor.core.publisher.Mono;

/**
 * Wraps every Odoo call in a Micrometer {@link Observation} named {@code zenoo.rpc} with the low-cardinality keys
 * {@code model}, {@code method} and, once it ended, {@code outcome} ({@code success}, {@code cancelled}, or the simple
 * class name of the exception, as {@link MicrometerOdooCallObserver}'s timer); the parent is the observation in the
 * Reactor context, if any (Spring WebFlux puts the request's there), and the call's own observation is put in the
 * context of the call for the HTTP client below. With Spring Boot's meter observation handler the observations also
 * make the {@code zenoo.rpc} timer.
 */
public class ObservationOdooCallObserver implements OdooCallObserver {

	/** The observation name. */
	public static final String NAME = "zenoo.rpc";

	/** Where Reactor's context holds the current observation (Micrometer's {@code ObservationThreadLocalAccessor.KEY}). */
	static final String CONTEXT_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	/**
	 * Create an observer.
	 * @param registry the observation registry
	 */
	public ObservationOdooCallObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
		return Mono.deferContextual((context) -> {
			Observation observation = Observation.createNotStarted(NAME, this.registry)
				.contextualName("odoo " + call.model() + "." + call.method())
				.lowCardinalityKeyValue("model", call.model())
				.lowCardinalityKeyValue("method", call.method());
			Observation parent = context.getOrDefault(CONTEXT_KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			observation.start();
			// stopped before the result reaches the caller (doFinally would run after it)
			return rpc.doOnSuccess((value) -> stop(observation, "success"))
				.doOnError((ex) -> {
					observation.error(ex);
					stop(observation, ex.getClass().getSimpleName());
				})
				.doOnCancel(() -> stop(observation, "cancelled"))
				.contextWrite((inner) -> inner.put(CONTEXT_KEY, observation));
		});
	}

	private static void stop(Observation observation, String outcome) {
		observation.lowCardinalityKeyValue("outcome", outcome);
		observation.stop();
	}

}
