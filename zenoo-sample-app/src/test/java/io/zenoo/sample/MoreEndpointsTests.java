package io.zenoo.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.WarmUpReport;
import io.zenoo.client.ZenooClient;
import io.zenoo.test.OdooTestServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its defaults: reference data (warmed at startup), recent orders (never cached),
 * cache-aside and the statistics endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MoreEndpointsTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private OdooTestServer embeddedOdoo;

	@Autowired
	private ZenooClient client;

	@Autowired
	private CacheWarmup warmup;

	@Test
	void referenceDataIsWarmedAtStartupSoNoRequestCallsOdoo() {
		WarmUpReport report = awaitWarmUp();
		assertThat(report.succeeded()).isEqualTo(2);
		assertThat(report.results()).extracting((result) -> result.name())
			.containsExactly("countries", "currencies");
		int countries = this.embeddedOdoo.calls().count("res.country", "search_read");
		int currencies = this.embeddedOdoo.calls().count("res.currency", "search_read");
		this.web.get()
			.uri("/reference/countries")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'BE')].name")
			.isEqualTo(List.of("Belgium"));
		this.web.get()
			.uri("/reference/currencies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.value((names) -> assertThat(names).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains("USD"))
			.jsonPath("$[*].active")
			.value((flags) -> assertThat(flags).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsOnly(true));
		assertThat(this.embeddedOdoo.calls().count("res.country", "search_read")).isEqualTo(countries);
		assertThat(this.embeddedOdoo.calls().count("res.currency", "search_read")).isEqualTo(currencies);
	}

	@Test
	void pingAnswersItsConstantWithoutCallingOdoo() {
		int calls = this.embeddedOdoo.calls().total();
		this.web.get().uri("/ping").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("pong");
		assertThat(this.embeddedOdoo.calls().total()).isEqualTo(calls);
	}

	@Test
	void theConstantCompaniesAnswerLikeTheCachedEndpointAndReadOdooOnce() {
		String cached = this.web.get().uri("/partners/companies").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		String constant = this.web.get().uri("/ping/companies").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(constant).isEqualTo(cached).contains("\"isCompany\":true");
		int calls = this.embeddedOdoo.calls().total();
		for (int i = 0; i < 3; i++) {
			this.web.get().uri("/ping/companies").exchange().expectStatus().isOk().expectBody(String.class)
				.isEqualTo(constant);
		}
		assertThat(this.embeddedOdoo.calls().total()).isEqualTo(calls);
	}

	@Test
	void actuatorMetricsShowTheCacheMetersAndTheRpcTimer() {
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		this.web.get()
			.uri("/actuator/metrics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.names")
			.value((names) -> assertThat(names).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains("cache.gets", "cache.puts", "cache.size", "zenoo.rpc"));
		this.web.get()
			.uri("/actuator/metrics/cache.gets?tag=result:hit")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.value((hits) -> assertThat(((Number) hits).doubleValue()).isGreaterThanOrEqualTo(1))
			.jsonPath("$.availableTags[?(@.tag == 'cache')].values[*]")
			.value((caches) -> assertThat(caches).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.isNotEmpty());
		this.web.get()
			.uri("/actuator/metrics/zenoo.rpc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((counts) -> assertThat(counts).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.first()
				.satisfies((count) -> assertThat(((Number) count).doubleValue()).isPositive()));
	}

	@Test
	void countriesAreSortedByName() {
		this.web.get()
			.uri("/reference/countries")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.value((names) -> assertThat(names).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.hasSizeGreaterThan(200)
				.startsWith("Afghanistan", "Albania", "Algeria"));
	}

	@Test
	void recentOrdersAlwaysCallOdoo() {
		int before = this.embeddedOdoo.calls().count("sale.order", "search_read");
		for (int i = 0; i < 2; i++) {
			this.web.get()
				.uri("/orders/recent?limit=3")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.length()")
				.isEqualTo(3)
				.jsonPath("$[0].name")
				.isNotEmpty();
		}
		assertThat(this.embeddedOdoo.calls().count("sale.order", "search_read") - before).isEqualTo(2);
		OdooTestServer.RecordedCall last = this.embeddedOdoo.calls()
			.all()
			.stream()
			.filter((call) -> call.model().equals("sale.order"))
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(last.kwargs()).containsEntry("limit", 3L).containsEntry("order", "date_order desc, id desc");
	}

	@Test
	void recentOrdersRefuseALimitOutOfRange() {
		this.web.get().uri("/orders/recent?limit=0").exchange().expectStatus().isBadRequest();
		this.web.get().uri("/orders/recent?limit=101").exchange().expectStatus().isBadRequest();
	}

	@Test
	void cacheAsideStoresTheCardAndServesItWithoutOdoo() {
		long id = this.client.model("res.partner")
			.create(Map.of("name", "Aside Contact", "email", "aside@example.com", "city", "Liège"))
			.block(Duration.ofSeconds(10));
		int before = this.embeddedOdoo.calls().count("res.partner", "read");
		for (int i = 0; i < 2; i++) {
			this.web.get()
				.uri("/aside/partners/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(id)
				.jsonPath("$.name")
				.isEqualTo("Aside Contact")
				.jsonPath("$.email")
				.isEqualTo("aside@example.com")
				.jsonPath("$.city")
				.isEqualTo("Liège");
		}
		assertThat(this.embeddedOdoo.calls().count("res.partner", "read") - before).isEqualTo(1);
		// the application's own keys carry no model generation: a write does not touch them (hence their short TTL)
		this.client.model("res.partner").update(id, Map.of("name", "Renamed")).block(Duration.ofSeconds(10));
		this.web.get()
			.uri("/aside/partners/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Aside Contact");
	}

	@Test
	void cacheAsideOfAMissingPartnerIsNotFound() {
		this.web.get().uri("/aside/partners/{id}", 99999).exchange().expectStatus().isNotFound();
	}

	@Test
	void statsShowEveryCacheAndTheDetailedView() {
		this.web.get().uri("/partners/companies?country=US").exchange().expectStatus().isOk();
		this.web.get().uri("/partners/companies?country=US").exchange().expectStatus().isOk();
		this.web.get()
			.uri("/cache/stats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.summary.caches.fast.type")
			.isEqualTo("memory")
			.jsonPath("$.summary.caches.reference.type")
			.isEqualTo("memory")
			.jsonPath("$.summary.caches.fast.hits")
			.value((hits) -> assertThat(((Number) hits).longValue()).isPositive())
			.jsonPath("$.summary.hits")
			.value((hits) -> assertThat(((Number) hits).longValue()).isPositive())
			.jsonPath("$.detailed.detailedEnabled")
			.isEqualTo(true);
	}

	private WarmUpReport awaitWarmUp() {
		Awaitility.await("the startup warm-up")
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.warmup.lastReport() != null);
		return this.warmup.lastReport();
	}

}
