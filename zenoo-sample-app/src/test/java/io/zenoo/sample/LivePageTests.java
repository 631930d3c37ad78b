package io.zenoo.sample;

import java.time.Duration;
import java.util.Map;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The live cache page in a real headless Chromium against the sample on its defaults (embedded Odoo, memory caches):
 * what it shows is what the actuator says, and its buttons clear a cache and re-run the warm-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(SystemBrowserCondition.class)
class LivePageTests {

	private static SystemBrowser browser;

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

	@BeforeEach
	void startupWarmUpDone() {
		LivePage.await("the startup warm-up").until(() -> this.warmup.lastReport() != null);
	}

	@AfterEach
	void referenceDataWarmAgain() {
		// the context is shared with the other test classes, which count on warmed reference data
		this.warmup.run().block(Duration.ofSeconds(30));
	}

	@Test
	void rootSendsTheBrowserToTheLivePage() {
		this.web.get().uri("/").exchange().expectStatus().isTemporaryRedirect().expectHeader().location("live.html");
		browser.driver().get("http://127.0.0.1:" + this.port + "/");
		assertThat(browser.driver().getCurrentUrl()).isEqualTo("http://127.0.0.1:" + this.port + "/live.html");
		assertThat(browser.driver().getTitle()).isEqualTo("Zenoo live caches");
	}

	@Test
	void everyCacheIsListedWithTheActuatorsFiguresAndAChartThatGrows() {
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/7").exchange().expectStatus().isOk();
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		Map<String, Object> stats = actuatorStats();
		Map<String, Map<String, Object>> byCache = caches(stats);
		assertThat(byCache.keySet()).containsExactlyInAnyOrder("fast", "reference");

		LivePage page = LivePage.open(browser.driver(), this.port, 0.5);
		assertThat(page.cacheNames()).containsExactlyInAnyOrderElementsOf(this.caches.getCacheNames());
		for (Map.Entry<String, Map<String, Object>> cache : byCache.entrySet()) {
			Map<String, Object> figures = cache.getValue();
			String name = cache.getKey();
			LivePage.await(name + "'s figures")
				.untilAsserted(() -> {
					assertThat(page.cacheFigure(name, "hit-rate"))
						.isEqualTo(LivePage.percent(((Number) figures.get("hitRate")).doubleValue()));
					assertThat(page.cacheFigure(name, "counts"))
						.isEqualTo(figures.get("hits") + " / " + figures.get("misses"));
					assertThat(page.cacheFigure(name, "size")).isEqualTo(String.valueOf(figures.get("size")));
				});
			assertThat(page.cacheFigure(name, "memory")).matches("\\d+\\.\\d+ MB");
			assertThat(page.redisLine(name)).as("a memory cache has no Redis line").isEmpty();
		}
		assertThat(byCache.get("fast").get("hitRate")).as("the traffic made hits").isNotEqualTo(0.0);
		assertThat(page.text("total-hit-rate")).isEqualTo(LivePage.percent(((Number) stats.get("hitRate")).doubleValue()));
		assertThat(page.text("health-status")).isEqualTo("UP");
		assertThat(page.text("rpc-latency")).matches("\\d+\\.\\d+ ms mean");
		assertThat(page.text("rpc-detail")).matches("[1-9]\\d* calls? · .*");

		LivePage.await("three refreshes drawn").until(() -> page.chartPoints("fast") >= 3);
		double before = page.chartHeights("fast").get(0);
		for (int i = 0; i < 4; i++) {
			this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		}
		double rate = ((Number) caches(actuatorStats()).get("fast").get("hitRate")).doubleValue();
		assertThat(rate).as("four more hits").isGreaterThan(((Number) byCache.get("fast").get("hitRate")).doubleValue());
		LivePage.await("the new hit rate shown").until(() -> page.cacheFigure("fast", "hit-rate").equals(LivePage.percent(rate)));
		LivePage.await("the new hit rate drawn")
			.untilAsserted(() -> assertThat(LivePage.last(page.chartHeights("fast"))).isCloseTo(60 - 4 - rate * 52, within(0.1)));
		assertThat(LivePage.last(page.chartHeights("fast"))).as("a higher rate is drawn higher").isLessThan(before);
		assertThat(page.text("error")).isEmpty();
		assertThat(browser.screenshot("live-page")).isNotEmptyFile();
	}

