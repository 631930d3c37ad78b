package io.zenoo.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheType;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.client.ZenooClient;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.awaitility.Awaitility;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each profile's yml starts the application with the caches it declares.
 */
class ProfilesTests {

	@Test
	void defaultProfileHasMemoryCachesAndTheEmbeddedOdoo() {
		try (ConfigurableApplicationContext context = start(Map.of())) {
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			assertThat(caches.getCacheNames()).containsExactlyInAnyOrder("fast", "reference");
			assertCache(caches, "fast", CacheType.MEMORY, Duration.ofMinutes(5));
			assertCache(caches, "reference", CacheType.MEMORY, Duration.ofHours(24));
			assertThat(caches.getDefaultCache().getName()).isEqualTo("fast");
			assertThat(context.containsBean("embeddedOdooTestServer")).isTrue();
		}
	}

	@Test
	void devProfileIsTheGuidesDevelopmentConfiguration() {
		try (ConfigurableApplicationContext context = start(Map.of(), "dev")) {
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			assertThat(caches.getCacheNames()).containsExactlyInAnyOrder("fast", "reference");
			assertCache(caches, "fast", CacheType.MEMORY, Duration.ofMinutes(5));
			assertCache(caches, "reference", CacheType.MEMORY, Duration.ofHours(24));
			assertThat(context.getEnvironment().getProperty("zenoo.cache.caches.fast.max-size")).isEqualTo("500");
		}
	}

	@Test
	void prodProfileIsTheGuidesProductionConfiguration() {
		String namespace = SharedRedis.randomNamespace();
		Map<String, Object> properties = Map.of("REDIS_URL", SharedRedis.url(), "zenoo.cache.caches.fast.namespace",
				namespace, "zenoo.cache.caches.reference.namespace", namespace);
		try (ConfigurableApplicationContext context = start(properties, "prod")) {
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			try {
				assertThat(caches.getCacheNames()).containsExactlyInAnyOrder("fast", "reference");
				assertCache(caches, "fast", CacheType.REDIS, Duration.ofMinutes(10));
				assertCache(caches, "reference", CacheType.REDIS, Duration.ofHours(24));
				assertThat(caches.getDefaultCache().getName()).isEqualTo("fast");
				assertThat(caches.isHealthMonitoringActive()).isTrue();
				assertStoresInRedis(caches, namespace + ":fast:");
			}
			finally {
				caches.clearAllCaches().block(Duration.ofSeconds(10));
			}
		}
	}

	@Test
	void highPerformanceProfileIsTheGuidesMultiTierConfiguration() {
		String namespace = SharedRedis.randomNamespace();
		Map<String, Object> properties = Map.of("REDIS_URL", SharedRedis.url(), "zenoo.cache.caches.l2.namespace",
				namespace);
		try (ConfigurableApplicationContext context = start(properties, "high-performance")) {
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			try {
				assertThat(caches.getCacheNames()).containsExactlyInAnyOrder("l1", "l2", "fast", "reference");
				assertCache(caches, "l1", CacheType.MEMORY, Duration.ofMinutes(1));
				assertCache(caches, "l2", CacheType.REDIS, Duration.ofHours(1));
				assertThat(caches.getCache("fast").type()).isEqualTo(CacheType.TIERED);
				assertThat(caches.getCache("reference").type()).isEqualTo(CacheType.TIERED);
				assertThat(caches.getDefaultCache().getName()).isEqualTo("fast");
				// a query through the tiered default cache lands in L2, under the profile's namespace
				ZenooClient client = context.getBean(ZenooClient.class);
				client.model("res.partner").filter("is_company", true).fields("name").all().block(Duration.ofSeconds(10));
				assertThat(keys(namespace + ":l2:res.partner:*")).isNotEmpty();
			}
			finally {
				caches.clearAllCaches().block(Duration.ofSeconds(10));
			}
		}
	}

	@Test
	void odooProfileTakesTheServerFromTheEnvironmentAndStartsNoEmbeddedOne() {
		try (OdooTestServer odoo = OdooTestServer.start()) {
			Map<String, Object> properties = Map.of("ODOO_URL", odoo.url(), "ODOO_DB", odoo.database(), "ODOO_USER",
					OdooTestUsers.ADMIN_LOGIN, "ODOO_PASSWORD", OdooTestUsers.ADMIN_PASSWORD);
			try (ConfigurableApplicationContext context = start(properties, "odoo")) {
				assertThat(context.containsBean("embeddedOdooTestServer")).isFalse();
				ZenooClient client = context.getBean(ZenooClient.class);
				int before = odoo.calls().count("res.partner", "search_read");
				List<?> companies = client.model("res.partner")
					.filter("is_company", true)
					.fields("name")
					.all()
					.block(Duration.ofSeconds(10));
				assertThat(companies).isNotEmpty();
				assertThat(odoo.calls().count("res.partner", "search_read")).isEqualTo(before + 1);
				assertThat(context.getBean(ZenooCacheManager.class).getCacheNames())
					.containsExactlyInAnyOrder("fast", "reference");
			}
		}
	}

	/**
	 * Starts the application as {@code java -jar} would, the properties given as command-line arguments (which, unlike
	 * default properties, override the profiles' yml), and waits for the background warm-up so that closing the
	 * context does not cut it short.
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.profiles(profiles)
			.run(args.toArray(String[]::new));
		CacheWarmup warmup = context.getBean(CacheWarmup.class);
		Awaitility.await("the startup warm-up")
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> warmup.lastReport() != null);
		assertThat(warmup.lastReport().failed()).isZero();
		return context;
	}

	private static void assertCache(ZenooCacheManager caches, String name, CacheType type, Duration defaultTtl) {
		ZenooCache cache = caches.getCache(name);
		assertThat(cache).as(name).isNotNull();
		assertThat(cache.type()).as(name).isEqualTo(type);
		assertThat(cache.defaultTtl()).as(name).isEqualTo(defaultTtl);
	}

	private static void assertStoresInRedis(ZenooCacheManager caches, String prefix) {
		caches.set("probe", Map.of("stored", true)).block(Duration.ofSeconds(10));
		assertThat(keys(prefix + "*")).contains(prefix + "probe");
	}

	private static List<String> keys(String pattern) {
		RedisClient redis = RedisClient.create(SharedRedis.url());
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			return ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(pattern).limit(500)).stream().toList();
		}
		finally {
			redis.shutdown();
		}
	}

}
