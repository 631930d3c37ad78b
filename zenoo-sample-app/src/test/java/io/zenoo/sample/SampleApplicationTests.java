package io.zenoo.sample;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.zenoo.client.ZenooClient;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its defaults (the embedded Odoo test server, memory caches): the partner endpoints.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private OdooTestServer embeddedOdoo;

	@Autowired
	private ZenooClient client;

	@Test
	void companiesEndpointAnswersFromTheEmbeddedOdoo() {
		int before = searchReads();
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
		assertThat(searchReads() - before).isEqualTo(1);
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
	void secondRequestForCompaniesIsServedFromTheCache() {
		this.web.get().uri("/partners/companies").exchange().expectStatus().isOk();
		int afterFirst = this.embeddedOdoo.calls().total();
		this.web.get()
			.uri("/partners/companies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].isCompany")
			.value((flags) -> assertThat(flags).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.isNotEmpty()
				.containsOnly(true));
		assertThat(this.embeddedOdoo.calls().total()).isEqualTo(afterFirst);
	}

	@Test
	void partnerIsReadOnceThenCached() {
		long id = newPartner("Cached Contact");
		int before = reads();
		getPartner(id).jsonPath("$.name").isEqualTo("Cached Contact");
		getPartner(id).jsonPath("$.name").isEqualTo("Cached Contact");
		assertThat(reads() - before).isEqualTo(1);
	}

	@Test
	void unknownPartnerIsNotFound() {
		this.web.get().uri("/partners/99999").exchange().expectStatus().isNotFound();
	}

	@Test
	void updateIsVisibleAtOnceWithoutEvictingByHand() {
		long id = newPartner("Before Update");
		getPartner(id).jsonPath("$.name").isEqualTo("Before Update");
		int writes = writes();
		this.web.put()
			.uri("/partners/{id}", id)
			.bodyValue(Map.of("name", "After Update", "city", "Namur"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("After Update");
		assertThat(writes() - writes).isEqualTo(1);
		getPartner(id).jsonPath("$.name").isEqualTo("After Update").jsonPath("$.city").isEqualTo("Namur");
	}

	@Test
	void updateRetiresTheCachedCompanyList() {
		long id = newPartner("Zz Sample Company " + UUID.randomUUID());
		this.web.get()
			.uri("/partners/companies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")]")
			.doesNotExist();
		this.web.put()
			.uri("/partners/{id}", id)
			.bodyValue(Map.of("is_company", true))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get()
			.uri("/partners/companies")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].isCompany")
			.isEqualTo(java.util.List.of(true));
	}

	@Test
	void writeThroughRecachesThePartnerSoTheNextReadCostsNothing() {
		long id = newPartner("Write Through");
		int reads = reads();
		int writes = writes();
		this.web.put()
			.uri("/partners/{id}/write-through", id)
			.bodyValue(Map.of("name", "Written Through"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Written Through");
		assertThat(writes() - writes).isEqualTo(1);
		// one read-back by write-through; the response and the next GET are cache hits
		assertThat(reads() - reads).isEqualTo(1);
		getPartner(id).jsonPath("$.name").isEqualTo("Written Through");
		assertThat(reads() - reads).isEqualTo(1);
	}

	@Test
	void updateOfAMissingPartnerIsNotFoundAndAnEmptyUpdateIsABadRequest() {
		this.web.put()
			.uri("/partners/{id}", 99999)
			.bodyValue(Map.of("name", "Nobody"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("OdooMissingRecordException");
		this.web.put().uri("/partners/{id}", 1).bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
	}

	@Test
	void updateOfAnUnknownFieldIsABadRequestWithOdoosMessage() {
		long id = newPartner("Unknown Field");
		this.web.put()
			.uri("/partners/{id}", id)
			.bodyValue(Map.of("no_such_field", 1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat(message.toString()).contains("no_such_field"));
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

	private WebTestClient.BodyContentSpec getPartner(long id) {
		return this.web.get().uri("/partners/{id}", id).exchange().expectStatus().isOk().expectBody();
	}

	private long newPartner(String name) {
		return this.client.model("res.partner").create(Map.of("name", name)).block(Duration.ofSeconds(10));
	}

	private int searchReads() {
		return this.embeddedOdoo.calls().count("res.partner", "search_read");
	}

	private int reads() {
		return this.embeddedOdoo.calls().count("res.partner", "read");
	}

	private int writes() {
		return this.embeddedOdoo.calls().count("res.partner", "write");
	}

}
