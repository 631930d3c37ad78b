package io.zenoo.autoconfigure;

import java.io.InputStream;
import java.time.Duration;

import io.zenoo.client.BatchSettings;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zenoo.odoo.batch-window} and {@code zenoo.odoo.batch-max-size}: bound, checked, and handed to the client.
 */
class ZenooBatchingConfigurationTests {

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
	void batchingIsOnByDefault() {
		configured().run((context) -> {
			assertThat(context.getBean(ZenooClientSettings.class).batching()).isEqualTo(BatchSettings.DEFAULT);
			assertThat(context.getBean(ZenooClient.class).batching()).isEqualTo(BatchSettings.DEFAULT);
			assertThat(BatchSettings.DEFAULT.window()).isEqualTo(Duration.ofMillis(1));
			assertThat(BatchSettings.DEFAULT.maxSize()).isEqualTo(100);
		});
	}

	@Test
	void propertiesReachTheClient() {
		configured("zenoo.odoo.batch-window=5ms", "zenoo.odoo.batch-max-size=20").run((context) -> {
			BatchSettings expected = new BatchSettings(Duration.ofMillis(5), 20);
			assertThat(context.getBean(ZenooClientSettings.class).batching()).isEqualTo(expected);
			assertThat(context.getBean(ZenooClient.class).batching()).isEqualTo(expected);
		});
	}

	@Test
	void aZeroWindowTurnsBatchingOff() {
		configured("zenoo.odoo.batch-window=0").run((context) -> {
			ZenooClient client = context.getBean(ZenooClient.class);
			assertThat(client.batching().enabled()).isFalse();
			assertThat(client.model(io.zenoo.client.model.ResCountry.class).get(20).block(Duration.ofSeconds(10))
				.name()).isEqualTo("Belgium");
		});
	}

	@Test
	void aNegativeWindowFailsStartupNamingTheProperty() {
		configured("zenoo.odoo.batch-window=-1ms")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.batch-window", "0 to turn"));
	}

	@Test
	void aMaxSizeBelowOneFailsStartupNamingTheProperty() {
		configured("zenoo.odoo.batch-max-size=0")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.batch-max-size", "such as 100"));
	}

	@Test
	void bothPropertiesHaveDocumentedMetadata() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.shared().readTree(in);
		}
		int documented = 0;
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (name.equals("zenoo.odoo.batch-window") || name.equals("zenoo.odoo.batch-max-size")) {
				assertThat(property.path("description").asString("")).as(name).contains("batch");
				documented++;
			}
		}
		assertThat(documented).isEqualTo(2);
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
