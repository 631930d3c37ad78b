package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.BreakerState;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.zenoo.cache.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with the actuator, on a random port: the odoo and zenooCache health indicators with Redis
 * up, with a private Redis stopped and with Odoo unreachable; the zenoo endpoint; Boot's caches endpoint; and no
 * secret in any endpoint or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZenooActuatorIntegrationTests {

	private static OdooTestServer odoo;

	private final String namespace = "zenoo_actuator_" + UUID.randomUUID().toString().substring(0, 8);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startOdoo() {
		odoo = OdooTestServer.start();
	}

	@AfterAll
	static void stopOdoo() {
		odoo.close();
	}

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private Map<String, Object> baseProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.data.redis.url", SharedRedis.url());
		properties.put("management.endpoints.web.exposure.include", "health,zenoo,caches,env,configprops");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.env.show-values", "always");
		properties.put("management.endpoint.configprops.show-values", "always");
		properties.put("zenoo.odoo.url", odoo.url());
		properties.put("zenoo.odoo.database", odoo.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.odoo.password", OdooTestUsers.ADMIN_PASSWORD);
		properties.put("zenoo.cache.caches.memory.type", "memory");
		properties.put("zenoo.cache.caches.shared.type", "redis");
		properties.put("zenoo.cache.caches.shared.url", SharedRedis.url());
		properties.put("zenoo.cache.caches.shared.namespace", this.namespace);
		return properties;
	}

	private WebTestClient start(Map<String, Object> properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.REACTIVE)
			.properties(properties)
			.run();
		this.contexts.add(context);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	private ConfigurableApplicationContext lastContext() {
		return this.contexts.get(this.contexts.size() - 1);
	}

	@Test
	void healthIsUpWithOdooAndRedisReachable() {
		WebTestClient web = start(baseProperties());
		web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.odoo.status").isEqualTo("UP")
			.jsonPath("$.components.odoo.details.serverVersion")
			.value((version) -> assertThat((String) version).startsWith("18"))
			.jsonPath("$.components.odoo.details.database").isEqualTo(odoo.database())
			.jsonPath("$.components.odoo.details.login").isEqualTo(OdooTestUsers.ADMIN_LOGIN)
			.jsonPath("$.components.zenooCache.status").isEqualTo("UP")
			.jsonPath("$.components.zenooCache.details.degraded").isEqualTo(false)
			.jsonPath("$.components.zenooCache.details.caches.memory.type").isEqualTo("memory")
			.jsonPath("$.components.zenooCache.details.caches.shared.redisReachable").isEqualTo(true)
			.jsonPath("$.components.zenooCache.details.caches.shared.breaker").isEqualTo("closed")
			.jsonPath("$.components.zenooCache.details.caches.shared.degraded").isEqualTo(false);
	}

	@Test
	void aStoppedPrivateRedisIsDegradedButNotDown() {
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			Map<String, Object> properties = baseProperties();
			properties.put("zenoo.cache.caches.private.type", "redis");
			properties.put("zenoo.cache.caches.private.url", redis.url());
			properties.put("zenoo.cache.caches.private.namespace", this.namespace);
			properties.put("zenoo.cache.caches.private.circuit-breaker-threshold", "2");
			properties.put("zenoo.cache.caches.private.retry-attempts", "0");
			properties.put("zenoo.cache.caches.private.command-timeout", "200ms");
			properties.put("zenoo.cache.health.alert-threshold", "0.9");
			properties.put("zenoo.cache.health.min-requests", "1");
			WebTestClient web = start(properties);
			ZenooClient client = lastContext().getBean(ZenooClient.class);
			client.model(ResCountry.class).filter("code", "BE").cache("private").all().block(); // a miss: warning
			web.get().uri("/actuator/health/zenooCache").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.details.caches.private.redisReachable").isEqualTo(true);
			redis.kill();
			web.get().uri("/actuator/health").exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.zenooCache.status").isEqualTo("UP")
				.jsonPath("$.components.zenooCache.details.degraded").isEqualTo(true)
				.jsonPath("$.components.zenooCache.details.caches.private.redisReachable").isEqualTo(false)
				.jsonPath("$.components.zenooCache.details.caches.private.degraded").isEqualTo(true)
				.jsonPath("$.components.zenooCache.details.caches.private.error").exists()
				.jsonPath("$.components.zenooCache.details.caches.private.warning").value(
						(warning) -> assertThat((String) warning).contains("below the alert threshold"))
				.jsonPath("$.components.zenooCache.details.caches.shared.degraded").isEqualTo(false);
			// calls failing on the dead Redis open the breaker; the fallback serves meanwhile, still UP
			eventually(() -> {
				client.model(ResCountry.class).filter("code", "FR").cache("private").all().block();
				return lastContext().getBean(ZenooCacheManager.class).breakerState("private") == BreakerState.OPEN;
			});
			web.get().uri("/actuator/health").exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.zenooCache.status").isEqualTo("UP")
				.jsonPath("$.components.zenooCache.details.caches.private.breaker").isEqualTo("open")
				.jsonPath("$.components.zenooCache.details.caches.private.fallbackActive").isEqualTo(true)
				.jsonPath("$.components.zenooCache.details.caches.private.degraded").isEqualTo(true);
		}
	}

	@Test
	void downWhenDegradedMakesAnUnreachableRedisDown() {
		Map<String, Object> properties = baseProperties();
		properties.put("zenoo.cache.caches.private.type", "redis");
		properties.put("zenoo.cache.caches.private.url", "redis://127.0.0.1:1/0");
		properties.put("zenoo.cache.caches.private.namespace", this.namespace);
		properties.put("zenoo.cache.health.down-when-degraded", "true");
		WebTestClient web = start(properties);
		web.get().uri("/actuator/health").exchange()
			.expectStatus().isEqualTo(503)
			.expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components.odoo.status").isEqualTo("UP")
			.jsonPath("$.components.zenooCache.status").isEqualTo("DOWN")
			.jsonPath("$.components.zenooCache.details.caches.private.redisReachable").isEqualTo(false);
	}

	@Test
	void anUnreachableRedisIsReportedWithoutItsPassword(CapturedOutput output) {
		String redisPassword = "RedisPw-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> properties = baseProperties();
		properties.put("zenoo.cache.caches.private.type", "redis");
		properties.put("zenoo.cache.caches.private.url", "redis://cache:" + redisPassword + "@127.0.0.1:1/0");
		properties.put("zenoo.cache.caches.private.namespace", this.namespace);
		WebTestClient web = start(properties);
		ZenooClient client = lastContext().getBean(ZenooClient.class);
		// served by Odoo and the fallback while Redis fails: every failure is logged at debug level at most
		assertThat(client.model(ResCountry.class).filter("code", "BE").cache("private").all().block()).hasSize(1);
		String health = web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(health).contains("\"redisReachable\":false").contains("\"degraded\":true");
		String zenoo = web.get().uri("/actuator/zenoo").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(zenoo).contains("\"private\"");
		assertThat(health + zenoo).doesNotContain(redisPassword);
		assertThat(output.getAll()).doesNotContain(redisPassword);
	}

	@Test
	void cacheAndRpcMetricsAreVisibleAtTheMetricsEndpoint() {
		Map<String, Object> properties = baseProperties();
		properties.put("management.endpoints.web.exposure.include", "metrics");
		WebTestClient web = start(properties);
		ZenooClient client = lastContext().getBean(ZenooClient.class);
		client.model(ResCountry.class).filter("code", "BE").all().block(); // a miss: logs in, then one call
		client.model(ResCountry.class).filter("code", "BE").all().block(); // a hit
		client.model(ResCountry.class).filter("code", "FR").cache("shared").all().block(); // one Redis entry
		web.get().uri("/actuator/metrics/cache.gets?tag=cache:memory&tag=result:hit").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.measurements[0].value").isEqualTo(1.0);
		web.get().uri("/actuator/metrics/zenoo.rpc?tag=model:res.country&tag=outcome:success").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.measurements[0].statistic").isEqualTo("COUNT")
			.jsonPath("$.measurements[0].value").isEqualTo(2.0);
		web.get().uri("/actuator/metrics/zenoo.rpc?tag=model:common&tag=method:authenticate").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.measurements[0].value").isEqualTo(1.0);
		web.get().uri("/actuator/metrics/cache.size?tag=cache:memory").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.measurements[0].value").isEqualTo(1.0);
		// a Redis cache's size is counted in the background: the first scrapes start the count
		eventually(() -> String.valueOf(web.get()
			.uri("/actuator/metrics/cache.size?tag=cache:shared&tag=tier:redis")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody()).contains("\"value\":1.0"));
	}

	@Test
	void unreachableOdooIsDownWithTheReason() {
		Map<String, Object> properties = baseProperties();
		properties.put("zenoo.odoo.url", "http://127.0.0.1:1");
		WebTestClient web = start(properties);
		web.get().uri("/actuator/health").exchange()
			.expectStatus().isEqualTo(503)
			.expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components.odoo.status").isEqualTo("DOWN")
			.jsonPath("$.components.odoo.details.error").value((error) -> assertThat((String) error)
				.contains("Exception").doesNotContain(OdooTestUsers.ADMIN_PASSWORD + "@"))
			.jsonPath("$.components.zenooCache.status").isEqualTo("UP");
	}

	@Test
	void zenooEndpointReportsDetailedStatsAndClearsByModelOrWhole() {
		WebTestClient web = start(baseProperties());
		ZenooClient client = lastContext().getBean(ZenooClient.class);
		client.model(ResPartner.class).filter("is_company", true).all().block();
		client.model(ResPartner.class).filter("is_company", true).all().block();
		client.model(ResCountry.class).filter("code", "BE").all().block();
		web.get().uri("/actuator/zenoo").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.hits").isEqualTo(1)
			.jsonPath("$.misses").isEqualTo(2)
			.jsonPath("$.caches.memory.size").isEqualTo(2)
			.jsonPath("$.caches.memory.hitRate").isEqualTo(1.0 / 3)
			.jsonPath("$.caches.shared.type").isEqualTo("redis")
			.jsonPath("$.caches.shared.size").isEqualTo(0);
		web.delete().uri("/actuator/zenoo/memory?model=res.partner").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.cache").isEqualTo("memory")
			.jsonPath("$.model").isEqualTo("res.partner")
			.jsonPath("$.removed").isEqualTo(1);
		ZenooCacheManager caches = lastContext().getBean(ZenooCacheManager.class);
		assertThat(caches.getDetailedStats().block().caches().get("memory").size()).isEqualTo(1);
		web.delete().uri("/actuator/zenoo/memory?pattern=res.country:*").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.removed").isEqualTo(1);
		client.model(ResCountry.class).filter("code", "BE").all().block();
		web.delete().uri("/actuator/zenoo/memory").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.cleared").isEqualTo(true);
		assertThat(caches.getDetailedStats().block().caches().get("memory").size()).isZero();
		web.delete().uri("/actuator/zenoo/nope").exchange().expectStatus().isNotFound();
	}

	@Test
	void bootsCachesEndpointListsAndClearsZenooCaches() {
		WebTestClient web = start(baseProperties());
		ZenooClient client = lastContext().getBean(ZenooClient.class);
		client.model(ResCountry.class).filter("code", "BE").all().block();
		web.get().uri("/actuator/caches").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.cacheManagers.zenooCacheManager.caches.memory").exists()
			.jsonPath("$.cacheManagers.zenooCacheManager.caches.shared").exists();
		web.delete().uri("/actuator/caches/memory?cacheManager=zenooCacheManager").exchange()
			.expectStatus().is2xxSuccessful();
		ZenooCacheManager caches = lastContext().getBean(ZenooCacheManager.class);
		assertThat(caches.getDetailedStats().block().caches().get("memory").size()).isZero();
	}

	@Test
	void secretsAppearInNoEndpointNorLog(CapturedOutput output) {
		String apiKey = odoo.createApiKey(OdooTestUsers.ADMIN_LOGIN);
		String redisPassword = "RedisPw-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> properties = baseProperties();
		properties.remove("zenoo.odoo.password");
		properties.put("zenoo.odoo.api-key", apiKey);
		properties.put("zenoo.cache.caches.guarded.type", "redis");
		properties.put("zenoo.cache.caches.guarded.url",
				"redis://default:" + redisPassword + "@" + SharedRedis.host() + ":" + SharedRedis.port() + "/0");
		properties.put("zenoo.cache.caches.guarded.namespace", this.namespace);
		WebTestClient web = start(properties);
		lastContext().getBean(ZenooClient.class).model(ResCountry.class).filter("code", "BE").cache("guarded").all()
			.block();
		List<String> bodies = new ArrayList<>();
		for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/health", "/actuator/zenoo",
				"/actuator/caches", "/actuator/env/zenoo.odoo.api-key",
				"/actuator/env/zenoo.cache.caches.guarded.url")) {
			String body = web.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).as(path).isNotNull();
			bodies.add(body);
		}
		String all = String.join("\n", bodies);
		assertThat(all).contains("zenoo.odoo.api-key").contains("zenoo.cache.caches.guarded.url");
		assertThat(all).contains("redis://******@" + SharedRedis.host());
		assertThat(all).doesNotContain(apiKey).doesNotContain(redisPassword);
		assertThat(output.getAll()).doesNotContain(apiKey).doesNotContain(redisPassword);
	}

	@Test
	void aWrongPasswordIsDownWithoutShowingIt(CapturedOutput output) {
		String password = "OdooPw-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> properties = baseProperties();
		properties.put("zenoo.odoo.password", password);
		WebTestClient web = start(properties);
		String body = web.get().uri("/actuator/health").exchange()
			.expectStatus().isEqualTo(503)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"odoo\"").contains("Authentication").doesNotContain(password);
		String configprops = web.get().uri("/actuator/configprops").exchange().expectBody(String.class)
			.returnResult().getResponseBody();
		assertThat(configprops).contains("zenoo.odoo").doesNotContain(password);
		assertThat(output.getAll()).doesNotContain(password);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
