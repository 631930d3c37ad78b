package io.zenoo.client.transport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooConnectionException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooServerError;
import io.zenoo.client.error.OdooTimeoutException;
import io.zenoo.client.error.OdooUnknownFieldException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RetriesTest {

	private static final ZenooClientSettings SETTINGS = ZenooClientSettings
		.of("http://127.0.0.1:8069", "demo", OdooCredentials.password("admin", "admin"))
		.withRetry(2, Duration.ofMillis(1));

	@Test
	void transientFailuresAreRetriedThenTheTypedErrorSurfaces() {
		assertAttempts(() -> new OdooConnectionException("refused", null), 3);
		assertAttempts(() -> new OdooTimeoutException("slow", null), 3);
		assertAttempts(() -> new OdooHttpStatusException("gateway", 502, "<html>"), 3);
		assertAttempts(() -> new OdooHttpStatusException("unavailable", 503, ""), 3);
		assertAttempts(() -> new OdooHttpStatusException("gateway timeout", 504, ""), 3);
	}

	@Test
	void otherFailuresAreNotRetried() {
		assertAttempts(() -> new OdooHttpStatusException("bad request", 400, "Invalid JSON data"), 1);
		assertAttempts(() -> new OdooUnknownFieldException(
				new OdooServerError("builtins.ValueError", "Invalid field", List.of(), null, "res.partner", "read")), 1);
	}

	@Test
	void zeroAttemptsMeansOneTry() {
		AtomicInteger attempts = new AtomicInteger();
		Retries none = new Retries(SETTINGS.withRetry(0, Duration.ofMillis(1)));

		StepVerifier.create(none.apply(Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(new OdooConnectionException("refused", null));
		}))).verifyError(OdooConnectionException.class);
		assertThat(attempts).hasValue(1);
	}

	@Test
	void zeroBackoffRetriesImmediately() {
		AtomicInteger attempts = new AtomicInteger();
		Retries immediate = new Retries(SETTINGS.withRetry(2, Duration.ZERO));

		StepVerifier.create(immediate.apply(Mono.defer(() -> (attempts.incrementAndGet() < 3)
				? Mono.error(new OdooConnectionException("refused", null)) : Mono.just("ok"))))
			.expectNext("ok")
			.verifyComplete();
		assertThat(attempts).hasValue(3);
	}

	private static void assertAttempts(Supplier<OdooException> failure, int expected) {
		AtomicInteger attempts = new AtomicInteger();
		OdooException error = failure.get();

		StepVerifier.create(new Retries(SETTINGS).apply(Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(error);
		}))).expectErrorSatisfies((thrown) -> assertThat(thrown).isSameAs(error)).verify(Duration.ofSeconds(5));
		assertThat(attempts).as("attempts for %s", error).hasValue(expected);
	}

}
