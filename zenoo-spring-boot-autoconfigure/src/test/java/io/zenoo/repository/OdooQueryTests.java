package io.zenoo.repository;

import java.util.List;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.PartnerRepository;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @OdooQuery} methods: positional parameters bound into the domain sent, fields and order as declared, paging.
 */
class OdooQueryTests {

	private static final JsonMapper json = JsonMapper.shared();

	private static OdooTestServer server;

	private static RepositoryApp app;

	private static PartnerRepository partners;

	@BeforeAll
	static void start() {
		app = RepositoryApp.start();
		server = app.server();
		partners = app.partners();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void fresh() {
		app.fresh();
	}

	private static String sent(String method, String kwarg) {
		return json.writeValueAsString(DerivedQueryTests.last(server, method).kwargs().get(kwarg));
	}

	@Test
	void positionalParameterFieldsAndOrder() {
		List<ResPartner> rows = partners.companiesIn("BE").collectList().block();
		assertThat(sent("search_read", "domain"))
			.isEqualTo("[[\"is_company\",\"=\",true],[\"country_id.code\",\"=\",\"BE\"]]");
		assertThat(sent("search_read", "fields")).isEqualTo("[\"name\",\"country_id\"]");
		assertThat(DerivedQueryTests.last(server, "search_read").kwargs()).containsEntry("order", "name");
		assertThat(rows).extracting(ResPartner::name).containsExactly("OpenWood");
		assertThat(rows.get(0).email()).isNull();
	}

	@Test
	void argumentsAreValuesNotText() {
		List<ResPartner> rows = partners.namedAmong("Wood Corner', 'x", List.of(9L, 10L)).block();
		assertThat(sent("search_read", "domain"))
			.isEqualTo("[[\"name\",\"=\",\"Wood Corner', 'x\"],[\"id\",\"in\",[9,10]]]");
		assertThat(rows).isEmpty();
		assertThat(partners.namedAmong("Wood Corner", List.of(9L, 10L)).block()).extracting(ResPartner::id)
			.containsExactly(9L);
	}

	@Test
	void pageableReplacesLimitAndOffset() {
		List<ResPartner> rows = partners.companiesPaged(PageRequest.of(1, 2)).collectList().block();
		assertThat(DerivedQueryTests.last(server, "search_read").kwargs()).containsEntry("limit", 2L)
			.containsEntry("offset", 2L)
			.containsEntry("order", "id");
		assertThat(rows).hasSize(2);
	}

	@Test
	void countReturnType() {
		assertThat(partners.countInCity("Turlock").block()).isEqualTo(4);
		assertThat(sent("search_count", "domain")).isEqualTo("[[\"city\",\"=\",\"Turlock\"]]");
	}

}
