package io.zenoo.test.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AutoConfigureOdooStub} in a plain Spring test: properties, bean, and a live server. */
@SpringJUnitConfig(AutoConfigureOdooStubTest.Config.class)
@AutoConfigureOdooStub
class AutoConfigureOdooStubTest {

	@Autowired
	Environment environment;

	@Autowired
	OdooTestServer server;

	@Test
	void pointsTheZenooPropertiesAtARunningServer() throws Exception {
		String url = this.environment.getProperty("zenoo.odoo.url");
		assertThat(url).isEqualTo(this.server.url()).startsWith("http://127.0.0.1:");
		assertThat(this.environment.getProperty("zenoo.odoo.database")).isEqualTo("demo");
		assertThat(this.environment.getProperty("zenoo.odoo.username")).isEqualTo("admin");
		assertThat(this.environment.getProperty("zenoo.odoo.password")).isEqualTo("admin");
		String body = "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"common\",\"method\":"
				+ "\"authenticate\",\"args\":[\"" + this.environment.getProperty("zenoo.odoo.database") + "\",\""
				+ this.environment.getProperty("zenoo.odoo.username") + "\",\""
				+ this.environment.getProperty("zenoo.odoo.password") + "\",{}]},\"id\":1}";
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
				+ "/jsonrpc")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":2}");
	}

	@Test
	void customizersAreEqualSoContextsAreShared() {
		assertThat(new OdooStubContextCustomizer()).isEqualTo(new OdooStubContextCustomizer())
			.hasSameHashCodeAs(new OdooStubContextCustomizer());
		assertThat(new OdooStubContextCustomizerFactory().createContextCustomizer(String.class, java.util.List.of()))
			.isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
