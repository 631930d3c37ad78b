package io.zenoo.sample;

import java.time.Duration;
import java.util.Map;

import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live cache page when Redis goes away: the {@code redis} profile on a private {@code redis-server} that the test
 * kills; the page then shows the Redis-backed caches unreachable and degraded, with the breaker and fallback state the
 * health endpoint reports, while the application keeps answering.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("redis")
@ExtendWith(SystemBrowserCondition.class)
@DirtiesContext
class LivePageRedisOutageTests {

	/** Started on first use: a class skipped for want of a browser starts no redis-server. */
	private static RedisServerProcess redis;

	private static final String NAMESPACE = SharedRedis.randomNamespace();

	private static SystemBrowser browser;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> privateRedis().url());
		registry.add("zenoo.cache.caches.shared.namespace", () -> NAMESPACE);
		registry.add("zenoo.cache.caches.reference.namespace", () -> NAMESPACE);
	}

	private static synchronized RedisServerProcess privateRedis() {
		if (redis == null) {
			redis = RedisServerProcess.start();
		}
		return redis;
	}

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient web;

	@Autowired
	private CacheWarmup warmup;

	@BeforeAll
	static void startBrowser() {
		browser = SystemBrowser.start();
	}

	@AfterAll
	static void stopBrowserAndRedis() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (redis != null) {
				redis.close();
			}
		}
	}

	@Test
	void aKilledRedisShowsTheCachesUnreachableAndDegraded() {
		LivePage.await("the startup warm-up").until(() -> this.warmup.lastReport() != null);
		WebTestClient web = this.web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		LivePage page = LivePage.open(browser.driver(), this.port, 0.5);
		LivePage.await("Redis reachable")
			.untilAsserted(() -> assertThat(page.redisLine("shared"))
				.isEqualTo("Redis reachable · breaker closed · fallback off"));
		assertThat(page.redisDegraded("shared")).isFalse();

		privateRedis().kill();
		for (int i = 0; i < 8; i++) {
			// the caches never fail their callers: Odoo answers while Redis is gone
			web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		}

		for (String cache : new String[] { "shared", "fast", "reference" }) {
			LivePage.await(cache + " shown unreachable")
				.untilAsserted(() -> assertThat(page.redisLine(cache)).startsWith("Redis unreachable · breaker "));
			assertThat(page.redisDegraded(cache)).as(cache + " marked degraded").isTrue();
		}
		assertThat(page.redisLine("local")).isEmpty();
		LivePage.await("the page shows what the health endpoint says").untilAsserted(() -> {
			Map<String, Object> shared = sharedHealth(web);
			String expected = "Redis unreachable · breaker " + shared.get("breaker") + " · "
					+ (Boolean.TRUE.equals(shared.get("fallbackActive")) ? "fallback serving" : "fallback off") + " · "
					+ shared.get("error");
			assertThat(page.redisLine("shared")).isEqualTo(expected);
		});
		assertThat(page.text("health-detail")).contains("redis DOWN");
		assertThat(page.shown("error")).as("the actuator still answers").isFalse();
		assertThat(browser.screenshot("live-page-redis-down")).isNotEmptyFile();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> sharedHealth(WebTestClient web) {
		Map<String, Object> health = web.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<String, Object> components = (Map<String, Object>) health.get("components");
		Map<String, Object> zenooCache = (Map<String, Object>) ((Map<String, Object>) components.get("zenooCache"))
			.get("details");
		return (Map<String, Object>) ((Map<String, Object>) zenooCache.get("caches")).get("shared");
	}

}
