package io.zenoo.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zenoo.actuate.MicrometerOdooCallObserver;
import io.zenoo.actuate.ObservationOdooCallObserver;
import io.zenoo.actuate.OdooHealthIndicator;
import io.zenoo.actuate.ZenooCacheHealthIndicator;
import io.zenoo.actuate.ZenooCacheMeterBinder;
import io.zenoo.actuate.ZenooEndpoint;
import io.zenoo.actuate.ZenooSanitizingFunction;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.stats.ZenooCacheHealthEvent;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

import static io.zenoo.cache.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which observability beans the auto-configuration contributes, under which conditions, and how they are wired.
 */
class ZenooObservabilityAutoConfigurationTests {

	private static OdooTestServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class,
					ZenooMetricsAutoConfiguration.class, ZenooActuatorAutoConfiguration.class))
		.withPropertyValues("zenoo.odoo.url=" + "http://127.0.0.1:1", "zenoo.odoo.database=db",
				"zenoo.odoo.username=admin", "zenoo.odoo.password=pw");

	private final AutoConfigurations metrics = AutoConfigurations.of(MetricsAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

	@BeforeAll
	static void startServer() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private ApplicationContextRunner againstTheTestServer() {
		return this.runner.withPropertyValues("zenoo.odoo.url=" + server.url(),
				"zenoo.odoo.database=" + server.database(), "zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
				"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD);
	}

	@Test
	void withAMeterRegistryCachesCreatedAfterStartupAndRpcsAreMeasured() {
		againstTheTestServer().withConfiguration(this.metrics).run((context) -> {
			assertThat(context).hasSingleBean(ZenooCacheMeterBinder.class).hasSingleBean(MicrometerOdooCallObserver.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			ZenooCache late = caches.setupMemoryCache(MemoryCacheSpec.of("late"));
			late.find("absent", String.class).block();
			assertThat(registry.get("cache.gets").tags("cache", "late", "result", "miss", "tier", "memory",
					"cache.manager", "zenooCacheManager").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("cache.gets").tags("cache", "memory").functionCounters()).isNotEmpty();
			context.getBean(ZenooClient.class).model(ResCountry.class).filter("code", "BE").noCache().all().block();
			assertThat(registry.get("zenoo.rpc").tags("model", "res.country", "outcome", "success").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void withAnObservationRegistryRpcsAreObservedAndTimedOnceThroughTheObservations() {
		againstTheTestServer().withConfiguration(this.metrics)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ObservationRegistry.class)
					.hasSingleBean(ObservationOdooCallObserver.class)
					.doesNotHaveBean(MicrometerOdooCallObserver.class);
				context.getBean(ZenooClient.class).model(ResCountry.class).filter("code", "BE").noCache().all().block();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("zenoo.rpc").tags("model", "res.country", "method", "search_read", "outcome",
						"success").timer().count()).isEqualTo(1);
				assertThat(registry.get("zenoo.rpc").tags("model", "common", "method", "authenticate", "outcome",
						"success").timer().count()).isEqualTo(1);
				// one series per call kind, all with the same tag keys (Prometheus refuses mixed ones)
				assertThat(registry.get("zenoo.rpc").timers()).hasSize(2)
					.allSatisfy((timer) -> assertThat(timer.getId().getTags())
						.extracting(io.micrometer.core.instrument.Tag::getKey)
						.containsExactlyInAnyOrder("error", "method", "model", "outcome"));
			});
	}

	@Test
	void withoutMicrometerThereAreNoMetricsBeansAndTheClientStillWorks() {
		againstTheTestServer().withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ZenooCacheMeterBinder.class)
					.doesNotHaveBean(MicrometerOdooCallObserver.class);
				assertThat(context.getBean(ZenooClient.class).model(ResCountry.class).filter("code", "BE").count()
					.block()).isEqualTo(1);
			});
	}

	@Test
	void withoutAMeterRegistryThereIsNoRpcTimer() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(MicrometerOdooCallObserver.class)
			.hasSingleBean(ZenooCacheMeterBinder.class));
	}

	@Test
	void healthIndicatorsAndSanitizerAreThereAndCanBeSwitchedOff() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(OdooHealthIndicator.class)
				.hasSingleBean(ZenooCacheHealthIndicator.class)
				.hasSingleBean(ZenooSanitizingFunction.class)
				.hasBean("odooHealthIndicator")
				.hasBean("zenooCacheHealthIndicator");
		});
		this.runner.withPropertyValues("management.health.odoo.enabled=false",
				"management.health.zenooCache.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OdooHealthIndicator.class)
				.doesNotHaveBean(ZenooCacheHealthIndicator.class));
	}

	@Test
	void theEndpointExistsOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ZenooEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=zenoo")
			.run((context) -> assertThat(context).hasSingleBean(ZenooEndpoint.class));
	}

	@Test
	void healthMonitoringStartsOnlyWithACheckInterval() {
		this.runner.run((context) -> assertThat(context.getBean(ZenooCacheManager.class).isHealthMonitoringActive())
			.isFalse());
		this.runner.withPropertyValues("zenoo.cache.health.check-interval=1h", "zenoo.cache.health.memory-limit=64MB")
			.run((context) -> {
				ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
				assertThat(caches.isHealthMonitoringActive()).isTrue();
				context.close();
				assertThat(caches.isHealthMonitoringActive()).isFalse();
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aCacheGoingBadIsLoggedAndReachesTheApplicationsListeners(CapturedOutput output) {
		this.runner.withPropertyValues("zenoo.cache.health.check-interval=50ms", "zenoo.cache.health.min-requests=2",
				"zenoo.cache.health.alert-threshold=0.9")
			.withBean(HealthEvents.class)
			.run((context) -> {
				ZenooCache cache = context.getBean(ZenooCacheManager.class).getCache("memory");
				cache.find("a", String.class).block();
				cache.find("b", String.class).block();
				HealthEvents events = context.getBean(HealthEvents.class);
				eventually(() -> !events.received.isEmpty());
				assertThat(events.received.get(0).getKind()).isEqualTo(ZenooCacheHealthEvent.Kind.HIT_RATE_LOW);
				assertThat(events.received.get(0).getCacheName()).isEqualTo("memory");
				assertThat(output.getAll()).contains("Zenoo cache 'memory': HIT_RATE_LOW");
			});
	}

	/** Collects the cache health events the application publishes. */
	static class HealthEvents implements ApplicationListener<ZenooCacheHealthEvent> {

		final List<ZenooCacheHealthEvent> received = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ZenooCacheHealthEvent event) {
			this.received.add(event);
		}

	}

	@Test
	void invalidHealthSettingsStopStartupNamingTheProperty() {
		this.runner.withPropertyValues("zenoo.cache.health.check-interval=-5s").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOf(ZenooConfigurationException.class)
			.hasMessageContaining("zenoo.cache.health.check-interval"));
		this.runner.withPropertyValues("zenoo.cache.health.check-interval=5s", "zenoo.cache.health.alert-threshold=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zenoo.cache.health.alert-threshold"));
		this.runner.withPropertyValues("zenoo.cache.health.min-requests=-1").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOf(ZenooConfigurationException.class)
			.hasMessageContaining("zenoo.cache.health.min-requests"));
	}

	@Test
	void minRequestsReachesTheHealthIndicator() {
		this.runner.withPropertyValues("zenoo.cache.health.min-requests=3").run((context) -> {
			ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
			ZenooCache cache = caches.getDefaultCache();
			ZenooCacheHealthIndicator indicator = context.getBean(ZenooCacheHealthIndicator.class);
			cache.find("a", String.class).block();
			cache.find("b", String.class).block();
			assertThat(indicator.health().block().getDetails().toString()).doesNotContain("warning");
			cache.find("c", String.class).block();
			assertThat(indicator.health().block().getDetails().toString()).contains("warning");
		});
	}

	@Test
	void sanitizerMasksZenooSecretsInAnySpellingAndUrlUserInfo() {
		ZenooSanitizingFunction function = new ZenooSanitizingFunction();
		MapPropertySource source = new MapPropertySource("test", java.util.Map.of());
		assertThat(function.apply(new SanitizableData(source, "zenoo.odoo.password", "pw-1")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(function.apply(new SanitizableData(source, "ZENOO_ODOO_API_KEY", "key-1")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(function.apply(new SanitizableData(source, "zenoo.odoo.apiKey", "key-1")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(function.apply(new SanitizableData(source, "zenoo.cache.caches.r.url", "redis://u:pw-2@h:6379/0"))
			.getValue()).isEqualTo("redis://******@h:6379/0");
		assertThat(function.apply(new SanitizableData(source, "zenoo.odoo.url", "http://odoo:8069")).getValue())
			.isEqualTo("http://odoo:8069");
		assertThat(function.apply(new SanitizableData(source, "spring.datasource.password", "other")).getValue())
			.isEqualTo("other");
	}

}
