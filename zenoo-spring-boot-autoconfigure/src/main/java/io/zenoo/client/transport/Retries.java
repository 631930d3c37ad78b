package io.zenoo.client.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

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

	/**
	 * The request with retries. Reactor's retry operator is set up only once the first attempt has failed with a
	 * transient failure, so that a call that succeeds (nearly all of them) does not pay for it: it then sees that
	 * failure as its first, backs off and subscribes the request again, exactly as if it had been there from the
	 * start.
	 */
	<T> Mono<T> apply(Mono<T> request) {
		if (this.attempts == 0) {
			return request;
		}
		return request.onErrorResume(Retries::isTransient, (first) -> {
			AtomicBoolean firstReplayed = new AtomicBoolean();
			return Mono.defer(() -> firstReplayed.compareAndSet(false, true) ? Mono.<T>error(first) : request)
				.retryWhen(this.retry);
		});
	}

	private static void log(Retry.RetrySignal signal) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying after a transient failure (retry " + (signal.totalRetries() + 1) + "): "
					+ signal.failure().getMessage());
		}
	}

}
