package io.zenoo.client.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.error.OdooBulkheadFullException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link OdooBulkhead} on its own, with requests that end when the test says so: places are handed on first in,
 * first out, given back exactly once whatever ends the request, and never more are taken than the limit even when
 * completions, cancellations and timeouts race on many threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OdooBulkheadTest {

	private static final Target TARGET = new Target("res.partner", "search_read");

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger maxRunning = new AtomicInteger();

	/** A request that counts itself from its subscription until it ends or is cancelled. */
	private Mono<String> request(Mono<String> end) {
		return Mono.defer(() -> {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			AtomicBoolean over = new AtomicBoolean();
			Runnable leave = () -> {
				if (over.compareAndSet(false, true)) {
					this.running.decrementAndGet();
				}
			};
			return end.doOnTerminate(leave).doOnCancel(leave);
		});
	}

	@Test
	void withoutALimitTheRequestIsUntouched() {
		OdooBulkhead bulkhead = new OdooBulkhead(BulkheadSettings.UNLIMITED, "http://127.0.0.1:1");
		Mono<String> request = Mono.just("ok");
		assertThat(bulkhead.guard(request, TARGET)).isSameAs(request);
		assertThat(bulkhead.maxConcurrent()).isZero();
	}

	@Test
	void waitingRequestsGetPlacesInTheOrderTheyCame() {
		OdooBulkhead bulkhead = new OdooBulkhead(new BulkheadSettings(1, 10, Duration.ofSeconds(30)), "server");
		List<Sinks.One<String>> ends = new ArrayList<>();
		List<String> order = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Sinks.One<String> end = Sinks.one();
			ends.add(end);
			String name = "r" + i;
			bulkhead.guard(request(end.asMono()), TARGET).subscribe((value) -> order.add(name));
		}
		assertThat(bulkhead.inFlight()).isEqualTo(1);
		assertThat(bulkhead.queued()).isEqualTo(4);
		for (Sinks.One<String> end : ends) {
			end.tryEmitValue("done");
		}
		assertThat(order).containsExactly("r0", "r1", "r2", "r3", "r4");
		assertThat(this.maxRunning).hasValue(1);
		assertThat(bulkhead.inFlight()).isZero();
		assertThat(bulkhead.queued()).isZero();
	}

	@Test
	void aFailedRequestGivesItsPlaceBackBeforeItsCallerHearsOfIt() {
		OdooBulkhead bulkhead = new OdooBulkhead(new BulkheadSettings(1, 0, Duration.ofSeconds(30)), "server");
		StepVerifier.create(bulkhead.guard(Mono.<String>error(new IllegalStateException("boom")), TARGET))
			.expectErrorSatisfies((ex) -> assertThat(bulkhead.inFlight()).isZero())
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(bulkhead.guard(Mono.just("again"), TARGET))
			.expectNext("again")
			.verifyComplete();
	}

	@Test
	void withNoQueueARequestOverTheLimitIsRefusedAtOnce() {
		OdooBulkhead bulkhead = new OdooBulkhead(new BulkheadSettings(2, 0, Duration.ofSeconds(30)), "server");
		Disposable first = bulkhead.guard(Mono.<String>never(), TARGET).subscribe();
		Disposable second = bulkhead.guard(Mono.<String>never(), TARGET).subscribe();
		StepVerifier.create(bulkhead.guard(Mono.just("third"), TARGET))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(OdooBulkheadFullException.class)
				.hasMessageContaining("res.partner.search_read")
				.hasMessageContaining("server"))
			.verify(Duration.ofSeconds(5));
		assertThat(bulkhead.rejected()).isEqualTo(1);
		first.dispose();
		second.dispose();
		assertThat(bulkhead.inFlight()).isZero();
	}

	@Test
	void aThousandCancellationsLeaveEveryPlaceFree() {
		OdooBulkhead bulkhead = new OdooBulkhead(new BulkheadSettings(10, 1000, Duration.ofSeconds(30)), "server");
		List<Disposable> requests = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			requests.add(bulkhead.guard(request(Mono.never()), TARGET).subscribe());
		}
		assertThat(bulkhead.inFlight()).isEqualTo(10);
		assertThat(bulkhead.queued()).isEqualTo(990);
		assertThat(this.running).hasValue(10);
		// cancel at random, in flight and waiting mixed: each cancellation in flight hands the place on
		List<Disposable> shuffled = new ArrayList<>(requests);
		java.util.Collections.shuffle(shuffled, new java.util.Random(42));
		shuffled.forEach(Disposable::dispose);

		assertThat(bulkhead.inFlight()).isZero();
		assertThat(bulkhead.queued()).isZero();
		assertThat(this.running).hasValue(0);
		assertThat(this.maxRunning).hasValue(10);
		// and ten fresh requests run side by side again
		for (int i = 0; i < 10; i++) {
			bulkhead.guard(request(Mono.never()), TARGET).subscribe();
		}
		assertThat(this.running).hasValue(10);
		assertThat(bulkhead.queued()).isZero();
	}

	@Test
	void racingCompletionsCancellationsAndTimeoutsNeverExceedTheLimitNorLeakAPlace() {
		int limit = 8;
		OdooBulkhead bulkhead = new OdooBulkhead(new BulkheadSettings(limit, 10_000, Duration.ofMillis(20)),
				"server");
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		List<Disposable> cancellable = java.util.Collections.synchronizedList(new ArrayList<>());
		Flux.range(0, 20_000)
			.parallel(4)
			.runOn(Schedulers.parallel())
			.doOnNext((i) -> {
				int kind = ThreadLocalRandom.current().nextInt(8);
				Mono<String> end = switch (kind) {
					case 0, 1, 2, 3 -> Mono.just("now");
					case 4, 5, 6 -> Mono.delay(Duration.ofNanos(ThreadLocalRandom.current().nextInt(200_000)))
						.thenReturn("soon");
					default -> Mono.never();
				};
				Disposable subscription = bulkhead.guard(request(end), TARGET)
					.subscribe((value) -> completed.incrementAndGet(), (ex) -> {
						if (ex instanceof OdooBulkheadFullException) {
							refused.incrementAndGet();
						}
					});
				if (kind == 7) {
					cancellable.add(subscription);
				}
				if (i % 5 == 0) {
					List<Disposable> toCancel;
					synchronized (cancellable) {
						toCancel = new ArrayList<>(cancellable);
						cancellable.clear();
					}
					toCancel.forEach(Disposable::dispose);
				}
			})
			.sequential()
			.blockLast(Duration.ofSeconds(30));
		List<Disposable> rest;
		synchronized (cancellable) {
			rest = new ArrayList<>(cancellable);
		}
		rest.forEach(Disposable::dispose);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> bulkhead.inFlight() == 0 && bulkhead.queued() == 0 && this.running.get() == 0);
		assertThat(this.maxRunning.get()).isLessThanOrEqualTo(limit);
		assertThat(completed.get()).isPositive();
		// a timeout racing a cancellation may count a rejection whose error nobody hears
		assertThat(bulkhead.rejected()).isGreaterThanOrEqualTo(refused.get());
		System.out.printf("bulkhead race: %d completed, %d refused, at most %d running%n", completed.get(),
				refused.get(), this.maxRunning.get());
	}

}
