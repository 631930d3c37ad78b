package io.zenoo.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.PartnerRepository;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Derived query methods, each checked against the exact domain (and order, limit, offset) the test server received,
 * and against the rows of the demo data.
 */
class DerivedQueryTests {

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

	static OdooTestServer.RecordedCall last(OdooTestServer server, String method) {
		List<OdooTestServer.RecordedCall> calls = server.calls().all();
		for (int i = calls.size() - 1; i >= 0; i--) {
			if (calls.get(i).method().equals(method)) {
				return calls.get(i);
			}
		}
		throw new AssertionError("no " + method + " call among " + calls);
	}

	private static void assertDomain(String method, Object... terms) {
		Object sent = last(server, method).kwargs().get("domain");
		assertThat(json.writeValueAsString(sent)).isEqualTo(json.writeValueAsString(List.of(terms)));
	}

	private static List<Object> term(String field, String operator, Object value) {
		return List.of(field, operator, value);
	}

	private static List<Long> ids(List<ResPartner> rows) {
		return rows.stream().map(ResPartner::id).toList();
	}

	@Test
	void isTrue() {
		List<ResPartner> rows = partners.findByIsCompanyTrue().collectList().block();
		assertDomain("search_read", term("is_company", "=", true));
		assertThat(rows).isNotEmpty().allMatch(ResPartner::isCompany);
	}

	@Test
	void containingIgnoreCaseIsIlike() {
		List<ResPartner> rows = partners.findByNameContainingIgnoreCase("azure").collectList().block();
		assertDomain("search_read", term("name", "ilike", "azure"));
		assertThat(ids(rows)).containsExactly(15L);
	}

	@Test
	void relationPathWithIn() {
		List<ResPartner> rows = partners.findByCountryIdCodeIn(List.of("BE")).collectList().block();
		assertDomain("search_read", term("country_id.code", "in", List.of("BE")));
		assertThat(ids(rows)).containsExactly(13L);
	}

	@Test
	void topWithComparisonAndOrder() {
		List<ResPartner> rows = partners.findTop10ByCustomerRankGreaterThanOrderByNameAsc(0).collectList().block();
		OdooTestServer.RecordedCall call = last(server, "search_read");
		assertDomain("search_read", term("customer_rank", ">", 0));
		assertThat(call.kwargs()).containsEntry("limit", 10L).containsEntry("order", "name asc");
		assertThat(rows).extracting(ResPartner::name).containsExactly("Azure Interior", "Deco Addict");
	}

	@Test
	void countFalse() {
		Long count = partners.countByActiveFalse().block();
		assertDomain("search_count", term("active", "=", false));
		// naming 'active' in the domain turns Odoo's active filter off: the archived demo users' partners
		assertThat(count).isEqualTo(4);
	}

	@Test
	void notIsInequality() {
		partners.findByCityNot("Tracy").collectList().block();
		assertDomain("search_read", term("city", "!=", "Tracy"));
	}

	@Test
	void notIn() {
		List<ResPartner> rows = partners.findByCityNotIn(List.of("Tracy", "Fremont")).collectList().block();
		assertDomain("search_read", term("city", "not in", List.of("Tracy", "Fremont")));
		assertThat(rows).noneMatch((row) -> "Tracy".equals(row.city()) || "Fremont".equals(row.city()));
	}

	@Test
	void between() {
		List<ResPartner> rows = partners.findByIdBetween(9, 11).collectList().block();
		assertDomain("search_read", term("id", ">=", 9), term("id", "<=", 11));
		assertThat(ids(rows)).containsExactlyInAnyOrder(9L, 10L, 11L);
	}

	@Test
	void nullAndNotNull() {
		partners.findByParentIdIsNull().collectList().block();
		assertDomain("search_read", term("parent_id", "=", false));
		List<ResPartner> children = partners.findByParentIdIsNotNull().collectList().block();
		assertDomain("search_read", term("parent_id", "!=", false));
		assertThat(children).isNotEmpty().allMatch((row) -> row.parentId() != null);
	}

	@Test
	void startingAndEndingWith() {
		List<ResPartner> rows = partners.findByNameStartingWith("Deco").collectList().block();
		assertDomain("search_read", term("name", "=like", "Deco%"));
		assertThat(ids(rows)).containsExactly(10L);
		partners.findByEmailEndingWithIgnoreCase("@FAKE.geminifurniture.com").collectList().block();
		assertDomain("search_read", term("email", "=ilike", "%@FAKE.geminifurniture.com"));
	}

	@Test
	void orIsPrefixed() {
		partners.findByIsCompanyTrueOrCustomerRankGreaterThanEqual(3).collectList().block();
		assertDomain("search_read", "|", term("is_company", "=", true), term("customer_rank", ">=", 3));
	}

	@Test
	void andWithFalse() {
		List<ResPartner> rows = partners.findByCityAndIsCompanyFalse("Turlock").collectList().block();
		assertDomain("search_read", term("city", "=", "Turlock"), term("is_company", "=", false));
		assertThat(ids(rows)).containsExactlyInAnyOrder(17L, 18L, 33L);
	}

	@Test
	void relationOfAnotherRelation() {
		List<ResPartner> rows = partners.findByParentIdNameContaining("Wood").collectList().block();
		assertDomain("search_read", term("parent_id.name", "like", "Wood"));
		assertThat(ids(rows)).containsExactlyInAnyOrder(17L, 18L, 33L);
	}

