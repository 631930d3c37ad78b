package io.zenoo.actuate;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zenoo.client.OdooCallObserver;
import io.zenoo.client.transport.OdooCall;
import reactor.core.publisher.Mono;

/**
 * Times every Odoo call as {@code zenoo.rpc}, tagged {@code model}, {@code method} and {@code outcome}
 * ({@code success}, {@code cancelled}, or the simple class name of the exception).
 */
public class MicrometerOdooCallObserver implements OdooCallObserver {

	/** The timer name. */
	public static final String METRIC = "zenoo.rpc";

	private final MeterRegistry registry;

	/**
	 * Create an observer.
	 * @param registry where the timers go
	 */
	public MicrometerOdooCallObserver(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return rpc.doOnSuccess((value) -> record(call, "success", start))
				.doOnError((ex) -> record(call, ex.getClass().getSimpleName(), start))
				.doOnCancel(() -> record(call, "cancelled", start));
		});
	}

	private void record(OdooCall call, String outcome, long start) {
		Timer.builder(METRIC)
			.description("Calls to Odoo")
			.tag("model", call.model())
			.tag("method", call.method())
			.tag("outcome", outcome)
			.register(this.registry)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

}
