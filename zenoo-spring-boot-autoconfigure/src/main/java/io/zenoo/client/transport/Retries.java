package io.zenoo.client.transport;

import java.time.Duration;

import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooTransportException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry policy: only transient transport failures (timeouts, refused or dropped connections, HTTP 502/503/504),
 * {@code retryAttempts} times with exponential back-off and jitter. Errors Odoo reported are never retried. When the
 * attempts are exhausted the last typed error reaches the caller, not Reactor's {@code RetryExhaustedException}.
 */
final class Retries {

	private static final Log logger = LogFactory.getLog(Retries.class);

	private static final double JITTER = 0.5;

	private final int attempts;

	private final Retry retry;

	Retries(ZenooClientSettings settings) {
		this.attempts = settings.retryAttempts();
		this.retry = settings.retryBackoff().isZero() ? immediate(this.attempts)
				: backoff(this.attempts, settings.retryBackoff());
	}

	private static Retry immediate(int attempts) {
		return Retry.max(attempts)
			.filter(Retries::isTransient)
			.doBeforeRetry(Retries::log)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	private static Retry backoff(int attempts, Duration firstBackoff) {
		return Retry.backoff(attempts, firstBackoff)
			.jitter(JITTER)
			.filter(Retries::isTransient)
			.doBeforeRetry(Retries::log)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
	}

	static boolean isTransient(Throwable failure) {
		return failure instanceof OdooTransportException transport && transport.isTransient();
	}

	<T> Mono<T> apply(Mono<T> request) {
		return (this.attempts > 0) ? request.retryWhen(this.retry) : request;
	}

	private static void log(Retry.RetrySignal signal) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after a transient failure (retry " + (signal.totalRetries() + 1) + "): "
					+ signal.failure().getMessage());
		}
	}

}