	@Test
	void existsReadsOneId() {
		assertThat(partners.existsByEmail("wow@example.com").block()).isTrue();
		OdooTestServer.RecordedCall call = last(server, "search");
		assertDomain("search", term("email", "=", "wow@example.com"));
		assertThat(call.kwargs()).containsEntry("limit", 1L);
		assertThat(partners.existsByEmail("nobody@example.com").block()).isFalse();
	}

	@Test
	void lessThanEqualAndLessThan() {
		partners.findByCustomerRankLessThanEqualAndIdLessThan(0, 5).collectList().block();
		assertDomain("search_read", term("customer_rank", "<=", 0), term("id", "<", 5));
	}

	@Test
	void optionalArgumentIsEqualsIfSet() {
		List<ResPartner> inTurlock = partners.findByCity(Optional.of("Turlock")).collectList().block();
		assertDomain("search_read", term("city", "=?", "Turlock"));
		assertThat(inTurlock).hasSize(4);
		List<ResPartner> anywhere = partners.findByCity(Optional.empty()).collectList().block();
		assertDomain("search_read", term("city", "=?", false));
		assertThat(anywhere.size()).isGreaterThan(inTurlock.size());
	}

	@Test
	void containingOnIdListIsIn() {
		List<ResPartner> rows = partners.findByCategoryIdContaining(6).collectList().block();
		assertDomain("search_read", term("category_id", "in", List.of(6)));
		assertThat(ids(rows)).containsExactlyInAnyOrder(9L, 12L);
	}

	@Test
	void likeTakesThePatternAsItIs() {
		List<ResPartner> rows = partners.findByNameLike("%Furniture").collectList().block();
		assertDomain("search_read", term("name", "=like", "%Furniture"));
		assertThat(ids(rows)).containsExactly(11L);
	}

	@Test
	void pagingAndSorting() {
		List<ResPartner> page = partners.findByIsCompanyTrue(PageRequest.of(1, 3, Sort.by("name")))
			.collectList()
			.block();
		OdooTestServer.RecordedCall call = last(server, "search_read");
		assertThat(call.kwargs()).containsEntry("limit", 3L).containsEntry("offset", 3L).containsEntry("order",
				"name asc");
		assertThat(page).hasSize(3);
		List<ResPartner> sorted = partners.findByIsCompanyTrue(Sort.by(Sort.Order.desc("city"), Sort.Order.asc("id")))
			.collectList()
			.block();
		assertThat(last(server, "search_read").kwargs()).containsEntry("order", "city desc, id asc");
		assertThat(sorted).isNotEmpty();
	}

	@Test
	void pageHasTheTotal() {
		Page<ResPartner> page = partners.findPageByIsCompanyTrue(PageRequest.of(0, 2, Sort.by("id"))).block();
		assertThat(page.getContent()).extracting(ResPartner::id).containsExactly(1L, 9L);
		long companies = partners.findByIsCompanyTrue().count().block();
		assertThat(page.getTotalElements()).isEqualTo(companies);
		assertThat(page.getTotalPages()).isEqualTo((int) ((companies + 1) / 2));
		assertThat(last(server, "search_count").kwargs().get("domain")).isNotNull();
	}

	@Test
	void firstWithOrderOnly() {
		ResPartner last = partners.findFirstByOrderByIdDesc().block();
		OdooTestServer.RecordedCall call = last(server, "search_read");
		assertThat(call.kwargs()).containsEntry("limit", 1L).containsEntry("order", "id desc");
		assertDomain("search_read");
		assertThat(last.id()).isGreaterThan(41);
	}

	@Test
	void monoOfOneRefusesSeveralRows() {
		assertThat(partners.findByName("OpenWood").block().id()).isEqualTo(13L);
		assertThat(last(server, "search_read").kwargs()).containsEntry("limit", 2L);
		assertThatThrownBy(() -> partners.findByName("RPC Limited User").block())
			.isInstanceOf(IncorrectResultSizeDataAccessException.class);
	}

	@Test
	void longestNameWinsAfterARelation() {
		partners.findByCountryIdPhoneCodeGreaterThan(30).block();
		assertDomain("search_read", term("country_id.phone_code", ">", 30));
	}

	@Test
	void readsOnlyTheRecordsFields() {
		partners.findByIsCompanyTrue().collectList().block();
		Object fields = last(server, "search_read").kwargs().get("fields");
		assertThat(json.writeValueAsString(fields)).isEqualTo(json.writeValueAsString(
				io.zenoo.client.mapping.RecordMapper.of(ResPartner.class).fieldNames()));
	}

	@Test
	void deleteBySearchesThenUnlinks() {
		try {
			Long deleted = partners.deleteByCity("Stockton").block();
			assertThat(deleted).isEqualTo(2);
			assertDomain("search", term("city", "=", "Stockton"));
			assertThat(last(server, "unlink").kwargs()).isNotNull();
			assertThat(partners.findByCity(Optional.of("Stockton")).collectList().block()).isEmpty();
		}
		finally {
			server.reset();
		}
	}

	@Test
	void badArgumentsAreTypedErrors() {
		assertThatThrownBy(() -> partners.findByCountryIdCodeIn(null).collectList().block())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("country_id.code");
		assertThat(Map.of()).isEmpty();
	}

}