	@Test
	void clearButtonEmptiesTheCacheSoTheNextRequestIsAMiss() {
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		assertThat(size("reference")).isEqualTo(2);
		LivePage page = LivePage.open(browser.driver(), this.port, 2);
		LivePage.await("size 2 shown").until(() -> page.cacheFigure("reference", "size").equals("2"));

		page.clear("reference");

		LivePage.await("the clear outcome")
			.until(() -> page.cacheOutcome("reference").endsWith("cache reference cleared"));
		assertThat(page.text("outcome")).endsWith("cache reference cleared");
		assertThat(size("reference")).isZero();
		LivePage.await("size 0 shown").until(() -> page.cacheFigure("reference", "size").equals("0"));
		int countries = this.embeddedOdoo.calls().count("res.country", "search_read");
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		assertThat(this.embeddedOdoo.calls().count("res.country", "search_read")).isEqualTo(countries + 1);

		// the default cache also holds the server version, which the page's health polls write again at once, so
		// its size says little: the next company list is a miss
		page.clear("fast");

		LivePage.await("the clear outcome").until(() -> page.cacheOutcome("fast").endsWith("cache fast cleared"));
		int searches = this.embeddedOdoo.calls().count("res.partner", "search_read");
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		assertThat(this.embeddedOdoo.calls().count("res.partner", "search_read")).isEqualTo(searches + 1);
	}

	@Test
	void warmUpButtonRunsTheWarmUpAgain() {
		this.web.delete().uri("/actuator/zenoo/reference").exchange().expectStatus().isOk();
		assertThat(size("reference")).isZero();
		int countries = this.embeddedOdoo.calls().count("res.country", "search_read");
		int currencies = this.embeddedOdoo.calls().count("res.currency", "search_read");
		LivePage page = LivePage.open(browser.driver(), this.port, 2);

		page.warmUp();

		LivePage.await("the warm-up outcome").until(() -> page.text("outcome").contains("warm-up done"));
		assertThat(page.text("outcome"))
			.contains("warm-up done: 2 of 2 tasks succeeded, 0 failed (countries 250 rows, currencies 1 rows)");
		assertThat(this.embeddedOdoo.calls().count("res.country", "search_read")).isEqualTo(countries + 1);
		assertThat(this.embeddedOdoo.calls().count("res.currency", "search_read")).isEqualTo(currencies + 1);
		assertThat(size("reference")).isEqualTo(2);
		LivePage.await("size 2 shown").until(() -> page.cacheFigure("reference", "size").equals("2"));
	}

	@Test
	void anUnreachableActuatorShowsAnErrorAndThePageKeepsPolling() {
		LivePage page = LivePage.open(browser.driver(), this.port, 0.5);
		assertThat(page.shown("error")).isFalse();
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		browser.driver().setNetworkConditions(offline);
		try {
			LivePage.await("the error banner").until(() -> page.shown("error"));
			assertThat(page.text("error")).startsWith("Actuator unreachable or failing: GET actuator/zenoo failed")
				.endsWith("Still trying every 0.5 s.");
			assertThat(page.text("last-update")).startsWith("last attempt");
			assertThat(page.cacheNames()).as("the last figures stay").contains("fast", "reference");
		}
		finally {
			browser.driver().deleteNetworkConditions();
		}
		LivePage.await("the banner gone once the actuator answers again").until(() -> !page.shown("error"));
		assertThat(page.text("last-update")).startsWith("updated");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSystemBrowserRunsWithoutSeleniumManagerAndWithItsOwnProfile() {
		assertThat(browser.seleniumManagerLog()).as("Selenium Manager's log while the browser started").isEmpty();
		Map<String, Object> chrome = (Map<String, Object>) browser.driver().getCapabilities().getCapability("chrome");
		assertThat((String) chrome.get("userDataDir")).contains("zenoo-chromium-");
		assertThat(browser.driver().getCapabilities().getBrowserName()).isEqualTo("chrome");
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
