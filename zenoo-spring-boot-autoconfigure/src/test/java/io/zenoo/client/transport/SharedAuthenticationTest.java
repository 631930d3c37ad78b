package io.zenoo.client.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SharedAuthenticationTest {

	@Test
	void concurrentFirstCallersShareOneLogin() {
		AtomicInteger logins = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(
				() -> Mono.delay(Duration.ofMillis(50)).map((tick) -> logins.incrementAndGet()));

		StepVerifier.create(Flux.range(0, 16).flatMap((i) -> auth.current()).collectList())
			.assertNext((uids) -> assertThat(uids).hasSize(16).containsOnly(1))
			.verifyComplete();
		StepVerifier.create(auth.current()).expectNext(1).verifyComplete();
		assertThat(logins).hasValue(1);
	}

	@Test
	void failedLoginIsNotKept() {
		AtomicInteger attempts = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(() -> (attempts.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("down")) : Mono.just(attempts.get()));

		StepVerifier.create(auth.current()).verifyErrorMessage("down");
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void manyCallersRenewingTheSameExpiredLoginShareOneNewLogin() {
		AtomicInteger logins = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(
				() -> Mono.delay(Duration.ofMillis(20)).map((tick) -> logins.incrementAndGet()));
		Mono<Integer> expired = auth.current();
		StepVerifier.create(expired).expectNext(1).verifyComplete();

		StepVerifier.create(Flux.range(0, 8).flatMap((i) -> auth.renew(expired)).collectList())
			.assertNext((uids) -> assertThat(uids).containsOnly(2))
			.verifyComplete();
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		assertThat(logins).hasValue(2);
	}

}
