package io.zenoo.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.lettuce.core.KillArgs;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResPartner;
import io.zenoo.fault.RedisFaultSupport.RawRedis;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances (A writes, B reads) with tiered caches on one private redis-server: only the pub/sub
 * connections are cut ({@code CLIENT KILL TYPE pubsub}, again and again for a while, so that Lettuce's silent
 * re-subscription cannot catch up), and A writes during the cut, both a query's model (generations) and a cache-aside
 * key (the tiered cache's key channel). B, which missed the messages, must stop serving its L1 copies: the time from
 * A's write until B's first fresh read is measured each round.
 */
@Tag("fault")
class RedisPubSubCutFaultTests {

	private static final int ROUNDS = 8;

	private static final Duration CUT = Duration.ofMillis(400);

	private static final Duration FRESH_BOUND = Duration.ofSeconds(5);

	/**
	 * How long after a write B may still start reads that return its old L1 copy: until B notices that its
	 * subscription was cut (the message of the write is lost meanwhile), which on a closed loopback connection takes
	 * milliseconds (docs/invalidation.md, "Freshness bounds"); generous for a loaded CI machine.
	 */
	private static final Duration STALE_BOUND = Duration.ofMillis(250);

	private static final long PARTNER = 13;

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	private RedisServerProcess redis;

	private RawRedis raw;

	private final List<ZenooCacheManager> managers = new ArrayList<>();

	private final List<ZenooClient> clients = new ArrayList<>();

	@BeforeEach
	void start() {
		this.redis = RedisServerProcess.start();
		this.raw = new RawRedis(this.redis.url());
	}

	@AfterEach
	void stop() {
		this.clients.forEach(ZenooClient::close);
		this.managers.forEach(ZenooCacheManager::destroy);
		this.raw.close();
		this.redis.close();
	}

	private ZenooCacheManager instance(String namespace) {
		OdooTestServer server = odoo.server();
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupMemoryCache(new MemoryCacheSpec("memory", 1000, Duration.ofMinutes(10), CacheStrategy.TTL));
		manager.setupRedisCache(RedisCacheSpec.builder("redis")
			.url(this.redis.url())
			.namespace(namespace)
			.defaultTtl(Duration.ofMinutes(10))
			.build());
		manager.setupTieredCache("tiered", "memory", "redis");
		manager.setDefaultCacheName("tiered");
		this.managers.add(manager);
		this.clients.add(ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), manager));
		return manager;
	}

	private long pubSubClients() {
		String list = this.raw.commands().clientList();
		return list.lines().filter((line) -> line.contains(" flags=P ")).count();
	}

	/** Cut every pub/sub connection, again and again for {@link #CUT}; how many were cut. */
	private long cutPubSub() {
		long end = System.nanoTime() + CUT.toNanos();
		long killed = 0;
		while (System.nanoTime() < end) {
			killed += this.raw.commands().clientKill(KillArgs.Builder.typePubsub());
		}
		return killed;
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void theInstanceThatMissedInvalidationsStopsServingItsStaleL1Copies() {
		String namespace = RedisFaultSupport.namespace("zenoo_pubsub_");
		ZenooCacheManager managerA = instance(namespace);
		ZenooCacheManager managerB = instance(namespace);
		ZenooClient a = this.clients.get(0);
		ZenooClient b = this.clients.get(1);
		Supplier<String> cityOnB = () -> b.model(ResPartner.class).get(PARTNER).block().city();
		Supplier<String> keyOnB = () -> managerB.cache("tiered").get("shared-key", String.class).block();
		// both instances read through Redis: they subscribe
		a.model(ResPartner.class).get(PARTNER).block();
		cityOnB.get();
		await().atMost(FRESH_BOUND).until(() -> pubSubClients() >= 4);

		List<Long> queryStaleness = new ArrayList<>();
		List<Long> keyStaleness = new ArrayList<>();
		List<Long> staleWindows = new ArrayList<>();
		long killed = 0;
		long staleReadsAfterWrite = 0;
		for (int round = 0; round < ROUNDS; round++) {
			String oldCity = "City " + round;
			String newCity = "City " + round + " bis";
			a.model(ResPartner.class).update(PARTNER, Map.of("city", oldCity)).block();
			managerA.cache("tiered").set("shared-key", "old " + round).block();
			// B holds both in its L1
			await().atMost(FRESH_BOUND).pollInterval(Duration.ofMillis(5)).until(cityOnB::get, oldCity::equals);
			await().atMost(FRESH_BOUND).pollInterval(Duration.ofMillis(5)).until(keyOnB::get,
					("old " + round)::equals);

			// B keeps reading while the subscriber connections are cut and A writes
			AtomicLong writtenAt = new AtomicLong(Long.MAX_VALUE);
			AtomicLong staleAfterWrite = new AtomicLong();
			AtomicLong cityFreshAt = new AtomicLong();
			AtomicLong keyFreshAt = new AtomicLong();
			AtomicLong lastStaleStart = new AtomicLong();
			String newValue = "new " + round;
			Disposable reader = Flux.interval(Duration.ofMillis(1))
				.onBackpressureDrop()
				.concatMap((tick) -> {
					long start = System.nanoTime();
					return b.model(ResPartner.class).get(PARTNER).zipWith(
							managerB.cache("tiered").get("shared-key", String.class).defaultIfEmpty("<none>"),
							(partner, value) -> {
								long now = System.nanoTime();
								boolean cityFresh = newCity.equals(partner.city());
								boolean keyFresh = newValue.equals(value);
								if (cityFresh) {
									cityFreshAt.compareAndSet(0, now);
								}
								if (keyFresh) {
									keyFreshAt.compareAndSet(0, now);
								}
								// a read that started after the write completed must see it
								if (start > writtenAt.get() && (!cityFresh || !keyFresh)) {
									staleAfterWrite.incrementAndGet();
									lastStaleStart.accumulateAndGet(start, Math::max);
								}
								return now;
							});
				}, 1)
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe();
			Disposable writer = reactor.core.publisher.Mono.delay(CUT.dividedBy(4))
				.then(a.model(ResPartner.class).update(PARTNER, Map.of("city", newCity)))
				.then(managerA.cache("tiered").set("shared-key", newValue))
				.doOnSuccess((done) -> writtenAt.set(System.nanoTime()))
				.subscribe();
			killed += cutPubSub();
			await().atMost(FRESH_BOUND).until(() -> writtenAt.get() != Long.MAX_VALUE);
			await().atMost(FRESH_BOUND).until(() -> cityFreshAt.get() != 0 && keyFreshAt.get() != 0);
			reader.dispose();
			writer.dispose();
			queryStaleness.add(Math.max(0, RedisFaultSupport.millisBetween(writtenAt.get(), cityFreshAt.get())));
			keyStaleness.add(Math.max(0, RedisFaultSupport.millisBetween(writtenAt.get(), keyFreshAt.get())));
			staleReadsAfterWrite += staleAfterWrite.get();
			staleWindows.add((lastStaleStart.get() == 0) ? 0
					: RedisFaultSupport.millisBetween(writtenAt.get(), lastStaleStart.get()));
			assertThat(cityOnB.get()).isEqualTo(newCity);
			assertThat(keyOnB.get()).isEqualTo(newValue);
		}
		System.out.printf("[fault] pub/sub cut: %d rounds, %d pub/sub connections killed; first fresh read on B after "
				+ "A's write: query (generations) %s ms, cache-aside key (L1 channel) %s ms; reads on B started after "
				+ "the write and stale: %d, last one started %s ms after the write; B received %d invalidations%n",
				ROUNDS, killed, queryStaleness, keyStaleness, staleReadsAfterWrite, staleWindows,
				managerB.getCache("redis").statistics().invalidationsReceived());
		assertThat(killed).as("pub/sub connections cut").isGreaterThanOrEqualTo(ROUNDS);
		assertThat(staleWindows).as("how long after A's write B still started reads that returned the old data (ms)")
			.allMatch((millis) -> millis <= STALE_BOUND.toMillis());
		assertThat(queryStaleness).allMatch((millis) -> millis <= FRESH_BOUND.toMillis());
		assertThat(keyStaleness).allMatch((millis) -> millis <= FRESH_BOUND.toMillis());
	}

}
