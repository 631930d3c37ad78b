package io.zenoo.cache;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.test.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generations shared through a private Redis that dies, comes back empty, or is not there at start: reads never use a
 * number another instance could use for older data, writes never wait long, and owed bumps reach Redis once it is back.
 */
class GenerationsOutageTests {

	private static final String MODEL = "res.partner";

	private RedisServerProcess redisServer;

	private ZenooCacheManager caches;

	private ZenooCache cache;

	@BeforeEach
	void start() {
		this.redisServer = RedisServerProcess.start();
	}

	@AfterEach
	void stop() {
		if (this.caches != null) {
			this.caches.destroy();
		}
		this.redisServer.close();
	}

	private void setUpCaches() {
		this.caches = new ZenooCacheManager();
		this.cache = this.caches.setupRedisCache(RedisCacheSpec.builder("redis")
			.url(this.redisServer.url())
			.commandTimeout(Duration.ofMillis(300))
			.circuitBreakerWait(Duration.ofMillis(300))
			.build());
	}

	/** The generation a read would use now (waiting, as reads do, while the numbers load). */
	private long readGeneration() {
		return this.caches.withGeneration(this.cache, MODEL, Mono::just).block(Duration.ofSeconds(5));
	}

	/** Bumps wait for Redis a short while only: under load its number may come a little later. */
	private void awaitGeneration(long expected) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
			.until(() -> this.caches.generation(this.cache, MODEL) == expected);
	}

	private String inRedis() {
		RedisClient client = RedisClient.create(this.redisServer.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().hget("zenoo_rpc:generations", MODEL);
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void aBumpWhileRedisIsDownUsesAPrivateNumberAndReachesRedisOnceItIsBack() {
		setUpCaches();
		assertThat(readGeneration()).isZero();
		this.caches.invalidateModelCache(MODEL).block();
		awaitGeneration(1);
		assertThat(inRedis()).isEqualTo("1");

		this.redisServer.kill();
		long errorsBefore = this.cache.statistics().backendErrors();
		this.caches.invalidateModelCache(MODEL).block(Duration.ofSeconds(2));
		long whileDown = readGeneration();
		assertThat(whileDown).as("private to this instance").isNegative();
		assertThat(this.cache.statistics().backendErrors()).as("the refused bump is counted")
			.isGreaterThan(errorsBefore);

		// Redis comes back empty (no persistence): the owed bump goes through and jumps past the number known here
		this.redisServer.restart();
		awaitGeneration(2);
		assertThat(inRedis()).isEqualTo("2");
	}

	@Test
	void startingWhileRedisIsDownReadsUnderAPrivateNumberThenLoadsOnceItIsBack() {
		this.redisServer.kill();
		setUpCaches();
		long first = readGeneration();
		assertThat(first).isNegative();
		assertThat(readGeneration()).as("the same private number until loaded").isEqualTo(first);

		this.redisServer.restart();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
			.until(() -> this.caches.generation(this.cache, MODEL) == 0);
	}

	@Test
	void aHashRedisLostIsHealedPastTheNumbersKnown() {
		setUpCaches();
		readGeneration();
		for (int i = 0; i < 3; i++) {
			this.caches.invalidateModelCache(MODEL).block();
		}
		awaitGeneration(3);
		RedisClient client = RedisClient.create(this.redisServer.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().flushall();
		}
		finally {
			client.shutdown();
		}

		this.caches.invalidateModelCache(MODEL).block();

		awaitGeneration(4);
		assertThat(inRedis()).isEqualTo("4");
	}

}
