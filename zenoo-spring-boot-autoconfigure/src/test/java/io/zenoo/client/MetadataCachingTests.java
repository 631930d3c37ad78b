package io.zenoo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.transport.OdooTransports;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Metadata (the server version, the user's context, {@code fields_get}) is cached for the metadata TTL, per server for
 * the version and per user for the rest, survives record writes and model invalidation, and is refreshed on demand;
 * counted with the test server's call log.
 */
class MetadataCachingTests {

	private static OdooTestServer server;

	private final AtomicLong nanos = new AtomicLong();

	private final Ticker ticker = this.nanos::get;

	private final List<ZenooClient> clients = new ArrayList<>();

	private final List<ZenooCacheManager> managers = new ArrayList<>();

	private ZenooCacheManager caches;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.managers.add(this.caches);
		// the caches' own default TTL is one minute: metadata must outlive it
		this.caches.setupMemoryCache(new MemoryCacheSpec("fast", 500, Duration.ofMinutes(1), CacheStrategy.TTL),
				this.ticker);
		this.caches.setupMemoryCache(new MemoryCacheSpec("meta", 500, Duration.ofMinutes(1), CacheStrategy.TTL),
				this.ticker);
	}

	@AfterEach
	void tearDown() {
		this.clients.forEach(ZenooClient::close);
		this.managers.forEach(ZenooCacheManager::destroy);
	}

	private ZenooClient admin(MetadataCaching metadata) {
		return client(this.caches, metadata);
	}

	private ZenooClient client(ZenooCacheManager manager, MetadataCaching metadata) {
		ZenooClientSettings settings = TestClients.adminSettings(server);
		ZenooClient client = new ZenooClient(OdooTransports.create(settings), settings.protocol(), manager,
				OdooCallObserver.NONE, metadata);
		this.clients.add(client);
		return client;
	}

	private static ZenooClient demo(ZenooClient admin) {
		return admin.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
	}

	private static int contextGets() {
		return server.calls().count("res.users", "context_get");
	}

	private static int fieldsGets() {
		return server.calls().count("res.partner", "fields_get");
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	@Test
	void versionIsAskedOncePerServerForAllUsersAndRefreshedOnDemand() {
		ZenooClient admin = admin(MetadataCaching.defaults());
		assertThat(admin.version().block().serverVersion()).isEqualTo("18.0");
		assertThat(admin.version().block().major()).isEqualTo(18);
		assertThat(demo(admin).version().block().serverVersion()).isEqualTo("18.0");
		assertThat(server.calls().versionCalls()).isEqualTo(1);
		assertThat(admin.refreshVersion().block().serverVersion()).isEqualTo("18.0");
		assertThat(server.calls().versionCalls()).isEqualTo(2);
		admin.version().block();
		assertThat(server.calls().versionCalls()).isEqualTo(2);
		admin.refreshMetadata().block();
		admin.version().block();
		admin.version().block();
		assertThat(server.calls().versionCalls()).isEqualTo(3);
	}

	@Test
	void userContextIsCachedPerUserAndNeverShared() {
		ZenooClient admin = admin(MetadataCaching.defaults());
		ZenooClient demo = demo(admin);
		assertThat(admin.userContext().block()).containsEntry("uid", 2L).containsEntry("lang", "en_US");
		assertThat(admin.userContext().block()).containsEntry("uid", 2L);
		assertThat(contextGets()).isEqualTo(1);
		assertThat(demo.userContext().block()).containsEntry("uid", 6L);
		assertThat(demo.userContext().block()).containsEntry("uid", 6L);
		assertThat(contextGets()).isEqualTo(2);
		admin.refreshUserContext().block();
		assertThat(contextGets()).isEqualTo(3);
		admin.refreshMetadata().block();
		assertThat(admin.userContext().block()).containsEntry("uid", 2L);
		assertThat(demo.userContext().block()).containsEntry("uid", 6L);
		assertThat(contextGets()).as("admin's refresh leaves demo's context cached").isEqualTo(4);
	}

	@Test
	void fieldsGetIsCachedPerUserAndContextAndOutlivesRecordWrites() {
		ZenooClient admin = admin(MetadataCaching.defaults());
		ZenooClient demo = demo(admin);
		Map<String, Map<String, Object>> fields = admin.model("res.partner").fieldsGet("type").block();
		assertThat(fields.get("name")).containsEntry("type", "char");
		admin.model("res.partner").fieldsGet("type").block();
		admin.model(ResPartner.class).fieldsGet("type").block();
		assertThat(fieldsGets()).as("typed and untyped queries ask the same thing").isEqualTo(1);
		demo.model("res.partner").fieldsGet("type").block();
		assertThat(fieldsGets()).as("another user").isEqualTo(2);
		admin.model("res.partner").fieldsGet("type", "string").block();
		admin.model("res.partner").fields("name").fieldsGet("type").block();
		admin.model("res.partner").context("lang", "en_US").fieldsGet("type").block();
		assertThat(fieldsGets()).as("other attributes, fields, context").isEqualTo(5);
		admin.model(ResPartner.class).update(13, Map.of("name", "Renamed")).block();
		this.caches.invalidate("fast", null, "res.partner").block();
		admin.model("res.partner").fieldsGet("type").block();
		assertThat(fieldsGets()).as("record writes and model invalidation leave metadata alone").isEqualTo(5);
	}

	@Test
	void fieldsGetHonoursTheQueryCacheControls() {
		ZenooClient admin = admin(MetadataCaching.defaults());
		admin.model("res.partner").fieldsGet("type").block();
		admin.model("res.partner").cacheRefresh().fieldsGet("type").block();
		assertThat(fieldsGets()).isEqualTo(2);
		admin.model("res.partner").fieldsGet("type").block();
		admin.model("res.partner").noCache().fieldsGet("type").block();
		admin.model("res.partner").noCache().fieldsGet("type").block();
		assertThat(fieldsGets()).isEqualTo(4);
		admin.model("res.partner").cache("meta").cacheTtl(Duration.ofSeconds(10)).fieldsGet("type").block();
		assertThat(fieldsGets()).as("a named cache holds its own entry").isEqualTo(5);
		advance(Duration.ofSeconds(11));
		admin.model("res.partner").cache("meta").fieldsGet("type").block();
		assertThat(fieldsGets()).as("its own TTL expired").isEqualTo(6);
	}

	@Test
	void refreshMetadataDropsOnlyThisUsersFieldsOfEveryModel() {
		ZenooClient admin = admin(MetadataCaching.defaults());
		ZenooClient demo = demo(admin);
		admin.model("res.partner").fieldsGet("type").block();
		admin.model("res.country").fieldsGet("type").block();
		demo.model("res.partner").fieldsGet("type").block();
		assertThat(fieldsGets()).isEqualTo(2);
		admin.refreshMetadata().block();
		admin.model("res.partner").fieldsGet("type").block();
		admin.model("res.country").fieldsGet("type").block();
		demo.model("res.partner").fieldsGet("type").block();
		assertThat(fieldsGets()).isEqualTo(3);
		assertThat(server.calls().count("res.country", "fields_get")).isEqualTo(2);
	}

	@Test
	void metadataLivesForTheMetadataTtlNotTheCacheDefault() {
		ZenooClient admin = admin(new MetadataCaching(null, Duration.ofHours(2)));
		admin.version().block();
		admin.userContext().block();
		admin.model("res.partner").fieldsGet("type").block();
		advance(Duration.ofMinutes(119));
		admin.version().block();
		admin.userContext().block();
		admin.model("res.partner").fieldsGet("type").block();
		assertThat(server.calls().versionCalls()).isEqualTo(1);
		assertThat(contextGets()).isEqualTo(1);
		assertThat(fieldsGets()).isEqualTo(1);
		advance(Duration.ofMinutes(2));
		admin.version().block();
		admin.userContext().block();
		admin.model("res.partner").fieldsGet("type").block();
		assertThat(server.calls().versionCalls()).isEqualTo(2);
		assertThat(contextGets()).isEqualTo(2);
		assertThat(fieldsGets()).isEqualTo(2);
	}

	@Test
	void metadataGoesToTheMetadataCache() {
		ZenooClient admin = admin(new MetadataCaching("meta", MetadataCaching.DEFAULT_TTL));
		admin.version().block();
		admin.userContext().block();
		admin.model("res.partner").fieldsGet("type").block();
		assertThat(this.caches.getCache("meta").statistics().puts()).isEqualTo(3);
		assertThat(this.caches.getCache("fast").statistics().puts()).isZero();
		admin.refreshMetadata().block();
		admin.version().block();
		assertThat(server.calls().versionCalls()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void everyProtocolCachesTheVersionAndTheContext(OdooProtocol protocol) {
		OdooCredentials credentials = (protocol == OdooProtocol.JSON2)
				? OdooCredentials.apiKey(OdooTestUsers.ADMIN_LOGIN, server.createApiKey(OdooTestUsers.ADMIN_LOGIN))
				: OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD);
		ZenooClientSettings settings = ZenooClientSettings.of(server.url(), server.database(), credentials)
			.withProtocol(protocol);
		ZenooClient client = new ZenooClient(OdooTransports.create(settings), protocol, this.caches,
				OdooCallObserver.NONE, MetadataCaching.defaults());
		this.clients.add(client);
		assertThat(client.version().block().major()).isEqualTo(18);
		assertThat(client.version().block().major()).isEqualTo(18);
		assertThat(client.userContext().block()).containsEntry("uid", 2L);
		assertThat(client.userContext().block()).containsEntry("uid", 2L);
		assertThat(server.calls().versionCalls()).isEqualTo(1);
		assertThat(contextGets()).isEqualTo(1);
	}

	@Test
	void withoutCachesMetadataIsAlwaysAsked() {
		ZenooClient plain = ZenooClient.create(TestClients.adminSettings(server));
		this.clients.add(plain);
		plain.version().block();
		plain.version().block();
		plain.userContext().block();
		plain.userContext().block();
		plain.refreshMetadata().block();
		assertThat(server.calls().versionCalls()).isEqualTo(2);
		assertThat(contextGets()).isEqualTo(2);
	}

	@Test
	void metadataIsSharedThroughRedisAndDecodesIntoItsTypes() {
		String namespace = "zenoo_meta_" + UUID.randomUUID().toString().substring(0, 8);
		ZenooClient first = client(redisManager(namespace), MetadataCaching.defaults());
		ZenooClient second = client(redisManager(namespace), MetadataCaching.defaults());
		try {
			OdooVersion version = first.version().block();
			Map<String, Object> context = first.userContext().block();
			Map<String, Map<String, Object>> fields = first.model("res.partner").fieldsGet("type").block();
			assertThat(second.version().block()).isEqualTo(version);
			assertThat(second.version().block().major()).isEqualTo(18);
			assertThat(second.userContext().block()).isEqualTo(context);
			assertThat(second.model("res.partner").fieldsGet("type").block()).isEqualTo(fields);
			assertThat(server.calls().versionCalls()).isEqualTo(1);
			assertThat(contextGets()).isEqualTo(1);
			assertThat(fieldsGets()).isEqualTo(1);
			second.refreshMetadata().block();
			first.version().block();
			first.userContext().block();
			first.model("res.partner").fieldsGet("type").block();
			assertThat(server.calls().versionCalls()).isEqualTo(2);
			assertThat(contextGets()).isEqualTo(2);
			assertThat(fieldsGets()).isEqualTo(2);
		}
		finally {
			unlinkAll(namespace);
		}
	}

	@Test
	void badSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MetadataCaching(null, Duration.ofSeconds(-1)))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new MetadataCaching(" ", Duration.ofHours(1)))
			.withMessageContaining("blank");
		ZenooClient admin = admin(new MetadataCaching("nope", Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> admin.version().block())
			.withMessageContaining("no cache named 'nope'");
	}

	private ZenooCacheManager redisManager(String namespace) {
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupRedisCache(
				RedisCacheSpec.builder("persistent").url(SharedRedis.url()).namespace(namespace).build());
		this.managers.add(manager);
		return manager;
	}

	private static void unlinkAll(String namespace) {
		RedisClient redisClient = RedisClient.create(SharedRedis.url());
		try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
			ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches(namespace + ":*").limit(500))
				.forEachRemaining((key) -> redis.sync().unlink(key));
		}
		finally {
			redisClient.shutdown();
		}
	}

}
