package io.zenoo.autoconfigure;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.zenoo.client.OdooProtocol;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ZenooClientAutoConfigurationTests {

	private static final String SECRET = "s3cr3t-Zeb7-never-shown";

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

	private ApplicationContextRunner configured() {
		return this.runner.withPropertyValues("zenoo.odoo.url=" + server.url(),
				"zenoo.odoo.database=" + server.database(), "zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
				"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD);
	}

	@Test
	void clientIsConfiguredFromProperties() {
		configured().withPropertyValues("zenoo.odoo.protocol=session", "zenoo.odoo.read-timeout=7s",
				"zenoo.odoo.retry.attempts=0").run((context) -> {
					assertThat(context).hasSingleBean(ZenooClient.class);
					ZenooClientSettings settings = context.getBean(ZenooClientSettings.class);
					assertThat(settings.protocol()).isEqualTo(OdooProtocol.SESSION);
					assertThat(settings.readTimeout()).hasSeconds(7);
					assertThat(settings.retryAttempts()).isZero();
					ZenooClient client = context.getBean(ZenooClient.class);
					assertThat(client.protocol()).isEqualTo(OdooProtocol.SESSION);
					assertThat(client.uid().block()).isEqualTo(2L);
					assertThat(client.version().block().serverVersion()).isEqualTo("18.0");
				});
	}

	@Test
	void jsonRpcIsTheDefaultProtocol() {
		configured().run((context) -> assertThat(context.getBean(ZenooClient.class).protocol())
			.isEqualTo(OdooProtocol.JSON_RPC));
	}

	@Test
	void userDefinedClientWins() {
		configured().withUserConfiguration(OwnClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ZenooClient.class);
			assertThat(context.getBean(ZenooClient.class)).isSameAs(context.getBean("myClient"));
		});
	}

	@Test
	void missingUrlFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("zenoo.odoo.database=demo", "zenoo.odoo.username=admin",
				"zenoo.odoo.password=" + SECRET)
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.url", "http://localhost:8069"));
	}

	@Test
	void missingDatabaseFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("zenoo.odoo.url=http://localhost:8069", "zenoo.odoo.username=admin",
				"zenoo.odoo.password=" + SECRET)
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.database", "database name"));
	}

	@Test
	void missingCredentialsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("zenoo.odoo.url=http://localhost:8069", "zenoo.odoo.database=demo",
				"zenoo.odoo.username=admin")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.password", "api-key"));
	}

	@Test
	void json2WithoutApiKeyFailsStartup() {
		configured().withPropertyValues("zenoo.odoo.protocol=json2")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.api-key", "JSON-2"));
	}

	@Test
	void passwordAndApiKeyTogetherFailStartup() {
		configured().withPropertyValues("zenoo.odoo.api-key=" + SECRET)
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.password", "only one"));
	}

	@Test
	void badUrlFailsStartup() {
		configured().withPropertyValues("zenoo.odoo.url=ftp://odoo.example.com")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.url", "base URL"));
	}

	@Test
	void urlWithCredentialsFailsStartupWithoutShowingThem() {
		configured().withPropertyValues("zenoo.odoo.url=http://admin:" + SECRET + "@localhost:8069")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.url", "username"));
	}

	@Test
	void negativeValuesFailStartupNamingTheProperty() {
		configured().withPropertyValues("zenoo.odoo.max-connections=0")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.max-connections", "positive"));
		configured().withPropertyValues("zenoo.odoo.read-timeout=-1s")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.read-timeout", "duration"));
		configured().withPropertyValues("zenoo.odoo.retry.attempts=-1")
			.run((context) -> assertFailure(context.getStartupFailure(), "zenoo.odoo.retry.attempts", "0"));
	}

	@Test
	void everyPropertyHasDocumentedMetadata() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			metadata = JsonMapper.shared().readTree(in);
		}
		Set<String> documented = new HashSet<>();
		for (JsonNode property : metadata.path("properties")) {
			if (property.path("description").asString("").length() > 10) {
				documented.add(property.path("name").asString());
			}
		}
		assertThat(documented).containsAll(List.of("zenoo.odoo.url", "zenoo.odoo.database", "zenoo.odoo.username",
				"zenoo.odoo.password", "zenoo.odoo.api-key", "zenoo.odoo.protocol", "zenoo.odoo.connect-timeout",
				"zenoo.odoo.read-timeout", "zenoo.odoo.max-connections", "zenoo.odoo.max-response-size",
				"zenoo.odoo.retry.attempts", "zenoo.odoo.retry.backoff"));
	}

	private static void assertFailure(Throwable failure, String property, String actionFragment) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ZenooConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a ZenooConfigurationException in the cause chain of %s", failure)
			.isInstanceOf(ZenooConfigurationException.class);
		ZenooConfigurationException configurationFailure = (ZenooConfigurationException) cause;
		assertThat(configurationFailure.getProperty()).isEqualTo(property);
		FailureAnalysis analysis = new ZenooConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(property);
		assertThat(analysis.getAction()).containsIgnoringCase(actionFragment);
		for (Throwable t = failure; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
		}
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		@Bean
		ZenooClient myClient() {
			return ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
					io.zenoo.client.OdooCredentials.password("admin", "admin")));
		}

	}

}
