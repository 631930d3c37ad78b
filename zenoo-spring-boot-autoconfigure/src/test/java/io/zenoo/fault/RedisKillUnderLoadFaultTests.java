package io.zenoo.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.fault.RedisFaultSupport.Call;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A private redis-server behind a Redis cache and a tiered cache (memory L1 + Redis L2) is killed with SIGKILL while
 * 64 callers run mixed cached queries through the client against the test Odoo server, and restarted on the same port
 * a little later. No query fails; the p99 latency during the outage stays within an uncached call's p99 (measured in
 * the same test, under the same concurrency) plus the Redis command timeout; both circuit breakers open and close
 * again; a write made through the client during the outage is seen by every read that starts after it, before and
 * after recovery (the memory fallback's entries are dropped when Redis is back).
 */
@Tag("fault")
class RedisKillUnderLoadFaultTests {

	private static final int CALLERS = 64;

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(200);

	private static final Duration OUTAGE = Duration.ofMillis(1500);

	private static final Duration CALL_BOUND = Duration.ofSeconds(10);

	private static final long PARTNER = 13;

	private static final List<String> CITIES = List.of("Florenville", "Turlock", "Tracy", "Fremont", "Bouillon");

	private static final List<String> COUNTRIES = List.of("BE", "FR", "US", "DE", "NL");

	private static final List<String> CACHES = List.of("redis", "tiered");

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	/** One query of the mix: the i-th caller's call on a cache (or none: uncached). */
	private static Supplier<Mono<?>> query(ZenooClient client, int i, String cache) {
		Function<QueryBuilder<ResPartner>, QueryBuilder<ResPartner>> partners = (query) -> (cache != null)
				? query.cache(cache) : query.noCache();
		return switch (i % 4) {
			case 0 -> () -> partners.apply(client.model(ResPartner.class).filter("city", CITIES.get(i % 5))).all();
			case 1 -> () -> partners.apply(client.model(ResPartner.class)).get(PARTNER);
			case 2 -> () -> partners.apply(client.model(ResPartner.class).filter("is_company", true)).count();
			default -> () -> {
				QueryBuilder<ResCountry> countries = client.model(ResCountry.class).filter("code", COUNTRIES.get(i % 5));
				return ((cache != null) ? countries.cache(cache) : countries.noCache()).all();
			};
		};
	}

	/** Run the mix with {@link #CALLERS} concurrent callers for a while; every call's outcome. */
	private static List<Call> run(ZenooClient client, Duration duration, boolean cached) {
		return run(client, new AtomicLong(System.nanoTime() + duration.toNanos()), cached);
	}

	/**
	 * Run the mix with {@link #CALLERS} caller threads (as a servlet application would) until the given time; every
	 * call's outcome. Callers wait on their own threads, so no Reactor thread is kept busy by the load itself.
	 */
	private static List<Call> run(ZenooClient client, AtomicLong endNanos, boolean cached) {
		List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(CALLERS);
		try {
			for (int caller = 0; caller < CALLERS; caller++) {
				int first = caller;
				callers.execute(() -> {
					for (int i = first; System.nanoTime() < endNanos.get(); i += CALLERS) {
						// one call in eight is uncached: the reference, measured under the same conditions
						String cache = (cached && i % 8 != 7) ? CACHES.get((i / 4) % 2) : null;
						calls.add(RedisFaultSupport.timed(query(client, i, cache), CALL_BOUND).block().uncached(cache == null));
					}
				});
			}
		}
		finally {
			callers.shutdown();
		}
		try {
			assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).as("the callers stopped").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new ArrayList<>(calls);
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void killingRedisUnderLoadFailsNoQueryAndServesNothingStaleAfterRecovery() {
		OdooTestServer server = odoo.server();
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			ZenooCacheManager manager = new ZenooCacheManager();
			manager.setupMemoryCache(new MemoryCacheSpec("memory", 10_000, Duration.ofMinutes(10), CacheStrategy.TTL));
			manager.setupRedisCache(RedisCacheSpec.builder("redis")
				.url(redis.url())
				.namespace(RedisFaultSupport.namespace("zenoo_kill_"))
				.defaultTtl(Duration.ofMinutes(10))
				.commandTimeout(COMMAND_TIMEOUT)
				.circuitBreakerThreshold(5)
				.circuitBreakerWait(Duration.ofMillis(500))
				.build());
			manager.setupTieredCache("tiered", "memory", "redis");
			ZenooClient client = ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
					OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), manager);
			try {
				String cityBefore = client.model(ResPartner.class).noCache().get(PARTNER).block().city();
				// warm up (JIT, connections, caches), then the uncached reference under the same concurrency
				List<Call> warmUp = run(client, Duration.ofMillis(1500), true);
				assertThat(warmUp).allMatch(Call::ok);

				Map<String, Set<BreakerState>> statesSeen = new ConcurrentHashMap<>();
				CACHES.forEach((cache) -> statesSeen.put(cache, EnumSet.noneOf(BreakerState.class)));
				Disposable sampler = Flux.interval(Duration.ofMillis(5))
					.subscribe((tick) -> CACHES.forEach((cache) -> statesSeen.get(cache)
						.add(manager.breakerState(cache))));
				AtomicLong killedAt = new AtomicLong();
				AtomicLong restartedAt = new AtomicLong();
				AtomicLong writeStartedAt = new AtomicLong();
				AtomicLong loadEnd = new AtomicLong(System.nanoTime() + Duration.ofSeconds(30).toNanos());
				AtomicLong writtenAt = new AtomicLong();
				AtomicReference<Throwable> chaosError = new AtomicReference<>();
				String newCity = "Outage City";
				Disposable chaos = Mono.delay(Duration.ofMillis(1000))
					.then(Mono.fromRunnable(() -> {
						redis.kill();
						killedAt.set(System.nanoTime());
					}))
					.then(Mono.delay(Duration.ofMillis(400)))
					.doOnSuccess((tick) -> writeStartedAt.set(System.nanoTime()))
					.then(Mono.defer(() -> client.model(ResPartner.class).update(PARTNER, Map.of("city", newCity))))
					.doOnSuccess((ok) -> writtenAt.set(System.nanoTime()))
					.then(Mono.defer(() -> Mono.delay(Duration.ofNanos(Math.max(0,
							killedAt.get() + OUTAGE.toNanos() - System.nanoTime())))))
					.then(Mono.fromRunnable(() -> {
						redis.restart();
						restartedAt.set(System.nanoTime());
						loadEnd.set(System.nanoTime() + Duration.ofMillis(2000).toNanos());
					}))
					.subscribeOn(Schedulers.boundedElastic())
					.subscribe(null, chaosError::set);
				List<Call> load = run(client, loadEnd, true);
				chaos.dispose();
				System.out.printf("[fault] the write during the outage took %d ms%n",
						RedisFaultSupport.millisBetween(writeStartedAt.get(), writtenAt.get()));
				assertThat(chaosError.get()).as("the kill, the write during the outage and the restart").isNull();
				assertThat(killedAt.get()).as("Redis was killed during the load").isPositive();
				assertThat(writtenAt.get()).as("the write during the outage completed").isPositive();
				assertThat(restartedAt.get()).as("Redis was restarted during the load").isPositive();

				// recovery: both breakers close again
				await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
					client.model(ResCountry.class).cache("redis").filter("code", "BE").all().block();
					client.model(ResCountry.class).cache("tiered").filter("code", "BE").all().block();
					return CACHES.stream().allMatch((cache) -> manager.breakerState(cache) == BreakerState.CLOSED);
				});
				long closedAt = System.nanoTime();
				sampler.dispose();

				List<Call> failed = load.stream().filter((call) -> !call.ok()).toList();
				List<Call> outage = new ArrayList<>();
				List<Call> uncached = new ArrayList<>();
				for (Call call : load) {
					if (call.startNanos() >= killedAt.get() && call.startNanos() < restartedAt.get()) {
						(call.uncached() ? uncached : outage).add(call);
					}
				}
				double uncachedP99 = RedisFaultSupport.percentileMillis(uncached, 0.99);
				List<Call> staleAfterWrite = load.stream()
					.filter((call) -> call.startNanos() > writtenAt.get() && call.value() instanceof ResPartner partner
							&& partner.id() == PARTNER && !newCity.equals(partner.city()))
					.toList();
				long partnerReadsAfterWrite = load.stream()
					.filter((call) -> call.startNanos() > writtenAt.get() && call.value() instanceof ResPartner)
					.count();
				double outageP99 = RedisFaultSupport.percentileMillis(outage, 0.99);
				System.out.printf("[fault] Redis kill -9 under load: %d callers, %d queries, %d failed; uncached during the outage %s; "
						+ "whole run %s; cached during the outage (%d ms) %s; bound p99 %.1f ms (uncached p99 + %d ms timeout)%n",
						CALLERS, load.size(), failed.size(), RedisFaultSupport.summary(uncached),
						RedisFaultSupport.summary(load), RedisFaultSupport.millisBetween(killedAt.get(),
								restartedAt.get()),
						RedisFaultSupport.summary(outage), uncachedP99 + COMMAND_TIMEOUT.toMillis(),
						COMMAND_TIMEOUT.toMillis());
				System.out.printf("[fault] breaker states seen %s; closed %d ms after restart; reads of the partner "
						+ "after the outage write: %d, stale: %d; redis cache %s%n", statesSeen,
						RedisFaultSupport.millisBetween(restartedAt.get(), closedAt), partnerReadsAfterWrite,
						staleAfterWrite.size(), manager.getCache("redis").statistics());

				assertThat(failed).as("failed queries").isEmpty();
				assertThat(outage).as("queries during the outage").hasSizeGreaterThan(100);
				assertThat(outageP99).as("p99 during the outage, ms")
					.isLessThanOrEqualTo(uncachedP99 + COMMAND_TIMEOUT.toMillis());
				CACHES.forEach((cache) -> assertThat(statesSeen.get(cache)).as("breaker states of " + cache)
					.contains(BreakerState.OPEN, BreakerState.CLOSED));
				assertThat(partnerReadsAfterWrite).isPositive();
				assertThat(staleAfterWrite).as("reads of the partner started after the write, with the old city")
					.isEmpty();
				// after recovery: no fallback, no stale entry, on both caches
				CACHES.forEach((cache) -> {
					assertThat(manager.isFallbackActive(cache)).as("fallback of " + cache).isFalse();
					assertThat(client.model(ResPartner.class).cache(cache).get(PARTNER).block().city())
						.as("the partner read through " + cache + " after recovery")
						.isEqualTo(newCity)
						.isNotEqualTo(cityBefore);
				});
			}
			finally {
				client.close();
				manager.destroy();
			}
		}
	}

}
