package io.zenoo.autoconfigure;

import java.util.List;

import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.spring.AutoConfigureOdooStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of the starter writes: a Spring Boot test with {@code @AutoConfigureOdooStub}, getting a
 * {@link ZenooClient} configured against the in-process Odoo server.
 */
@SpringBootTest(classes = AutoConfigureOdooStubIntegrationTests.TestApplication.class)
@AutoConfigureOdooStub
class AutoConfigureOdooStubIntegrationTests {

	@Autowired
	private ZenooClient client;

	@Autowired
	private OdooTestServer odoo;

	@Test
	void autoConfiguredClientTalksToTheStub() {
		this.odoo.calls().clear();
		List<ResCountry> countries = this.client.model(ResCountry.class).filter("code__in", List.of("BE", "FR"))
			.orderBy("code")
			.all()
			.block();
		assertThat(countries).extracting(ResCountry::name).containsExactly("Belgium", "France");
		assertThat(this.odoo.calls().count("res.country", "search_read")).isEqualTo(1);
		assertThat(this.client.database()).isEqualTo(this.odoo.database());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZenooClientAutoConfiguration.class)
	static class TestApplication {

	}

}
