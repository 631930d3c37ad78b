package io.zenoo.sample;

import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its defaults: the embedded Odoo test server, answering over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private OdooTestServer embeddedOdoo;

	@Test
	void companiesEndpointAnswersFromTheEmbeddedOdoo() {
		this.embeddedOdoo.calls().clear();
		this.web.get()
			.uri("/partners/companies?country=BE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].id")
			.isEqualTo(13)
			.jsonPath("$[0].name")
			.isEqualTo("OpenWood")
			.jsonPath("$[0].countryId.displayName")
			.isEqualTo("Belgium");
		assertThat(this.embeddedOdoo.calls().count("res.partner", "search_read")).isEqualTo(1);
	}

	@Test
	void companiesAreSortedByName() {
		this.web.get()
			.uri("/partners/companies?country=US")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("Azure Interior")
			.jsonPath("$[1].name")
			.isEqualTo("Deco Addict");
	}

	@Test
	void unknownPartnerIsNotFound() {
		this.web.get().uri("/partners/99999").exchange().expectStatus().isNotFound();
	}

	@Test
	void versionEndpointReportsOdoo18() {
		this.web.get()
			.uri("/odoo/version")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.serverVersion")
			.isEqualTo("18.0");
	}

}
