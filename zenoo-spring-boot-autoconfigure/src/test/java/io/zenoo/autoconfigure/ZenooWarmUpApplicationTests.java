package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.cache.warmup.CacheWarmer;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.CacheWarmupException;
import io.zenoo.cache.warmup.WarmUpReport;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warm-up in running applications: in the background once the application is ready (a failing query neither
 * stops startup nor the other queries), fail-fast stopping startup with the failure analyzer's report, and
 * {@code POST /actuator/zenoo} running it again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZenooWarmUpApplicationTests {

	private static OdooTestServer odoo;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void startOdoo() {
		odoo = OdooTestServer.start();
	}

	@AfterAll
	static void stopOdoo() {
		odoo.close();
	}

	@BeforeEach
	void resetOdoo() {
		odoo.reset();
	}

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.data.redis.url", SharedRedis.url());
		properties.put("management.endpoints.web.exposure.include", "zenoo");
		properties.put("zenoo.odoo.url", odoo.url());
		properties.put("zenoo.odoo.database", odoo.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.odoo.password", OdooTestUsers.ADMIN_PASSWORD);
		properties.put("zenoo.cache.warm-up[0].model", "res.partner");
		properties.put("zenoo.cache.warm-up[0].filter", "[('is_company','=',True)]");
		properties.put("zenoo.cache.warm-up[0].fields", "name");
		properties.put("zenoo.cache.warm-up[1].model", "x.nope");
		properties.put("zenoo.cache.warm-up[2].name", "companies");
		properties.put("zenoo.cache.warm-up[2].type", ResPartner.class.getName());
		properties.put("zenoo.cache.warm-up[2].filter", "[('is_company','=',True)]");
		properties.put("zenoo.cache.warm-up[2].ttl", "1h");
		return properties;
	}

	private ConfigurableApplicationContext start(WebApplicationType type, Map<String, Object> properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).web(type)
			.properties(properties)
			.run();
		this.contexts.add(context);
		return context;
	}

	private static int searchReads(String model) {
		return odoo.calls().count(model, "search_read");
	}

	@Test
	void backgroundWarmUpFillsTheCachesAndIsolatesFailures(CapturedOutput output) {
		ConfigurableApplicationContext context = start(WebApplicationType.NONE, properties());
		CacheWarmup warmup = context.getBean(CacheWarmup.class);
		WarmUpReport report = eventually(warmup::lastReport);
		assertThat(report.tasks()).isEqualTo(4);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.results().get(1).name()).isEqualTo("warm-up[1] x.nope");
		assertThat(report.results().get(1).error()).startsWith("OdooUnknownModelException");
		assertThat(report.results().get(3).name()).isEqualTo("countriesWarmer");
		assertThat(report.results().get(3).succeeded()).isTrue();
		ZenooClient client = context.getBean(ZenooClient.class);
		client.model("res.partner").filter("is_company", true).fields("name").all().block();
		client.model(ResPartner.class).filter(Domain.field("is_company").eq(true)).all().block();
		client.model(ResCountry.class).all().block();
		assertThat(searchReads("res.partner")).as("both partner queries warmed").isEqualTo(2);
		assertThat(searchReads("res.country")).isEqualTo(1);
		assertThat(output.getOut()).contains("Cache warm-up: 4 tasks, 4 at a time, in the background")
			.contains("Cache warm-up 'warm-up[1] x.nope' failed after")
			.doesNotContain(OdooTestUsers.ADMIN_PASSWORD + "@");
	}

	@Test
	void failFastStopsStartupWithTheAnalyzersReport(CapturedOutput output) {
		Map<String, Object> properties = properties();
		properties.put("zenoo.cache.warm-up-fail-fast", "true");
		assertThatThrownBy(() -> start(WebApplicationType.NONE, properties))
			.isInstanceOf(CacheWarmupException.class);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("Cache warm-up failed: 1 of 4 tasks failed: 'warm-up[1] x.nope'")
			.contains("set zenoo.cache.warm-up-fail-fast=false");
	}

	@Test
	void postingToTheZenooEndpointRunsTheWarmUpAgain() {
		ConfigurableApplicationContext context = start(WebApplicationType.REACTIVE, properties());
		CacheWarmup warmup = context.getBean(CacheWarmup.class);
		eventually(warmup::lastReport); // the warm-up after startup, so that it does not race the one posted
		context.getBean(ZenooCacheManager.class).clearAllCaches().block();
		odoo.calls().clear();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebTestClient web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		web.post().uri("/actuator/zenoo").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.tasks").isEqualTo(4)
			.jsonPath("$.succeeded").isEqualTo(3)
			.jsonPath("$.failed").isEqualTo(1)
			.jsonPath("$.results[0].name").isEqualTo("warm-up[0] res.partner")
			.jsonPath("$.results[0].rows").value((rows) -> assertThat((Integer) rows).isPositive())
			.jsonPath("$.results[0].error").doesNotExist()
			.jsonPath("$.results[1].error").value((error) -> assertThat((String) error).contains("x.nope"))
			.jsonPath("$.results[2].name").isEqualTo("companies")
			.jsonPath("$.duration").exists();
		assertThat(searchReads("res.partner")).isEqualTo(2);
		ZenooClient client = context.getBean(ZenooClient.class);
		client.model("res.partner").filter("is_company", true).fields("name").all().block();
		client.model(ResCountry.class).all().block();
		assertThat(searchReads("res.partner")).isEqualTo(2);
		assertThat(searchReads("res.country")).isEqualTo(1);
		String raw = web.post().uri("/actuator/zenoo").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(raw).doesNotContain(OdooTestUsers.ADMIN_PASSWORD + "@").doesNotContain("password");
	}

	/** Polls (every 20 ms, at most 10 s) until the supplier has a value. */
	private static <T> T eventually(Supplier<T> value) {
		T found = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
			.onBackpressureDrop()
			.publishOn(Schedulers.boundedElastic(), 1)
			.flatMap((tick) -> Mono.justOrEmpty(value.get()), 1)
			.next()
			.block(Duration.ofSeconds(10));
		assertThat(found).as("a value within 10 s").isNotNull();
		return found;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		CacheWarmer countriesWarmer() {
			return (client) -> client.model(ResCountry.class).all();
		}

	}

}
