package io.zenoo.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live cache page in headless Chromium with the {@code redis} profile against a real Redis (random namespace):
 * the tiered cache's tiers, the Redis and breaker state, and clearing a Redis-backed cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("redis")
@ExtendWith(SystemBrowserCondition.class)
class LivePageRedisTests {

	private static final String NAMESPACE = SharedRedis.randomNamespace();

	private static SystemBrowser browser;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", SharedRedis::url);
		registry.add("zenoo.cache.caches.shared.namespace", () -> NAMESPACE);
		registry.add("zenoo.cache.caches.reference.namespace", () -> NAMESPACE);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient web;

	@Autowired
	private OdooTestServer embeddedOdoo;

	@Autowired
	private ZenooCacheManager caches;

	@Autowired
	private CacheWarmup warmup;

	@BeforeAll
	static void startBrowser() {
		browser = SystemBrowser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@AfterEach
	void dropThisTestsKeys() {
		this.caches.clearAllCaches().block(Duration.ofSeconds(10));
	}

	@Test
	@SuppressWarnings("unchecked")
	void pageShowsTiersRedisStateAndClearsARedisCache() {
		LivePage.await("the startup warm-up").until(() -> this.warmup.lastReport() != null);
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		Map<String, Map<String, Object>> byCache = caches(actuatorStats());
		assertThat(byCache.keySet()).containsExactlyInAnyOrder("local", "shared", "fast", "reference");

		LivePage page = LivePage.open(browser.driver(), this.port, 0.5);
		assertThat(page.cacheNames()).containsExactlyInAnyOrder("local", "shared", "fast", "reference");
		for (Map.Entry<String, Map<String, Object>> cache : byCache.entrySet()) {
			String name = cache.getKey();
			Map<String, Object> figures = cache.getValue();
			LivePage.await(name + "'s hit rate")
				.untilAsserted(() -> assertThat(page.cacheFigure(name, "hit-rate"))
					.isEqualTo(LivePage.percent(((Number) figures.get("hitRate")).doubleValue())));
		}
		assertThat(page.cacheType("fast"))
			.isEqualTo("tiered");
		assertThat(page.tierFigure("fast", "l1", "tier-cache")).isEqualTo("local (memory)");
		assertThat(page.tierFigure("fast", "l2", "tier-cache")).isEqualTo("shared (redis)");
		Map<String, Object> tiers = (Map<String, Object>) byCache.get("fast").get("tiers");
		for (String tier : new String[] { "l1", "l2" }) {
			double rate = ((Number) ((Map<String, Object>) tiers.get(tier)).get("hitRate")).doubleValue();
			LivePage.await(tier + "'s hit rate")
				.untilAsserted(() -> assertThat(page.tierFigure("fast", tier, "hit-rate")).isEqualTo(LivePage.percent(rate)));
		}
		for (String redisBacked : new String[] { "shared", "fast", "reference" }) {
			LivePage.await(redisBacked + "'s Redis line")
				.untilAsserted(() -> assertThat(page.redisLine(redisBacked))
					.isEqualTo("Redis reachable · breaker closed · fallback off"));
		}
		assertThat(page.redisLine("local")).isEmpty();
		assertThat(page.text("health-detail")).contains("redis UP");
		// traffic between refreshes, so that the charts move
		for (int round = 0; round < 6; round++) {
			int points = page.chartPoints("fast");
			this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
			this.web.get().uri((round % 2 == 0) ? "/partners/7" : "/reference/currencies").exchange().expectStatus().isOk();
			LivePage.await("a refresh").until(() -> page.chartPoints("fast") > points);
		}
		assertThat(page.tierChartPoints("fast", "l1")).isGreaterThanOrEqualTo(6);
		assertThat(page.tierChartPoints("fast", "l2")).isGreaterThanOrEqualTo(6);
		List<Double> heights = page.chartHeights("fast");
		assertThat(LivePage.last(heights)).as("the hit rate went up, so its line").isLessThan(heights.get(0));
		assertThat(browser.screenshot("live-page-redis")).isNotEmptyFile();

		assertThat(size("reference")).isPositive();
		page.clear("reference");
		LivePage.await("the clear outcome")
			.until(() -> page.cacheOutcome("reference").endsWith("cache reference cleared"));
		assertThat(size("reference")).isZero();
		int countries = this.embeddedOdoo.calls().count("res.country", "search_read");
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		assertThat(this.embeddedOdoo.calls().count("res.country", "search_read")).isEqualTo(countries + 1);
	}

	private long size(String cache) {
		return ((Number) caches(actuatorStats()).get(cache).get("size")).longValue();
	}

	private Map<String, Object> actuatorStats() {
		return this.web.get()
			.uri("/actuator/zenoo")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> caches(Map<String, Object> stats) {
		return (Map<String, Map<String, Object>>) stats.get("caches");
	}

}
