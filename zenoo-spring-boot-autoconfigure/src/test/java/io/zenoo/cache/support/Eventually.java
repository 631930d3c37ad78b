package io.zenoo.cache.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded poll for tests that wait on background work: no sleeping, no unbounded wait.
 */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * Check the condition every 20 ms until it holds; fail if it does not within 10 seconds.
	 * @param condition the condition, checked on a thread that may block
	 */
	public static void eventually(BooleanSupplier condition) {
		Boolean done = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
			.onBackpressureDrop()
			.publishOn(Schedulers.boundedElastic(), 1)
			.map((tick) -> condition.getAsBoolean())
			.takeUntil(Boolean::booleanValue)
			.last()
			.block(Duration.ofSeconds(10));
		assertThat(done).as("condition held within 10 s").isTrue();
	}

}
