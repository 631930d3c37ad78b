package io.zenoo.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;
import io.zenoo.client.OdooCallObserver;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.transport.OdooTransports;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.test.redis.SharedRedis;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.zenoo.cache.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer meters of Zenoo caches (also those set up after binding) and the zenoo.rpc timer and observation.
 */
class ZenooMetricsTests {

	private static OdooTestServer server;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ZenooCacheManager caches = new ZenooCacheManager();

	private final String namespace = "zenoo_metrics_" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@AfterEach
	void tearDown() {
		this.caches.clearAllCaches().block();
		this.caches.destroy();
	}

	private ZenooClient client(OdooCallObserver observer) {
		ZenooClientSettings settings = ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD));
		return new ZenooClient(OdooTransports.create(settings), OdooProtocol.JSON_RPC, this.caches, observer);
	}

	private double counter(String name, String cache, String... tags) {
		return this.registry.get(name).tag("cache", cache).tags(tags).functionCounter().count();
	}

	@Test
	void cachesSetUpBeforeAndAfterBindingGetTheStandardCacheMeters() {
		ZenooCache early = this.caches.setupMemoryCache(MemoryCacheSpec.of("early"));
		new ZenooCacheMeterBinder(this.caches, "zenooCacheManager").bindTo(this.registry);
		ZenooCache late = this.caches.setupMemoryCache(MemoryCacheSpec.of("late"));

		late.store("a", "1", null).block();
		late.find("a", String.class).block();
		late.find("a", String.class).block();
		late.find("b", String.class).block();
		early.find("x", String.class).block();

		assertThat(counter("cache.gets", "late", "result", "hit")).isEqualTo(2);
		assertThat(counter("cache.gets", "late", "result", "miss")).isEqualTo(1);
		assertThat(counter("cache.puts", "late")).isEqualTo(1);
		assertThat(counter("cache.gets", "early", "result", "miss")).isEqualTo(1);
		assertThat(this.registry.get("cache.evictions").tag("cache", "late").functionCounter().count()).isZero();
		Gauge size = this.registry.get("cache.size").tag("cache", "late").gauge();
		assertThat(size.value()).isEqualTo(1);
		assertThat(size.getId().getTag("cache.manager")).isEqualTo("zenooCacheManager");
		assertThat(size.getId().getTag("tier")).isEqualTo("memory");
		assertThat(counter("zenoo.cache.decode.failures", "late")).isZero();
	}

	@Test
	void aValueThatDoesNotDecodeIsCountedByItsMeter() {
		new ZenooCacheMeterBinder(this.caches, "zenooCacheManager").bindTo(this.registry);
		ZenooCache cache = this.caches.setupMemoryCache(MemoryCacheSpec.of("typed"));
		cache.store("k", "text", null).block();
		assertThat(cache.find("k", Integer.class).block()).isNull();
		assertThat(counter("zenoo.cache.decode.failures", "typed")).isEqualTo(1);
	}

	@Test
	void redisAndTieredCachesGetBreakerFallbackAndInvalidationMeters() {
		new ZenooCacheMeterBinder(this.caches, "zenooCacheManager").bindTo(this.registry);
		this.caches.setupMemoryCache(MemoryCacheSpec.of("l1"));
		this.caches.setupRedisCache(RedisCacheSpec.builder("l2").url(SharedRedis.url()).namespace(this.namespace).build());
		ZenooCache tiered = this.caches.setupTieredCache("both", "l1", "l2");

		tiered.store("k", "v", null).block();
		tiered.remove("k").block();

		assertThat(this.registry.get("zenoo.cache.redis.breaker.state").tag("cache", "l2").gauge().value()).isZero();
		assertThat(this.registry.get("zenoo.cache.redis.breaker.state").tag("cache", "both").gauge().value()).isZero();
		assertThat(this.registry.get("zenoo.cache.redis.fallback.active").tag("cache", "l2").gauge().value()).isZero();
		assertThat(this.registry.find("zenoo.cache.redis.breaker.state").tag("cache", "l1").gauge()).isNull();
		assertThat(counter("zenoo.cache.invalidations", "both", "direction", "sent")).isEqualTo(2);
		assertThat(counter("zenoo.cache.invalidations", "both", "direction", "received")).isZero();
		assertThat(this.registry.get("cache.gets").tag("cache", "both").tag("tier", "tiered").tag("result", "hit")
			.functionCounter()).isNotNull();
		assertThat(this.registry.get("cache.gets").tag("cache", "l2").tag("tier", "redis").tag("result", "hit")
			.functionCounter()).isNotNull();
	}

	/**
	 * The meters follow a real outage: a private redis-server is killed, the breaker gauge shows open (1) and the
	 * fallback gauge active (1) while it is down, both go back to 0 once it is restarted and the breaker closes; an
	 * invalidation sent by another instance of the tiered cache is counted as received.
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void breakerFallbackAndReceivedInvalidationMetersFollowARealOutage() {
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			new ZenooCacheMeterBinder(this.caches, "zenooCacheManager").bindTo(this.registry);
			this.caches.setupMemoryCache(MemoryCacheSpec.of("l1"));
			this.caches.setupRedisCache(outageSpec(redis));
			ZenooCache tiered = this.caches.setupTieredCache("both", "l1", "l2");
			ZenooCacheManager other = new ZenooCacheManager();
			try {
				other.setupMemoryCache(MemoryCacheSpec.of("l1"));
				other.setupRedisCache(outageSpec(redis));
				ZenooCache otherTiered = other.setupTieredCache("both", "l1", "l2");
				tiered.store("k", "v", null).block();
				// an instance's own invalidations are not counted as received
				assertThat(counter("zenoo.cache.invalidations", "both", "direction", "received")).isZero();
				// subscribing to the invalidation channel is asynchronous: write again until one message arrives
				eventually(() -> {
					otherTiered.store("k", "w", null).block();
					return counter("zenoo.cache.invalidations", "both", "direction", "received") >= 1;
				});
			}
			finally {
				other.destroy();
			}
			assertThat(gauge("zenoo.cache.redis.breaker.state", "l2")).isZero();

			redis.kill();
			eventually(() -> {
				this.caches.getCache("l2").find("probe-" + UUID.randomUUID(), String.class).block();
				return gauge("zenoo.cache.redis.breaker.state", "l2") == BreakerState.OPEN.code();
			});
			assertThat(gauge("zenoo.cache.redis.fallback.active", "l2")).isEqualTo(1);
			assertThat(this.caches.isFallbackActive("l2")).isTrue();

			redis.restart();
			// the client reconnects with a back-off of its own: allow it more than eventually's 10 s
			Awaitility.await("the breaker closing after the restart")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> {
					this.caches.getCache("l2").find("probe-" + UUID.randomUUID(), String.class).block();
					return gauge("zenoo.cache.redis.breaker.state", "l2") == BreakerState.CLOSED.code();
				});
			assertThat(gauge("zenoo.cache.redis.fallback.active", "l2")).isZero();
		}
	}

	private RedisCacheSpec outageSpec(RedisServerProcess redis) {
		return RedisCacheSpec.builder("l2")
			.url(redis.url())
			.namespace(this.namespace)
			.circuitBreakerThreshold(2)
			.circuitBreakerWait(Duration.ofMillis(300))
			.commandTimeout(Duration.ofMillis(200))
			.retryAttempts(0)
			.build();
	}

	private double gauge(String name, String cache) {
		return this.registry.get(name).tag("cache", cache).gauge().value();
	}

	@Test
	void redisAndTieredCachesReportTheirSizeFromABackgroundScanCount() {
		ZenooCacheMeterBinder binder = new ZenooCacheMeterBinder(this.caches, "zenooCacheManager");
		binder.bindTo(this.registry);
		this.caches.setupMemoryCache(MemoryCacheSpec.of("l1"));
		ZenooCache l2 = this.caches
			.setupRedisCache(RedisCacheSpec.builder("l2").url(SharedRedis.url()).namespace(this.namespace).build());
		this.caches.setupTieredCache("both", "l1", "l2");
		l2.store("a", "1", null).block();
		l2.store("b", "2", null).block();
		Gauge redisSize = this.registry.get("cache.size").tags("cache", "l2", "tier", "redis").gauge();
		Gauge tieredSize = this.registry.get("cache.size").tags("cache", "both", "tier", "tiered").gauge();
		assertThat(redisSize.getId().getTag("cache.manager")).isEqualTo("zenooCacheManager");
		// the first reads start the counts in the background; later reads see them
		eventually(() -> redisSize.value() == 2 && tieredSize.value() == 2);
		binder.close();
	}

	@Test
	void everyRpcIsTimedByModelMethodAndOutcome() {
		try (ZenooClient client = client(new MicrometerOdooCallObserver(this.registry))) {
			client.model(ResPartner.class).filter("is_company", true).noCache().all().block();
			client.model(ResPartner.class).filter("is_company", true).noCache().all().block();
			assertThatThrownBy(() -> client.call("no.such.model", "search_read", List.of(), Map.of()).block())
				.isInstanceOf(io.zenoo.client.error.OdooException.class);
		}
		Timer success = this.registry.get("zenoo.rpc")
			.tags("model", "res.partner", "method", "search_read", "outcome", "success")
			.timer();
		assertThat(success.count()).isEqualTo(2);
		assertThat(success.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		Timer failure = this.registry.get("zenoo.rpc").tags("model", "no.such.model", "method", "search_read").timer();
		assertThat(failure.count()).isEqualTo(1);
		assertThat(failure.getId().getTag("outcome")).isNotEqualTo("success").endsWith("Exception");
	}

	@Test
	void cachedReadsMakeNoRpcAndSoNoTimerSample() {
		this.caches.setupMemoryCache(MemoryCacheSpec.of("memory"));
		try (ZenooClient client = client(new MicrometerOdooCallObserver(this.registry))) {
			client.model(ResPartner.class).filter("is_company", true).all().block();
			client.model(ResPartner.class).filter("is_company", true).all().block();
		}
		assertThat(this.registry.get("zenoo.rpc").tags("model", "res.partner").timer().count()).isEqualTo(1);
	}

	@Test
	void everyRpcEmitsAnObservationWithModelAndMethod() {
		List<Observation.Context> started = new CopyOnWriteArrayList<>();
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				started.add(context);
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		OdooCallObserver both = OdooCallObserver.compose(List.of(new ObservationOdooCallObserver(observations),
				new MicrometerOdooCallObserver(this.registry)));
		try (ZenooClient client = client(both)) {
			client.model(ResPartner.class).filter("is_company", true).noCache().count().block();
			client.model(ResPartner.class).filter("is_company", false).noCache().count().block();
		}
		// the first call logged in: that login is observed once, inside the call that needed it
		assertThat(stopped).extracting((context) -> context.getLowCardinalityKeyValue("model").getValue() + "."
				+ context.getLowCardinalityKeyValue("method").getValue())
			.containsExactly("common.authenticate", "res.partner.search_count", "res.partner.search_count");
		Observation.Context login = stopped.get(0);
		Observation.Context firstCall = stopped.get(1);
		assertThat(login.getParentObservation().getContextView()).isSameAs(firstCall);
		stopped.forEach((context) -> {
			assertThat(context.getName()).isEqualTo("zenoo.rpc");
			assertThat(context.getError()).isNull();
		});
		assertThat(started).hasSize(3);
		assertThat(this.registry.get("zenoo.rpc").tags("method", "search_count").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("zenoo.rpc").tags("model", "common", "method", "authenticate").timer().count())
			.isEqualTo(1);
	}

	@Test
	void versionAndEachLoginSentAreTimedButAKeptUidIsNot() {
		try (ZenooClient client = client(new MicrometerOdooCallObserver(this.registry))) {
			assertThat(client.version().block().major()).isEqualTo(18);
			assertThat(client.uid().block()).isEqualTo(OdooTestUsers.ADMIN_UID);
			assertThat(client.uid().block()).isEqualTo(OdooTestUsers.ADMIN_UID);
			client.model(ResPartner.class).filter("is_company", true).noCache().count().block();
		}
		assertThat(this.registry.get("zenoo.rpc").tags("model", "common", "method", "version", "outcome", "success")
			.timer().count()).isEqualTo(1);
		assertThat(this.registry.get("zenoo.rpc").tags("model", "common", "method", "authenticate", "outcome",
				"success").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("zenoo.rpc").tags("method", "search_count").timer().count()).isEqualTo(1);
	}

	@Test
	void aRefusedLoginIsTimedWithItsFailureAndTheCallThatNeededItToo() {
		ZenooClientSettings settings = ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, "not-the-password"));
		try (ZenooClient client = new ZenooClient(OdooTransports.create(settings), OdooProtocol.JSON_RPC, null,
				new MicrometerOdooCallObserver(this.registry))) {
			assertThatThrownBy(() -> client.model(ResPartner.class).noCache().count().block())
				.isInstanceOf(io.zenoo.client.error.OdooAuthenticationException.class);
		}
		Timer login = this.registry.get("zenoo.rpc").tags("model", "common", "method", "authenticate").timer();
		assertThat(login.count()).isEqualTo(1);
		assertThat(login.getId().getTag("outcome")).isEqualTo("OdooAuthenticationException");
		assertThat(this.registry.get("zenoo.rpc").tags("method", "search_count").timer().getId().getTag("outcome"))
			.isEqualTo("OdooAuthenticationException");
	}

	@Test
	void noObserverMeansThePlainCall() {
		try (ZenooClient client = client(OdooCallObserver.compose(List.of()))) {
			assertThat(client.model(ResPartner.class).filter("id", 1).noCache().count().block()).isEqualTo(1);
		}
		assertThat(this.registry.find("zenoo.rpc").timer()).isNull();
	}

}
