package io.zenoo.cache;

import java.time.Duration;
import java.util.function.Consumer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Protects Redis calls: a short timeout per command, a few quick retries, and a circuit breaker that opens after
 * {@code circuit-breaker-threshold} consecutive failed calls and lets one probe through after
 * {@code circuit-breaker-wait}.
 */
final class RedisGuard {

	private static final Logger logger = LoggerFactory.getLogger(RedisGuard.class);

	private static final Duration RETRY_DELAY = Duration.ofMillis(20);

	private final CircuitBreaker breaker;

	private final Duration commandTimeout;

	private final int retryAttempts;

	RedisGuard(RedisCacheSpec spec, Consumer<CircuitBreaker.StateTransition> onTransition) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(spec.circuitBreakerThreshold())
			.minimumNumberOfCalls(spec.circuitBreakerThreshold())
			.failureRateThreshold(100f)
			.waitDurationInOpenState(spec.circuitBreakerWait())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.writableStackTraceEnabled(false)
			.build();
		this.breaker = CircuitBreaker.of("zenoo-redis-" + spec.name(), config);
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			logger.info("Redis cache '{}': circuit breaker {}", spec.name(), event.getStateTransition());
			onTransition.accept(event.getStateTransition());
		});
		this.commandTimeout = spec.commandTimeout();
		this.retryAttempts = spec.retryAttempts();
	}

	<T> Mono<T> call(Mono<T> command) {
		Mono<T> timed = command.timeout(this.commandTimeout);
		if (this.retryAttempts > 0) {
			timed = timed.retryWhen(Retry.fixedDelay(this.retryAttempts, RETRY_DELAY)
				.filter((ex) -> !(ex instanceof CallNotPermittedException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
		}
		return timed.transformDeferred(CircuitBreakerOperator.of(this.breaker));
	}

	<T> Flux<T> stream(Flux<T> command) {
		return command.timeout(this.commandTimeout).transformDeferred(CircuitBreakerOperator.of(this.breaker));
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	Duration worstCallTime() {
		return this.commandTimeout.multipliedBy(this.retryAttempts + 1L)
			.plus(RETRY_DELAY.multipliedBy(this.retryAttempts));
	}

}
