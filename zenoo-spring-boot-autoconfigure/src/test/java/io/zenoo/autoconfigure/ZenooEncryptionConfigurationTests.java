package io.zenoo.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.zenoo.actuate.ZenooSanitizingFunction;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zenoo.cache.caches.<name>.encryption.*}: bound and handed to the Redis cache, checked at startup (the
 * property named, the key never shown), and masked in {@code /actuator/env} and {@code /actuator/configprops}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZenooEncryptionConfigurationTests {

	private static final String NAMESPACE = "zenoo_enc_cfg_" + UUID.randomUUID().toString().substring(0, 8);

	private static OdooTestServer odoo;

	private final String key = randomKey();

	private final String previousKey = randomKey();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class));

	@BeforeAll
	static void startOdoo() {
		odoo = OdooTestServer.start();
	}

	@AfterAll
	static void stopOdoo() {
		odoo.close();
	}

	private static String randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private ApplicationContextRunner redisCache(String... encryption) {
		return this.runner
			.withPropertyValues("zenoo.cache.caches.vault.type=redis", "zenoo.cache.caches.vault.url=" + SharedRedis.url(),
					"zenoo.cache.caches.vault.namespace=" + NAMESPACE)
			.withPropertyValues(encryption);
	}

	@Test
	void anEncryptedRedisCacheStoresSealedValuesAndReadsThemBack() {
		redisCache("zenoo.cache.caches.vault.encryption.key=" + this.key,
				"zenoo.cache.caches.vault.encryption.key-id=2026-11",
				"zenoo.cache.caches.vault.encryption.previous-keys.2026-05=" + this.previousKey)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZenooCache vault = context.getBean(ZenooCacheManager.class).getCache("vault");
				vault.store("k", Map.of("name", "Azure Interior"), null).block(Duration.ofSeconds(5));
				assertThat(vault.find("k", Object.class).block(Duration.ofSeconds(5)))
					.isEqualTo(Map.of("name", "Azure Interior"));
				byte[] stored = rawGet(NAMESPACE + ":vault:k");
				assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("ZE\u0001\u00072026-11")
					.doesNotContain("Azure");
				vault.removeAll().block(Duration.ofSeconds(5));
			});
	}

	private static byte[] rawGet(String redisKey) {
		RedisClient client = RedisClient.create(SharedRedis.url());
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return connection.sync().get(redisKey.getBytes(StandardCharsets.UTF_8));
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void badEncryptionSettingsFailStartupNamingThePropertyWithoutShowingTheKey() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[24]);
		assertFailure(redisCache("zenoo.cache.caches.vault.encryption.key=" + shortKey,
				"zenoo.cache.caches.vault.encryption.key-id=k1"), "zenoo.cache.caches.vault.encryption.key", shortKey,
				"openssl rand -base64 32");
		assertFailure(redisCache("zenoo.cache.caches.vault.encryption.key=%%not-base64%%",
				"zenoo.cache.caches.vault.encryption.key-id=k1"), "zenoo.cache.caches.vault.encryption.key",
				"%%not-base64%%", "base64");
		assertFailure(redisCache("zenoo.cache.caches.vault.encryption.key=" + this.key),
				"zenoo.cache.caches.vault.encryption.key-id", this.key, "short id");
		assertFailure(redisCache("zenoo.cache.caches.vault.encryption.key-id=k1"),
				"zenoo.cache.caches.vault.encryption.key", null, "openssl rand -base64 32");
		assertFailure(redisCache("zenoo.cache.caches.vault.encryption.key=" + this.key,
				"zenoo.cache.caches.vault.encryption.key-id=k2",
				"zenoo.cache.caches.vault.encryption.previous-keys.k1=" + shortKey),
				"zenoo.cache.caches.vault.encryption.previous-keys.k1", shortKey, "openssl");
		assertFailure(this.runner.withPropertyValues("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.encryption.key=" + this.key, "zenoo.cache.caches.fast.encryption.key-id=k1"),
				"zenoo.cache.caches.fast.encryption.key", this.key, "redis");
	}

	private static void assertFailure(ApplicationContextRunner runner, String property, String secret,
			String actionFragment) {
		runner.run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertThat(failure).as(property).isNotNull();
			Throwable cause = failure;
			while (cause != null && !(cause instanceof ZenooConfigurationException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("a ZenooConfigurationException in the cause chain of %s", failure)
				.isInstanceOfSatisfying(ZenooConfigurationException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo(property));
			FailureAnalysis analysis = new ZenooConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property);
			assertThat(analysis.getAction()).contains(actionFragment);
			if (secret != null) {
				for (Throwable t = failure; t != null; t = t.getCause()) {
					assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
				}
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(secret);
			}
		});
	}

	@Test
	void keysAppearInNoEndpointNorLog(CapturedOutput output) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("management.endpoints.web.exposure.include", "env,configprops");
		properties.put("management.endpoint.env.show-values", "always");
		properties.put("management.endpoint.configprops.show-values", "always");
		properties.put("zenoo.odoo.url", odoo.url());
		properties.put("zenoo.odoo.database", odoo.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.odoo.password", OdooTestUsers.ADMIN_PASSWORD);
		properties.put("zenoo.cache.caches.vault.type", "redis");
		properties.put("zenoo.cache.caches.vault.url", SharedRedis.url());
		properties.put("zenoo.cache.caches.vault.namespace", NAMESPACE);
		properties.put("zenoo.cache.caches.vault.encryption.key", this.key);
		properties.put("zenoo.cache.caches.vault.encryption.key-id", "2026-11");
		properties.put("zenoo.cache.caches.vault.encryption.previous-keys.2026-05", this.previousKey);
		properties.put("logging.level.io.zenoo", "DEBUG");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.REACTIVE)
			.properties(properties)
			.run();
		try {
			ZenooClient client = context.getBean(ZenooClient.class);
			client.model(ResCountry.class).filter("code", "BE").cache("vault").all().block(Duration.ofSeconds(10));
			client.model(ResCountry.class).filter("code", "BE").cache("vault").all().block(Duration.ofSeconds(10));
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			WebTestClient web = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.responseTimeout(Duration.ofSeconds(20))
				.build();
			List<String> bodies = new ArrayList<>();
			for (String path : List.of("/actuator/env", "/actuator/configprops",
					"/actuator/env/zenoo.cache.caches.vault.encryption.key",
					"/actuator/env/zenoo.cache.caches.vault.encryption.previous-keys.2026-05")) {
				String body = web.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
				assertThat(body).as(path).isNotNull();
				bodies.add(body);
			}
			String all = String.join("\n", bodies);
			assertThat(all).contains("zenoo.cache.caches.vault.encryption.key").contains("2026-11");
			assertThat(bodies.get(1)).contains("previousKeys");
			assertThat(all).doesNotContain(this.key).doesNotContain(this.previousKey);
			assertThat(context.getBean(ZenooCacheManager.class).getCache("vault").toString()).doesNotContain(this.key);
			assertThat(output.getAll()).doesNotContain(this.key).doesNotContain(this.previousKey);
			context.getBean(ZenooCacheManager.class).getCache("vault").removeAll().block(Duration.ofSeconds(5));
		}
		finally {
			context.close();
			// the DEBUG level set for this test must not outlive it in this JVM
			LoggingSystem.get(getClass().getClassLoader()).setLogLevel("io.zenoo", null);
		}
	}

	@Test
	void theSanitizerMasksKeysInAnySpellingButNotTheKeyId() {
		ZenooSanitizingFunction function = new ZenooSanitizingFunction();
		MapPropertySource source = new MapPropertySource("test", Map.of());
		for (String masked : List.of("zenoo.cache.caches.vault.encryption.key",
				"ZENOO_CACHE_CACHES_VAULT_ENCRYPTION_KEY", "zenoo.cache.caches.vault.encryption.previous-keys.2026-05",
				"zenoo.cache.caches.vault.encryption.previousKeys[old]",
				"ZENOO_CACHE_CACHES_VAULT_ENCRYPTION_PREVIOUSKEYS_OLD", "zenoo.cache.caches.vault.encryption",
				"zenoo.cache.caches.my-encryption.encryption.key")) {
			assertThat(function.apply(new SanitizableData(source, masked, this.key)).getValue()).as(masked)
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
		for (String shown : List.of("zenoo.cache.caches.vault.encryption.key-id",
				"ZENOO_CACHE_CACHES_VAULT_ENCRYPTION_KEYID", "zenoo.cache.caches.encryption-test.namespace")) {
			assertThat(function.apply(new SanitizableData(source, shown, "visible")).getValue()).as(shown)
				.isEqualTo("visible");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
