package io.zenoo.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.zenoo.cache.warmup.CacheWarmer;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.CacheWarmupException;
import io.zenoo.cache.warmup.WarmUpTask;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up auto-configuration in a plain application context (no "application ready" event, so only a fail-fast
 * warm-up runs): fail-fast warms during startup or stops it, CacheWarmer beans join the configured queries, and every
 * bad setting stops startup naming its property.
 */
class ZenooWarmUpAutoConfigurationTests {

	private static OdooTestServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class,
				ZenooClientAutoConfiguration.class, ZenooWarmUpAutoConfiguration.class))
		.withPropertyValues("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
				"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
				"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD);

	@BeforeAll
	static void startServer() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	private static int searchReads(String model) {
		return server.calls().count(model, "search_read");
	}

	@Test
	void failFastWarmsTheCachesBeforeTheContextIsReady() {
		this.runner.withPropertyValues("zenoo.cache.warm-up-fail-fast=true",
				"zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].filter=[('is_company','=',True)]",
				"zenoo.cache.warm-up[0].fields=name,email", "zenoo.cache.warm-up[0].order=name",
				"zenoo.cache.warm-up[0].limit=5",
				"zenoo.cache.warm-up[1].type=" + ResPartner.class.getName(),
				"zenoo.cache.warm-up[1].filter=[('is_company','=',True)]", "zenoo.cache.warm-up[2].name=countries",
				"zenoo.cache.warm-up[2].type=" + ResCountry.class.getName())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(searchReads("res.partner")).as("warmed during startup").isEqualTo(2);
				assertThat(searchReads("res.country")).isEqualTo(1);
				CacheWarmup warmup = context.getBean(CacheWarmup.class);
				assertThat(warmup.tasks()).extracting(WarmUpTask::name)
					.containsExactly("warm-up[0] res.partner", "warm-up[1] res.partner", "countries");
				assertThat(warmup.lastReport().succeeded()).isEqualTo(3);
				ZenooClient client = context.getBean(ZenooClient.class);
				client.model("res.partner").filter("is_company", true).fields("name", "email").orderBy("name").limit(5)
					.all().block();
				List<ResPartner> companies = client.model(ResPartner.class)
					.filter(Domain.field("is_company").eq(true)).all().block();
				client.model(ResCountry.class).all().block();
				assertThat(searchReads("res.partner")).as("the application's queries hit the warmed keys")
					.isEqualTo(2);
				assertThat(searchReads("res.country")).isEqualTo(1);
				assertThat(companies).isNotEmpty().allSatisfy((partner) -> assertThat(partner.isCompany()).isTrue());
				assertThat(warmup.lastReport().results().get(1).rows()).isEqualTo(companies.size());
			});
	}

	@Test
	void failFastStopsStartupWhenATaskFails() {
		this.runner.withPropertyValues("zenoo.cache.warm-up-fail-fast=true", "zenoo.cache.warm-up[0].model=x.nope",
				"zenoo.cache.warm-up[1].model=res.partner", "zenoo.cache.warm-up[1].fields=name")
			.run((context) -> {
				assertThat(context).hasFailed();
				CacheWarmupException failure = causeOf(context.getStartupFailure(), CacheWarmupException.class);
				assertThat(failure.getMessage()).contains("1 of 2 tasks failed").contains("'warm-up[0] x.nope'")
					.contains("OdooUnknownModelException");
				assertThat(failure.getReport().results().get(1).succeeded()).as("the other task still ran").isTrue();
				FailureAnalysis analysis = new ZenooWarmUpFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'warm-up[0] x.nope'");
				assertThat(analysis.getAction()).contains("zenoo.cache.warm-up-fail-fast=false");
				assertThat(analysis.toString()).doesNotContain(OdooTestUsers.ADMIN_PASSWORD + "@");
			});
	}

	@Test
	void withoutFailFastNothingRunsDuringStartup() {
		this.runner.withPropertyValues("zenoo.cache.warm-up[0].model=x.nope",
				"zenoo.cache.warm-up[1].model=res.partner", "zenoo.cache.warm-up[1].fields=name")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CacheWarmup.class).tasks()).hasSize(2);
				assertThat(server.calls().total()).isZero();
			});
	}

	@Test
	void cacheWarmerBeansRunAfterTheQueries() {
		this.runner.withUserConfiguration(WarmerConfiguration.class)
			.withPropertyValues("zenoo.cache.warm-up-fail-fast=true", "zenoo.cache.warm-up-parallelism=1",
					"zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].fields=name")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CacheWarmup warmup = context.getBean(CacheWarmup.class);
				assertThat(warmup.parallelism()).isEqualTo(1);
				assertThat(warmup.tasks()).extracting(WarmUpTask::name)
					.containsExactly("warm-up[0] res.partner", "countriesWarmer");
				assertThat(context.getBean(WarmerConfiguration.class).runs).containsExactly("countriesWarmer");
				assertThat(searchReads("res.country")).isEqualTo(1);
				context.getBean(ZenooClient.class).model(ResCountry.class).all().block();
				assertThat(searchReads("res.country")).isEqualTo(1);
			});
	}

	@Test
	void anApplicationWarmupReplacesOurs() {
		this.runner.withUserConfiguration(OwnWarmupConfiguration.class)
			.withPropertyValues("zenoo.cache.warm-up[0].model=res.partner")
			.run((context) -> assertThat(context.getBean(CacheWarmup.class).tasks()).extracting(WarmUpTask::name)
				.containsExactly("own"));
	}

	@Test
	void withCachingOffTheQueriesAreIgnored() {
		this.runner.withPropertyValues("zenoo.cache.enabled=false", "zenoo.cache.warm-up-fail-fast=true",
				"zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].cache=nope")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CacheWarmup.class).tasks()).isEmpty();
				assertThat(server.calls().total()).isZero();
			});
	}

	@Test
	void unknownCache() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].cache=slow");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[0].cache");
		assertThat(ex.getMessage()).contains("'slow'");
		assertThat(ex.getAction()).contains("[fast]");
	}

	@Test
	void unparsableFilter() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up[0].model=res.partner",
				"zenoo.cache.warm-up[1].model=res.partner", "zenoo.cache.warm-up[1].filter=[('is_company','=',True)");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[1].filter");
		assertThat(ex.getMessage()).contains("not a valid Odoo domain");
		assertThat(ex.getAction()).contains("[('is_company','=',True)]");
	}

	@Test
	void unknownClass() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up[0].type=com.example.Nope");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[0].type");
		assertThat(ex.getMessage()).contains("com.example.Nope").contains("cannot be loaded");
	}

	@Test
	void classWithoutOdooModel() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up[0].type=io.zenoo.client.model.Many2One");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[0].type");
		assertThat(ex.getMessage()).contains("no @OdooModel");
		assertThat(ex.getAction()).contains("@OdooModel");
	}

	@Test
	void missingModel() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up[0].fields=name");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[0].model");
		assertThat(ex.getMessage()).contains("missing");
	}

	@Test
	void modelAndTypeDisagree() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up[0].model=res.country",
				"zenoo.cache.warm-up[0].type=" + ResPartner.class.getName());
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up[0].model");
		assertThat(ex.getMessage()).contains("'res.partner'");
	}

	@Test
	void badLimitTtlFieldsAndOrder() {
		assertThat(failure("zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].limit=0")
			.getProperty()).isEqualTo("zenoo.cache.warm-up[0].limit");
		assertThat(failure("zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].ttl=-1s")
			.getProperty()).isEqualTo("zenoo.cache.warm-up[0].ttl");
		assertThat(failure("zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].fields[0]=name",
				"zenoo.cache.warm-up[0].fields[1]= ")
			.getProperty()).isEqualTo("zenoo.cache.warm-up[0].fields");
		assertThat(failure("zenoo.cache.warm-up[0].model=res.partner", "zenoo.cache.warm-up[0].order= ")
			.getProperty()).isEqualTo("zenoo.cache.warm-up[0].order");
	}

	@Test
	void parallelismBelowOne() {
		ZenooConfigurationException ex = failure("zenoo.cache.warm-up-parallelism=0");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.warm-up-parallelism");
	}

	@Test
	void unknownMetadataCache() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.metadata-cache=meta");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.metadata-cache");
		assertThat(ex.getAction()).contains("[fast]");
	}

	@Test
	void negativeMetadataTtl() {
		assertThat(failure("zenoo.cache.metadata-ttl=-1h").getProperty()).isEqualTo("zenoo.cache.metadata-ttl");
	}

	@Test
	void metadataSettingsReachTheClient() {
		this.runner.withPropertyValues("zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.meta.type=memory",
				"zenoo.cache.metadata-cache=meta", "zenoo.cache.metadata-ttl=2h")
			.run((context) -> {
				ZenooClient client = context.getBean(ZenooClient.class);
				client.version().block();
				client.version().block();
				assertThat(server.calls().versionCalls()).isEqualTo(1);
				io.zenoo.cache.ZenooCacheManager caches = context.getBean(io.zenoo.cache.ZenooCacheManager.class);
				assertThat(caches.getCache("meta").statistics().puts()).isEqualTo(1);
				assertThat(caches.getCache("fast").statistics().puts()).isZero();
			});
	}

	private ZenooConfigurationException failure(String... properties) {
		List<ZenooConfigurationException> found = new ArrayList<>();
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			ZenooConfigurationException ex = causeOf(context.getStartupFailure(), ZenooConfigurationException.class);
			FailureAnalysis analysis = new ZenooConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(ex.getProperty());
			assertThat(analysis.getAction()).isEqualTo(ex.getAction());
			found.add(ex);
		});
		return found.get(0);
	}

	private static <E extends Throwable> E causeOf(Throwable failure, Class<E> type) {
		Throwable cause = failure;
		while (cause != null && !type.isInstance(cause)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a %s in the cause chain of %s", type.getSimpleName(), failure).isNotNull();
		return type.cast(cause);
	}

	@Configuration(proxyBeanMethods = false)
	static class WarmerConfiguration {

		final List<String> runs = new ArrayList<>();

		@Bean
		CacheWarmer countriesWarmer() {
			return (client) -> Mono.fromRunnable(() -> this.runs.add("countriesWarmer"))
				.then(client.model(ResCountry.class).all());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWarmupConfiguration {

		@Bean
		CacheWarmup ownWarmup(ZenooClient client) {
			return new CacheWarmup(client, List.of(new WarmUpTask("own", (c) -> Mono.empty())), 1);
		}

	}

}
