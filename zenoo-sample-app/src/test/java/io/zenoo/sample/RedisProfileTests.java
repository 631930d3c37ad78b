package io.zenoo.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zenoo.cache.CacheType;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.client.ZenooClient;
import io.zenoo.test.OdooTestServer;
import org.awaitility.Awaitility;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code redis} profile against a real Redis: Spring Boot's connection ({@code spring.data.redis.url}), a tiered
 * default cache over a Redis L2, and reference data warmed into Redis.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("redis")
class RedisProfileTests {

	private static final String NAMESPACE = SharedRedis.randomNamespace();

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", SharedRedis::url);
		registry.add("zenoo.cache.caches.shared.namespace", () -> NAMESPACE);
		registry.add("zenoo.cache.caches.reference.namespace", () -> NAMESPACE);
	}

	@Autowired
	private WebTestClient web;

	@Autowired
	private OdooTestServer embeddedOdoo;

	@Autowired
	private ZenooClient client;

	@Autowired
	private ZenooCacheManager caches;

	@Autowired
	private CacheWarmup warmup;

	@AfterEach
	void dropThisTestsKeys() {
		this.caches.clearAllCaches().block(Duration.ofSeconds(10));
	}

	@Test
	void cachesAreTheProfilesTieredAndRedisCaches() {
		assertThat(this.caches.getCacheNames()).containsExactlyInAnyOrder("local", "shared", "fast", "reference");
		assertThat(this.caches.getCache("local").type()).isEqualTo(CacheType.MEMORY);
		assertThat(this.caches.getCache("shared").type()).isEqualTo(CacheType.REDIS);
		assertThat(this.caches.getCache("fast").type()).isEqualTo(CacheType.TIERED);
		assertThat(this.caches.getCache("reference").type()).isEqualTo(CacheType.REDIS);
		assertThat(this.caches.getDefaultCache().getName()).isEqualTo("fast");
	}

	@Test
	void companiesAreCachedInRedisAndTheSecondRequestCallsNoOdoo() {
		this.web.get().uri("/partners/companies?country=US").exchange().expectStatus().isOk();
		int calls = this.embeddedOdoo.calls().total();
		this.web.get()
			.uri("/partners/companies?country=US")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("Azure Interior");
		assertThat(this.embeddedOdoo.calls().total()).isEqualTo(calls);
		assertThat(keys(NAMESPACE + ":shared:res.partner:*")).isNotEmpty();
	}

	@Test
	void updateThroughTheTieredCacheIsVisibleAtOnce() {
		long id = this.client.model("res.partner").create(Map.of("name", "Redis Before")).block(Duration.ofSeconds(10));
		this.web.get().uri("/partners/{id}", id).exchange().expectBody().jsonPath("$.name").isEqualTo("Redis Before");
		this.web.put()
			.uri("/partners/{id}", id)
			.bodyValue(Map.of("name", "Redis After"))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get().uri("/partners/{id}", id).exchange().expectBody().jsonPath("$.name").isEqualTo("Redis After");
	}

	@Test
	void referenceDataIsWarmedIntoRedis() {
		Awaitility.await("the startup warm-up")
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.warmup.lastReport() != null);
		assertThat(this.warmup.lastReport().succeeded()).isEqualTo(2);
		// the keys may have been dropped by an earlier test's clean-up: warm again, then read without Odoo
		this.warmup.run().block(Duration.ofSeconds(20));
		assertThat(keys(NAMESPACE + ":reference:res.country:*")).isNotEmpty();
		int calls = this.embeddedOdoo.calls().count("res.country", "search_read");
		this.web.get().uri("/reference/countries").exchange().expectStatus().isOk();
		assertThat(this.embeddedOdoo.calls().count("res.country", "search_read")).isEqualTo(calls);
	}

	@Test
	void healthShowsRedisUp() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.redis.status")
			.isEqualTo("UP");
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
