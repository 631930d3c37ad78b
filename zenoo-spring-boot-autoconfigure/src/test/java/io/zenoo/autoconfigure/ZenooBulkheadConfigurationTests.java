package io.zenoo.autoconfigure;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.zenoo.actuate.OdooBulkheadMeterBinder;
import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooBulkheadFullException;
import io.zenoo.client.transport.OdooCall;
import io.zenoo.client.transport.OdooTransport;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code zenoo.odoo.max-concurrent-requests}, {@code max-queued-requests} and {@code queue-timeout}: bound, checked,
 * handed to the transport, and reported as meters.
 */
class ZenooBulkheadConfigurationTests {

	private static OdooTestServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooClientAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private ApplicationContextRunner configured(String... properties) {
		return this.runner
			.withPropertyValues("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
					"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
					"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD)
			.withPropertyValues(properties);
	}

	@Test
	void theLimitFollowsMaxConnectionsByDefault() {
		configured("zenoo.odoo.max-connections=7").run((context) -> {
			BulkheadSettings bulkhead = context.getBean(ZenooClientSettings.class).bulkhead();
			assertThat(bulkhead).isEqualTo(new BulkheadSettings(7, 1000, Duration.ofSeconds(10)));
			assertThat(context.getBean(OdooTransport.class).bulkhead().maxConcurrent()).isEqualTo(7);
		});
		configured().run((context) -> assertThat(context.getBean(ZenooClientSettings.class).bulkhead())
			.isEqualTo(BulkheadSettings.of(ZenooClientSettings.DEFAULT_MAX_CONNECTIONS)));
	}

	@Test
	void propertiesReachTheTransport() {
		configured("zenoo.odoo.max-concurrent-requests=3", "zenoo.odoo.max-queued-requests=4",
				"zenoo.odoo.queue-timeout=250ms")
			.run((context) -> {
				assertThat(context.getBean(ZenooClientSettings.class).bulkhead())
					.isEqualTo(new BulkheadSettings(3, 4, Duration.ofMillis(250)));
				assertThat(context.getBean(OdooTransport.class).bulkhead().maxQueued()).isEqualTo(4);
			});
	}

	@Test
	void zeroTurnsTheLimitOff() {
		configured("zenoo.odoo.max-concurrent-requests=0").run((context) -> {
			assertThat(context.getBean(ZenooClientSettings.class).bulkhead().enabled()).isFalse();
			assertThat(context.getBean(OdooTransport.class).uid().block(Duration.ofSeconds(10))).isEqualTo(2L);
			assertThat(context.getBean(OdooTransport.class).bulkhead().inFlight()).isZero();
		});
	}

	@Test
	void badValuesFailStartupNamingTheProperty() {
		configured("zenoo.odoo.max-concurrent-requests=-1").run((context) -> assertFailure(
				context.getStartupFailure(), "zenoo.odoo.max-concurrent-requests", "0 for no limit"));
		configured("zenoo.odoo.max-queued-requests=-5").run((context) -> assertFailure(context.getStartupFailure(),
				"zenoo.odoo.max-queued-requests", "0 for no queue"));
		configured("zenoo.odoo.queue-timeout=0").run((context) -> assertFailure(context.getStartupFailure(),
				"zenoo.odoo.queue-timeout", "such as 10s"));
		configured("zenoo.odoo.queue-timeout=-1s").run((context) -> assertFailure(context.getStartupFailure(),
				"zenoo.odoo.queue-timeout", "such as 10s"));
	}

	@Test
	void theBulkheadIsReportedAsMeters() {
		configured("zenoo.odoo.max-concurrent-requests=1", "zenoo.odoo.max-queued-requests=1")
			.withConfiguration(AutoConfigurations.of(ZenooMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(OdooBulkheadMeterBinder.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				OdooTransport transport = context.getBean(OdooTransport.class);
				assertThat(transport.uid().block(Duration.ofSeconds(10))).isEqualTo(2L);
				server.faults().latency(Duration.ofSeconds(2));
				try {
					OdooCall call = OdooCall.read("res.partner", "search_count",
							Map.of("domain", List.of()));
					Disposable first = transport.execute(call).subscribe();
					Disposable second = transport.execute(call).subscribe();
					Object third = transport.execute(call)
						.map(Object.class::cast)
						.onErrorResume(Mono::just)
						.block(Duration.ofSeconds(5));
					assertThat(third).isInstanceOf(OdooBulkheadFullException.class);
					String server = transport.server();
					assertThat(registry.get(OdooBulkheadMeterBinder.ACTIVE).tag("server", server).gauge().value())
						.isEqualTo(1);
					assertThat(registry.get(OdooBulkheadMeterBinder.QUEUED).tag("server", server).gauge().value())
						.isEqualTo(1);
					assertThat(registry.get(OdooBulkheadMeterBinder.REJECTED)
						.tag("server", server)
						.functionCounter()
						.count()).isEqualTo(1);
					first.dispose();
					second.dispose();
					await().atMost(Duration.ofSeconds(5))
						.until(() -> registry.get(OdooBulkheadMeterBinder.ACTIVE).gauge().value() == 0
								&& registry.get(OdooBulkheadMeterBinder.QUEUED).gauge().value() == 0);
				}
				finally {
					server.faults().clear();
				}
			});
	}

	@Test
	void thePropertiesHaveDocumentedMetadata() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.shared().readTree(in);
		}
		List<String> names = List.of("zenoo.odoo.max-concurrent-requests", "zenoo.odoo.max-queued-requests",
				"zenoo.odoo.queue-timeout");
		int documented = 0;
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (names.contains(name)) {
				assertThat(property.path("description").asString("")).as(name).isNotBlank();
				documented++;
			}
		}
		assertThat(documented).isEqualTo(3);
	}

	private static void assertFailure(Throwable failure, String property, String actionFragment) {
		assertThat(failure).isNotNull();
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
	}

}
