package io.zenoo.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.test.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static io.zenoo.cache.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The background entry count of Redis caches behind their {@code cache.size} gauge, against a private Redis whose
 * command statistics show what was sent: {@code SCAN}, never {@code KEYS}, at most once per refresh interval, and
 * nothing after close.
 */
class RedisKeyCountTests {

	private static RedisServerProcess redis;

	private static RedisClient lettuce;

	private static StatefulRedisConnection<String, String> admin;

	private final ZenooCacheManager manager = new ZenooCacheManager();

	private final AtomicLong now = new AtomicLong();

	/** Tasks of the count's scheduler, run when the test says so. */
	private final List<Runnable> queued = new ArrayList<>();

	private final Scheduler scheduler = Schedulers.fromExecutor(this::enqueue);

	private RedisZenooCache cache;

	@BeforeAll
	static void startRedis() {
		redis = RedisServerProcess.start();
		lettuce = RedisClient.create(redis.url());
		admin = lettuce.connect();
	}

	@AfterAll
	static void stopRedis() {
		admin.close();
		lettuce.shutdown();
		redis.close();
	}

	@BeforeEach
	void setUp() {
		this.cache = (RedisZenooCache) this.manager.setupRedisCache(RedisCacheSpec.builder("counted")
			.url(redis.url())
			.namespace("t" + UUID.randomUUID().toString().substring(0, 8))
			.build());
	}

	@AfterEach
	void tearDown() {
		this.manager.destroy();
		this.scheduler.dispose();
	}

	private synchronized void enqueue(Runnable task) {
		this.queued.add(task);
	}

	private void runQueued() {
		List<Runnable> tasks;
		synchronized (this) {
			tasks = new ArrayList<>(this.queued);
			this.queued.clear();
		}
		tasks.forEach(Runnable::run);
	}

	private static long commandCalls(String command) {
		Matcher calls = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(admin.sync().info("commandstats"));
		return calls.find() ? Long.parseLong(calls.group(1)) : 0;
	}

	private void store(String... keys) {
		for (String key : keys) {
			this.cache.store(key, "value of " + key, null).block();
		}
	}

	@Test
	void countsWithScanInTheBackgroundAtMostOncePerRefreshAndNotAfterClose() {
		store("a", "b", "c");
		RedisKeyCount count = new RedisKeyCount(this.cache::footprint, Duration.ofSeconds(30), this.now::get,
				this.scheduler);
		admin.sync().configResetstat();

		// the first read starts the count but does not wait for it
		assertThat(count.value()).isNaN();
		assertThat(commandCalls("scan")).isZero();
		runQueued();
		eventually(() -> count.value() == 3);
		long scans = commandCalls("scan");
		assertThat(scans).isPositive();

		store("d", "e");
		this.now.addAndGet(Duration.ofSeconds(29).toNanos());
		assertThat(count.value()).isEqualTo(3);
		runQueued();
		assertThat(commandCalls("scan")).isEqualTo(scans);

		// due: the read still answers the last count, and starts a new one
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(count.value()).isEqualTo(3);
		runQueued();
		eventually(() -> count.value() == 5);
		assertThat(commandCalls("scan")).isGreaterThan(scans);
		assertThat(commandCalls("keys")).isZero();

		count.close();
		long scansBeforeClose = commandCalls("scan");
		this.now.addAndGet(Duration.ofMinutes(5).toNanos());
		assertThat(count.value()).isEqualTo(5);
		runQueued();
		assertThat(commandCalls("scan")).isEqualTo(scansBeforeClose);
	}

	@Test
	void aTieredCacheCountsItsRedisLevel() {
		this.manager.setupMemoryCache(MemoryCacheSpec.of("front"));
		ZenooCache tiered = this.manager.setupTieredCache("layered", "front", "counted");
		tiered.store("x", "1", null).block();
		tiered.store("y", "2", null).block();
		try (RedisKeyCount count = RedisKeyCount.of(tiered, Duration.ofMinutes(1))) {
			eventually(() -> count.value() == 2);
		}
	}

	@Test
	void aFailedCountReadsAsUnknownAndOnlyOneCountRunsAtATime() {
		AtomicInteger counts = new AtomicInteger();
		RedisKeyCount count = new RedisKeyCount(() -> (counts.incrementAndGet() == 1)
				? Mono.just(new Footprint(4L, 400L)) : Mono.error(new IllegalStateException("Redis is gone")),
				Duration.ofSeconds(30), this.now::get, this.scheduler);
		count.value();
		count.value();
		runQueued();
		assertThat(count.value()).isEqualTo(4);
		this.now.addAndGet(Duration.ofSeconds(30).toNanos());
		count.value();
		count.value();
		runQueued();
		assertThat(count.value()).isNaN();
		assertThat(counts).hasValue(2);
	}

	@Test
	void onlyRedisAndTieredCachesAreCountedAndTheRefreshMustBePositive() {
		ZenooCache memory = this.manager.setupMemoryCache(MemoryCacheSpec.of("local"));
		assertThatIllegalArgumentException().isThrownBy(() -> RedisKeyCount.of(memory, Duration.ofSeconds(30)))
			.withMessageContaining("'local'");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisKeyCount.of(this.cache, Duration.ZERO))
			.withMessageContaining("refresh");
	}

}
