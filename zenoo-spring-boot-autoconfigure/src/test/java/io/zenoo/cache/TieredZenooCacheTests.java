package io.zenoo.cache;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.zenoo.test.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two managers (two Lettuce connections) sharing the machine's Redis, in a namespace of this class's own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TieredZenooCacheTests {

	static final String URL = io.zenoo.test.redis.SharedRedis.url();

	final String namespace = "zenoo_tiered_" + UUID.randomUUID().toString().substring(0, 8);

	ZenooCacheManager a;

	ZenooCacheManager b;

	@BeforeEach
	void setUp() {
		this.a = manager();
		this.b = manager();
		tiered(this.a).subscribed().block(Duration.ofSeconds(10));
		tiered(this.b).subscribed().block(Duration.ofSeconds(10));
	}

	@AfterEach
	void tearDown() {
		this.a.clearAllCaches().block(Duration.ofSeconds(10));
		this.a.destroy();
		this.b.destroy();
	}

	private ZenooCacheManager manager() {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupMemoryCache(new MemoryCacheSpec("fast", 500, Duration.ofHours(1), CacheStrategy.LFU));
		manager.setupRedisCache(
				RedisCacheSpec.builder("persistent").url(URL).namespace(this.namespace).defaultTtl(Duration.ofHours(1)).build());
		manager.setupTieredCache("hot", "fast", "persistent");
		return manager;
	}

	static TieredZenooCache tiered(ZenooCacheManager manager) {
		return (TieredZenooCache) manager.getCache("hot");
	}

	/** Poll (every 20 ms, at most 5 s) until the condition holds. */
	static void eventually(Supplier<Boolean> condition) {
		Boolean done = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
			.onBackpressureDrop()
			.publishOn(Schedulers.boundedElastic(), 1)
			.map((tick) -> condition.get())
			.takeUntil(Boolean::booleanValue)
			.last()
			.block(Duration.ofSeconds(5));
		assertThat(done).isTrue();
	}

	private static boolean inL1(TieredZenooCache cache, Object key) {
		return cache.l1().find(new TieredZenooCache.L1Key("hot", key), Object.class)
			.hasElement()
			.block();
	}

	@Test
	void otherInstanceSeesWritesAndEvictsItsL1OnInvalidation() {
		TieredZenooCache hotA = tiered(this.a);
		TieredZenooCache hotB = tiered(this.b);
		hotA.store("k", "v1", null).block();
		assertThat(hotB.find("k", String.class).block()).isEqualTo("v1");
		// A's write also sent an invalidation, which may reach B after B filled its L1 and evict it once; after that
		// B's reads fill L1 and keep it
		eventually(() -> "v1".equals(hotB.find("k", String.class).block()) && inL1(hotB, "k"));
		hotA.store("k", "v2", null).block();
		eventually(() -> !inL1(hotB, "k"));
		assertThat(hotB.find("k", String.class).block()).isEqualTo("v2");
		hotA.remove("k").block();
		eventually(() -> !inL1(hotB, "k"));
		assertThat(hotB.find("k", String.class).block()).isNull();
	}

	@Test
	void removeAllOnOneInstanceClearsTheOthersL1() {
		TieredZenooCache hotA = tiered(this.a);
		TieredZenooCache hotB = tiered(this.b);
		hotA.store("x", 1, null).then(hotA.store("y", 2, null)).block();
		// A's writes sent invalidations that may reach B after its first reads: read until B's L1 keeps both
		eventually(() -> hotB.find("x", Integer.class).then(hotB.find("y", Integer.class)).block() != null
				&& inL1(hotB, "x") && inL1(hotB, "y"));
		this.b.getCache("fast").put("direct", "user entry");
		hotA.removeAll().block();
		eventually(() -> !inL1(hotB, "x") && !inL1(hotB, "y"));
		assertThat(this.b.getCache("fast").get("direct", String.class)).isEqualTo("user entry");
	}

	@Test
	void anInstanceIgnoresItsOwnInvalidations() {
		TieredZenooCache hotA = tiered(this.a);
		TieredZenooCache hotB = tiered(this.b);
		hotB.store("marker", "m1", null).block();
		assertThat(hotA.find("marker", String.class).block()).isEqualTo("m1");
		hotA.store("own", "mine", null).block();
		hotB.store("marker", "m2", null).block();
		// A's message was published before B's second one: once B's has reached A, A's own has too.
		eventually(() -> !inL1(hotA, "marker"));
		assertThat(inL1(hotA, "own")).isTrue();
	}

	@Test
	void l1FillBackKeepsAnEntryNoLongerThanItHasLeftInL2() {
		FakeTicker ticker = new FakeTicker();
		MemoryZenooCache l1 = new MemoryZenooCache(
				new MemoryCacheSpec("l1", 100, Duration.ofSeconds(60), CacheStrategy.TTL), ticker, Runnable::run);
		RedisZenooCache l2 = (RedisZenooCache) this.a.getCache("persistent");
		TieredZenooCache tiered = new TieredZenooCache("hot2", l1, l2, "test");
		try {
			tiered.subscribed().block(Duration.ofSeconds(10));
			l2.store("short", "s", Duration.ofSeconds(5)).then(l2.store("long", "l", Duration.ofHours(1))).block();
			assertThat(tiered.find("short", String.class).block()).isEqualTo("s");
			assertThat(tiered.find("long", String.class).block()).isEqualTo("l");
			TieredZenooCache.L1Key shortKey = new TieredZenooCache.L1Key("hot2", "short");
			TieredZenooCache.L1Key longKey = new TieredZenooCache.L1Key("hot2", "long");
			ticker.advance(Duration.ofSeconds(6));
			assertThat(l1.find(shortKey, String.class).block()).isNull();
			assertThat(l1.find(longKey, String.class).block()).isEqualTo("l");
			ticker.advance(Duration.ofSeconds(55));
			assertThat(l1.find(longKey, String.class).block()).isNull();
		}
		finally {
			tiered.close();
		}
	}

	@Test
	void findOrLoadRunsTheLoaderOnceAndFillsBothTiers() {
		TieredZenooCache hotA = tiered(this.a);
		int[] calls = new int[1];
		Flux.range(0, 200)
			.flatMap((i) -> hotA.findOrLoad("loaded", String.class,
					() -> Mono.delay(Duration.ofMillis(100)).map((t) -> "value" + (++calls[0])), null), 200)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(calls[0]).isEqualTo(1);
		assertThat(hotA.statistics().misses()).isEqualTo(1);
		assertThat(hotA.statistics().hits()).isEqualTo(199);
		assertThat(inL1(hotA, "loaded")).isTrue();
		assertThat(tiered(this.b).find("loaded", String.class).block()).isEqualTo("value1");
	}

	@Test
	void lostConnectionClearsL1AndInvalidationsFlowAgainAfterRestart() {
		try (RedisServerProcess server = RedisServerProcess.start()) {
			ZenooCacheManager managerA = privateManager(server);
			ZenooCacheManager managerB = null;
			try {
				TieredZenooCache hotA = tiered(managerA);
				hotA.subscribed().block(Duration.ofSeconds(10));
				hotA.store("k", "v", null).block();
				assertThat(inL1(hotA, "k")).isTrue();
				server.kill();
				eventually(() -> !inL1(hotA, "k"));

				server.restart();
				eventually(() -> hotA.l2().store("probe", "p", null).then(hotA.l2().find("probe", String.class))
					.map("p"::equals)
					.defaultIfEmpty(false)
					.block());
				managerB = privateManager(server);
				TieredZenooCache hotB = tiered(managerB);
				hotB.subscribed().block(Duration.ofSeconds(10));
				int[] version = new int[1];
				// B keeps writing new versions; A, which caches each value it reads in L1, converges on B's latest
				// only if B's invalidations reach it.
				eventually(() -> {
					int latest = ++version[0];
					hotB.store("shared", latest, null).block();
					return Integer.valueOf(latest).equals(hotA.find("shared", Integer.class).block());
				});
				// B's last invalidation may still be on its way and evict what A just filled in; once it has
				// arrived, A's L1 caches the value again.
				eventually(() -> {
					hotA.find("shared", Integer.class).block();
					return inL1(hotA, "shared");
				});
			}
			finally {
				managerA.destroy();
				if (managerB != null) {
					managerB.destroy();
				}
			}
		}
	}

	private ZenooCacheManager privateManager(RedisServerProcess server) {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupMemoryCache(MemoryCacheSpec.of("fast"));
		manager.setupRedisCache(RedisCacheSpec.builder("persistent")
			.url(server.url())
			.namespace(this.namespace)
			.enableFallback(false)
			.commandTimeout(Duration.ofMillis(200))
			.build());
		manager.setupTieredCache("hot", "fast", "persistent");
		return manager;
	}

}
