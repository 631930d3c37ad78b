package io.zenoo.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zenoo.cache.stats.RedisHealth;
import io.zenoo.cache.stats.ZenooCacheHealthEvent;
import io.zenoo.cache.stats.ZenooCacheHealthEvent.Kind;
import io.zenoo.test.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The periodic health check on a virtual-time scheduler: each kind of event fires once when a cache goes bad, again
 * only after it recovered, and the check stops with the manager.
 */
class HealthMonitoringTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Sinks.Many<ZenooCacheHealthEvent> events = Sinks.many().replay().all();

	private final List<ZenooCacheHealthEvent> received = new ArrayList<>();

	private ZenooCacheManager manager;

	private VirtualTimeScheduler clock;

	@BeforeEach
	void setUp() {
		this.manager = new ZenooCacheManager();
		this.manager.setApplicationEventPublisher((event) -> {
			ZenooCacheHealthEvent health = (ZenooCacheHealthEvent) event;
			this.received.add(health);
			this.events.tryEmitNext(health);
		});
		this.clock = VirtualTimeScheduler.create();
	}

	@AfterEach
	void tearDown() {
		this.manager.destroy();
	}

	private void lookups(ZenooCache cache, int hits, int misses) {
		cache.store("present", "value", null).block();
		for (int i = 0; i < hits; i++) {
			cache.find("present", String.class).block();
		}
		for (int i = 0; i < misses; i++) {
			cache.find("absent-" + i, String.class).block();
		}
	}

	@Test
	void lowHitRateOverAnIntervalIsReportedOncePerEpisode() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("watched"));
		this.manager.startMonitoring(INTERVAL, 0.5, 1, null, this.clock);
		lookups(cache, 1, 3);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(Kind.HIT_RATE_LOW);
			assertThat(event.getCacheName()).isEqualTo("watched");
			assertThat(event.getDetail()).contains("0.250");
			assertThat(event.getSource()).isSameAs(this.manager);
		});
		// still bad in the next interval: no second event
		lookups(cache, 0, 2);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).hasSize(1);
		// recovered (only hits in this interval), then bad again: a new event
		lookups(cache, 10, 0);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).hasSize(1);
		lookups(cache, 0, 5);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).extracting(ZenooCacheHealthEvent::getKind)
			.containsExactly(Kind.HIT_RATE_LOW, Kind.HIT_RATE_LOW);
	}

	@Test
	void nothingIsReportedBeforeTheFirstIntervalNorForAnIdleOrHealthyCache() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("watched"));
		this.manager.setupMemoryCache(MemoryCacheSpec.of("idle"));
		this.manager.startMonitoring(INTERVAL, 0.5, 1, null, this.clock);
		lookups(cache, 1, 9);
		this.clock.advanceTimeBy(INTERVAL.minusSeconds(1));
		assertThat(this.received).isEmpty();
		this.clock.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.received).extracting(ZenooCacheHealthEvent::getCacheName).containsExactly("watched");
	}

	@Test
	void aHitRateIsJudgedOnlyOnceTheCacheHadMinRequestsLookups() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("young"));
		this.manager.startMonitoring(INTERVAL, 0.5, 10, null, this.clock);
		lookups(cache, 1, 8); // 9 lookups: not judged yet, whatever the rate
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).isEmpty();
		lookups(cache, 0, 1); // the 10th lookup: judged over all ten
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(Kind.HIT_RATE_LOW);
			assertThat(event.getDetail()).contains("0.100").contains("last 10 lookups");
		});
	}

	@Test
	void aQuietIntervalCountsTowardsTheNextInsteadOfBeingJudgedOnItsOwn() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("quiet"));
		this.manager.startMonitoring(INTERVAL, 0.5, 10, null, this.clock);
		lookups(cache, 10, 0); // healthy: judged, reset
		this.clock.advanceTimeBy(INTERVAL);
		lookups(cache, 0, 3); // three misses alone would be a rate of 0
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).isEmpty();
		lookups(cache, 7, 0); // with these: 7 hits of 10
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).isEmpty();
		lookups(cache, 0, 10);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).extracting(ZenooCacheHealthEvent::getKind).containsExactly(Kind.HIT_RATE_LOW);
	}

	@Test
	void theDefaultMinRequestsSpareACacheThatJustStarted() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("started"));
		this.manager.startMonitoring(INTERVAL, 0.5, ZenooCacheManager.DEFAULT_HEALTH_MIN_REQUESTS, null, this.clock);
		lookups(cache, 0, 99);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).isEmpty();
		lookups(cache, 0, 1);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).extracting(ZenooCacheHealthEvent::getCacheName).containsExactly("started");
	}

	@Test
	void memoryAboveTheLimitIsReported() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("big"));
		this.manager.startMonitoring(INTERVAL, 0.0, 1, 50_000L, this.clock);
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).isEmpty();
		for (int i = 0; i < 200; i++) {
			cache.store("k" + i, "a fairly long value to take some room, number " + i, null).block();
		}
		this.clock.advanceTimeBy(INTERVAL);
		assertThat(this.received).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(Kind.MEMORY_HIGH);
			assertThat(event.getCacheName()).isEqualTo("*");
		});
	}

	@Test
	void redisBecomingUnreachableIsReported() {
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			this.manager.setupRedisCache(RedisCacheSpec.builder("remote")
				.url(redis.url())
				.namespace("zenoo_monitor")
				.commandTimeout(Duration.ofMillis(300))
				.build());
			this.manager.startMonitoring(INTERVAL, 0.0, 1, null, this.clock);
			StepVerifier.create(this.manager.checkRedisHealth())
				.assertNext((health) -> assertThat(health).as(health.toString())
					.extracting(RedisHealth::reachable)
					.containsExactly(true))
				.verifyComplete();
			redis.kill();
			StepVerifier.create(this.events.asFlux())
				.then(() -> this.clock.advanceTimeBy(INTERVAL))
				.assertNext((event) -> {
					assertThat(event.getKind()).isEqualTo(Kind.REDIS_UNREACHABLE);
					assertThat(event.getCacheName()).isEqualTo("remote");
				})
				.thenCancel()
				.verify(Duration.ofSeconds(15));
		}
	}

	@Test
	void destroyStopsTheMonitoringAndItsScheduler() {
		ZenooCache cache = this.manager.setupMemoryCache(MemoryCacheSpec.of("watched"));
		this.manager.startMonitoring(INTERVAL, 0.5, 1, null, this.clock);
		this.manager.destroy();
		assertThat(this.clock.isDisposed()).isTrue();
		lookups(cache, 0, 5);
		this.clock.advanceTimeBy(INTERVAL.multipliedBy(3));
		assertThat(this.received).isEmpty();
	}

	@Test
	void settingUpMonitoringAgainReplacesThePreviousOne() {
		VirtualTimeScheduler first = this.clock;
		this.manager.startMonitoring(INTERVAL, 0.5, 1, null, first);
		this.manager.startMonitoring(INTERVAL, 0.5, 1, null, VirtualTimeScheduler.create());
		assertThat(first.isDisposed()).isTrue();
	}

	@Test
	void invalidSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.setupHealthMonitoring(Duration.ZERO, 0.5))
			.withMessageContaining("checkInterval");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.setupHealthMonitoring(INTERVAL, 1.5))
			.withMessageContaining("alertThreshold");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.manager.setupHealthMonitoring(INTERVAL, 0.5, 0L))
			.withMessageContaining("memoryLimitBytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.manager.setupHealthMonitoring(INTERVAL, 0.5, -1, null))
			.withMessageContaining("minRequests");
	}

}
