package io.zenoo.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zenoo.test.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a private redis-server (SIGKILL) in the middle of a concurrent load and restarts it on the same port.
 */
class RedisOutageTests {

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void redisKilledUnderLoadFailsNoCallThenRecovers() {
		try (RedisServerProcess server = RedisServerProcess.start()) {
			RedisCacheSpec spec = RedisCacheSpec.builder("outage")
				.url(server.url())
				.namespace("zenoo_outage")
				.circuitBreakerThreshold(5)
				.circuitBreakerWait(Duration.ofSeconds(1))
				.commandTimeout(Duration.ofMillis(200))
				.retryAttempts(1)
				.build();
			try (RedisConnections.Owned connection = RedisConnections.create(spec)) {
				RedisZenooCache cache = new RedisZenooCache(spec, connection.factory());
				Map<CircuitBreaker.State, Long> reachedAt = new ConcurrentHashMap<>();
				cache.circuitBreaker()
					.getEventPublisher()
					.onStateTransition((event) -> reachedAt.putIfAbsent(event.getStateTransition().getToState(),
							System.nanoTime()));
				AtomicInteger failed = new AtomicInteger();
				AtomicInteger succeeded = new AtomicInteger();
				long[] killedAt = new long[1];
				long started = System.nanoTime();
				Flux.range(0, 6000).flatMap((i) -> {
					Mono<?> operation = switch (i % 3) {
						case 0 -> cache.store("k" + (i % 50), i, null);
						case 1 -> cache.find("k" + (i % 50), Integer.class);
						default -> cache.findOrLoad("l" + (i % 20), String.class, () -> Mono.just("loaded"), null);
					};
					Mono<?> kill = (i == 1500) ? Mono.fromRunnable(() -> {
						server.kill();
						killedAt[0] = System.nanoTime();
					}).subscribeOn(Schedulers.boundedElastic()) : Mono.empty();
					return kill.then(operation)
						.timeout(Duration.ofSeconds(5))
						.doOnSuccess((value) -> succeeded.incrementAndGet())
						.onErrorResume((ex) -> {
							failed.incrementAndGet();
							return Mono.empty();
						});
				}, 64).blockLast(Duration.ofSeconds(40));
				long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

				assertThat(failed).hasValue(0);
				assertThat(succeeded).hasValue(6000);
				assertThat(reachedAt).containsKey(CircuitBreaker.State.OPEN);
				assertThat(cache.circuitState()).isNotEqualTo(CircuitBreaker.State.CLOSED);
				assertThat(cache.statistics().backendErrors()).isPositive();
				long openAfterKillMillis = TimeUnit.NANOSECONDS
					.toMillis(reachedAt.get(CircuitBreaker.State.OPEN) - killedAt[0]);

				// While Redis is down the fallback serves reads and writes.
				assertThat(cache.store("fb", "from-fallback", null).then(cache.find("fb", String.class)).block())
					.isEqualTo("from-fallback");
				assertThat(cache.fallback().find("fb", String.class).block()).isEqualTo("from-fallback");

				server.restart();
				long restartedAt = System.nanoTime();
				reachedAt.remove(CircuitBreaker.State.CLOSED);
				Flux.interval(Duration.ofMillis(50))
					.onBackpressureDrop()
					.concatMap((tick) -> cache.find("probe", String.class).then(Mono.fromSupplier(cache::circuitState)))
					.takeUntil((state) -> state == CircuitBreaker.State.CLOSED)
					.blockLast(Duration.ofSeconds(15));
				assertThat(cache.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
				long closedAfterRestartMillis = TimeUnit.NANOSECONDS
					.toMillis(reachedAt.get(CircuitBreaker.State.CLOSED) - restartedAt);
				assertThat(closedAfterRestartMillis).isLessThan(10_000);

				// The fallback was cleared; the restarted Redis (no persistence) is empty and works again.
				assertThat(cache.fallback().find("fb", String.class).block()).isNull();
				assertThat(cache.find("fb", String.class).block()).isNull();
				cache.store("after", "ok", null).block();
				assertThat(cache.find("after", String.class).block()).isEqualTo("ok");
				System.out.printf("Outage figures: load of 6000 calls %d ms, 0 failed; breaker open %d ms after kill; "
						+ "closed %d ms after restart; backend errors %d%n", loadMillis, openAfterKillMillis,
						closedAfterRestartMillis, cache.statistics().backendErrors());
			}
		}
	}

}
