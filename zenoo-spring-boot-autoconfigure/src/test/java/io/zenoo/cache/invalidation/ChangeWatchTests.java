package io.zenoo.cache.invalidation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The change watch against the test server, on virtual time (the polls themselves are real calls, awaited with a
 * bound): changes and deletions made behind the client's back are seen after one interval, one instance polls per
 * model when several share Redis, a failing Odoo does not stop the watch, and bad settings are refused.
 */
class ChangeWatchTests {

	private static final Duration INTERVAL = Duration.ofSeconds(30);

	private static final Duration BOUND = Duration.ofSeconds(10);

	private static OdooTestServer server;

	private static RedisClient redisClient;

	private static StatefulRedisConnection<String, String> redis;

	private final String namespace = "t" + UUID.randomUUID().toString().replace("-", "");

	private final List<AutoCloseable> resources = new ArrayList<>();

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		redisClient = RedisClient.create(SharedRedis.url());
		redis = redisClient.connect();
	}

	@AfterAll
	static void stop() {
		redis.close();
		redisClient.shutdown();
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
		List<String> keys = new ArrayList<>();
		ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(this.namespace + ":*").limit(500))
			.forEachRemaining(keys::add);
		keys.forEach(redis.sync()::unlink);
	}

	private ZenooClient client(boolean withRedis) {
		ZenooCacheManager manager = new ZenooCacheManager();
		if (withRedis) {
			manager.setupRedisCache(RedisCacheSpec.builder("redis").url(SharedRedis.url()).namespace(this.namespace)
				.build());
		}
		else {
			manager.setupMemoryCache(MemoryCacheSpec.of("memory"));
		}
		this.resources.add(manager::destroy);
		ZenooClient client = ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), manager);
		this.resources.add(client);
		return client;
	}

	private ChangeWatch watch(ZenooClient client, VirtualTimeScheduler time, String instance) {
		ChangeWatch watch = ChangeWatch.start(client, ChangeDetectionSettings.of(INTERVAL, "res.partner"), time,
				instance);
		this.resources.add(watch);
		this.resources.add(time::dispose);
		return watch;
	}

	private static void round(VirtualTimeScheduler time, ChangeWatch watch, long round) {
		if (round == 1) {
			time.advanceTime();
		}
		else {
			time.advanceTimeBy(INTERVAL);
		}
		await().atMost(BOUND).until(() -> watch.rounds() >= round);
	}

	private static long generation(ZenooClient client) {
		ZenooCache cache = client.cacheManager().getDefaultCache();
		return client.cacheManager().generation(cache, "res.partner");
	}

	@Test
	void aRecordChangedBehindTheClientsBackIsReadFreshAfterOneInterval() {
		ZenooClient client = client(false);
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChangeWatch watch = watch(client, time, "a");
		round(time, watch, 1);
		long baseline = generation(client);
		assertThat(server.calls().count("res.partner", "read_group")).isEqualTo(1);
		String before = client.model(ResPartner.class).get(13).block().city();
		server.store().write("res.partner", 13, Map.of("city", "Changed Outside"));
		assertThat(client.model(ResPartner.class).get(13).block().city()).as("cached until the watch sees it")
			.isEqualTo(before);
		round(time, watch, 2);
		assertThat(generation(client)).isGreaterThan(baseline);
		server.calls().clear();
		assertThat(client.model(ResPartner.class).get(13).block().city()).isEqualTo("Changed Outside");
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(1);
	}

	@Test
	void theFirstPollIsABaselineAndAConfirmedStateInvalidatesNothing() {
		ZenooClient client = client(false);
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChangeWatch watch = watch(client, time, "a");
		long start = generation(client);
		round(time, watch, 1);
		assertThat(generation(client)).as("baseline only").isEqualTo(start);
		round(time, watch, 2);
		long confirmed = generation(client);
		round(time, watch, 3);
		round(time, watch, 4);
		assertThat(generation(client)).as("nothing changed once confirmed").isEqualTo(confirmed);
		assertThat(watch.changes()).isZero();
		assertThat(watch.polls()).isEqualTo(4);
	}

	@Test
	void aDeletionBehindTheClientsBackChangesTheCountAndIsSeen() {
		ZenooClient client = client(false);
		long doomed = server.store().create("res.partner", Map.of("name", "Doomed"));
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChangeWatch watch = watch(client, time, "a");
		round(time, watch, 1);
		round(time, watch, 2);
		long countBefore = client.model("res.partner").context("active_test", false).count().block();
		server.store().unlink("res.partner", doomed);
		round(time, watch, 3);
		assertThat(watch.changes()).isEqualTo(1);
		assertThat(client.model("res.partner").context("active_test", false).count().block())
			.isEqualTo(countBefore - 1);
	}

	@Test
	void archivedRecordsAreCountedSoArchivingIsSeenToo() {
		ZenooClient client = client(false);
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChangeWatch watch = watch(client, time, "a");
		round(time, watch, 1);
		Map<String, Object> kwargs = server.calls().all().get(0).kwargs();
		assertThat(server.calls().all().get(0).context()).containsEntry("active_test", false);
		assertThat(kwargs.get("fields")).isEqualTo(List.of("write_date:max"));
		assertThat(kwargs.get("groupby")).isEqualTo(List.of());
	}

	@Test
	void twoInstancesSharingRedisPollEachModelOnceAndANewLeaderDoesNotInvalidateNeedlessly() {
		ZenooClient first = client(true);
		ZenooClient second = client(true);
		VirtualTimeScheduler firstTime = VirtualTimeScheduler.create();
		VirtualTimeScheduler secondTime = VirtualTimeScheduler.create();
		ChangeWatch a = watch(first, firstTime, "a");
		ChangeWatch b = watch(second, secondTime, "b");
		for (long round = 1; round <= 3; round++) {
			round(firstTime, a, round);
			round(secondTime, b, round);
			assertThat(server.calls().count("res.partner", "read_group")).isEqualTo((int) round);
		}
		assertThat(a.polls() + b.polls()).isEqualTo(3);
		ChangeWatch leader = (a.polls() == 3) ? a : b;
		assertThat(leader.polls()).isEqualTo(3);
		assertThat(redis.sync().get(this.namespace + ":watch:res.partner")).isEqualTo((leader == a) ? "a" : "b");
		ChangeWatch follower = (leader == a) ? b : a;
		VirtualTimeScheduler followerTime = (leader == a) ? secondTime : firstTime;
		ZenooClient followerClient = (leader == a) ? second : first;
		long generation = generation(followerClient);
		leader.close();
		// the release is sent in the background (close never waits for Redis): wait until it landed
		await().atMost(BOUND).until(() -> redis.sync().get(this.namespace + ":watch:res.partner") == null);
		round(followerTime, follower, 4);
		assertThat(follower.polls()).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "read_group")).isEqualTo(4);
		assertThat(generation(followerClient)).as("the state kept in Redis is continued").isEqualTo(generation);
		server.store().write("res.partner", 13, Map.of("city", "Seen By The New Leader"));
		server.store().unlink("res.partner", server.store().create("res.partner", Map.of("name", "x")));
		round(followerTime, follower, 5);
		assertThat(generation(followerClient)).isGreaterThan(generation);
	}

	@Test
	void anOdooFailureDuringAPollIsCountedAndTheNextIntervalPollsAgain() {
		ZenooClient client = client(false);
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChangeWatch watch = watch(client, time, "a");
		round(time, watch, 1);
		server.faults().httpError(1, 500, "text/plain", "down for maintenance");
		round(time, watch, 2);
		assertThat(watch.failures()).isEqualTo(1);
		assertThat(watch.isRunning()).isTrue();
		long generation = generation(client);
		server.store().unlink("res.partner", server.store().create("res.partner", Map.of("name", "x")));
		round(time, watch, 3);
		assertThat(watch.polls()).isEqualTo(3);
		assertThat(generation(client)).isGreaterThan(generation);
		watch.close();
		assertThat(watch.isRunning()).isFalse();
	}

	@Test
	void badSettingsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChangeDetectionSettings.of(Duration.ZERO, "res.partner"))
			.withMessageContaining("interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChangeDetectionSettings.of(Duration.ofSeconds(-1), "res.partner"))
			.withMessageContaining("interval");
		assertThatIllegalArgumentException().isThrownBy(() -> ChangeDetectionSettings.of(INTERVAL, " "))
			.withMessageContaining("blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ChangeDetectionSettings.of(INTERVAL, "res partner"))
			.withMessageContaining("not an Odoo model name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChangeWatch.start(client(false),
					new ChangeDetectionSettings(INTERVAL, List.of("res.partner"), "nope")))
			.withMessageContaining("nope");
		ZenooClient uncached = ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)));
		this.resources.add(uncached);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChangeWatch.start(uncached, ChangeDetectionSettings.of(INTERVAL, "res.partner")))
			.withMessageContaining("caches");
	}

}
