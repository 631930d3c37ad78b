package io.zenoo.client.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.client.OdooCallObserver;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

class SharedAuthenticationTest {

	private static final OdooCall LOGIN = OdooCall.read("common", "authenticate", Map.of());

	/** Records the calls it observes, each once it completed. */
	static final class RecordingObserver implements OdooCallObserver {

		final List<String> observed = new CopyOnWriteArrayList<>();

		@Override
		public <T> Mono<T> observe(OdooCall call, Mono<T> rpc) {
			return rpc.doOnSuccess((value) -> this.observed.add(call.model() + "." + call.method()));
		}

	}

	@Test
	void concurrentFirstCallersShareOneLogin() {
		AtomicInteger logins = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(LOGIN,
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
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(LOGIN, () -> (attempts.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("down")) : Mono.just(attempts.get()));

		StepVerifier.create(auth.current()).verifyErrorMessage("down");
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void manyCallersRenewingTheSameExpiredLoginShareOneNewLogin() {
		AtomicInteger logins = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(LOGIN,
				() -> Mono.delay(Duration.ofMillis(20)).map((tick) -> logins.incrementAndGet()));
		Mono<Integer> expired = auth.current();
		StepVerifier.create(expired).expectNext(1).verifyComplete();

		StepVerifier.create(Flux.range(0, 8).flatMap((i) -> auth.renew(expired)).collectList())
			.assertNext((uids) -> assertThat(uids).containsOnly(2))
			.verifyComplete();
		StepVerifier.create(auth.current()).expectNext(2).verifyComplete();
		assertThat(logins).hasValue(2);
	}

	@Test
	void eachLoginSentIsObservedOnceByTheObserverInTheCallersContext() {
		AtomicInteger logins = new AtomicInteger();
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(LOGIN,
				() -> Mono.delay(Duration.ofMillis(20)).map((tick) -> logins.incrementAndGet()));
		RecordingObserver observer = new RecordingObserver();
		Context context = Context.of(OdooCallObserver.CONTEXT_KEY, observer);

		StepVerifier.create(Flux.range(0, 8).flatMap((i) -> auth.current().contextWrite(context)).collectList())
			.assertNext((uids) -> assertThat(uids).containsOnly(1))
			.verifyComplete();
		StepVerifier.create(auth.current().contextWrite(context)).expectNext(1).verifyComplete();
		assertThat(observer.observed).containsExactly("common.authenticate");

		Mono<Integer> expired = auth.current();
		StepVerifier.create(auth.renew(expired).contextWrite(context)).expectNext(2).verifyComplete();
		assertThat(observer.observed).containsExactly("common.authenticate", "common.authenticate");
		assertThat(logins).hasValue(2);
	}

	@Test
	void withoutAnObserverInTheContextTheLoginIsSentPlainly() {
		SharedAuthentication<Integer> auth = new SharedAuthentication<>(LOGIN, () -> Mono.just(7));
		StepVerifier.create(auth.current()).expectNext(7).verifyComplete();
	}

}
