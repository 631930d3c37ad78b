package io.zenoo.client;

import java.util.List;

import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Odoo operator, built with the Domain DSL or a lookup string, sent through the client and evaluated by the
 * test server: the rows are the ones computed by hand from the demo data, and the domain on the wire is the literal
 * Odoo expects. Partners are limited to ids up to 41 (the stock demo partners) and active ones (Odoo's default).
 */
class DomainRoundTripTests {

	private static final JsonMapper json = JsonMapper.shared();

	private static OdooTestServer server;

	private static ZenooClient client;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		client = TestClients.admin(server);
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	private static List<Long> ids(Domain domain) {
		return client.model(ResPartner.class).filter(Domain.field("id").le(41)).filter(domain).orderBy("id").ids()
			.block();
	}

	private static void assertSent(Object... expectedTermsAfterIdBound) {
		List<OdooTestServer.RecordedCall> calls = server.calls().all();
		OdooTestServer.RecordedCall last = calls.get(calls.size() - 1);
		assertThat(last.method()).isEqualTo("search");
		String sent = json.writeValueAsString(last.kwargs().get("domain"));
		String expected = json.writeValueAsString(List.of(expectedTermsAfterIdBound));
		assertThat(sent).isEqualTo(expected);
	}

	private static List<Object> term(String field, String operator, Object value) {
		return List.of(field, operator, value);
	}

	private static final List<Object> ID_BOUND = List.of("id", "<=", 41);

	@Test
	void eq() {
		assertThat(ids(Domain.field("name").eq("Azure Interior"))).containsExactly(15L);
		assertSent(ID_BOUND, term("name", "=", "Azure Interior"));
	}

	@Test
	void ne() {
		assertThat(ids(Domain.field("is_company").ne(true).and(Domain.field("id").le(16)))).containsExactly(3L, 7L,
				8L);
		assertSent(ID_BOUND, term("is_company", "!=", true), term("id", "<=", 16));
	}

	@Test
	void comparisons() {
		assertThat(ids(Domain.field("customer_rank").gt(0))).containsExactly(10L, 15L);
		assertSent(ID_BOUND, term("customer_rank", ">", 0));
		assertThat(ids(Domain.field("customer_rank").ge(8))).containsExactly(10L);
		assertSent(ID_BOUND, term("customer_rank", ">=", 8));
		assertThat(ids(Domain.field("id").lt(4))).containsExactly(1L, 3L);
		assertSent(ID_BOUND, term("id", "<", 4));
		assertThat(ids(Domain.field("id").le(3))).containsExactly(1L, 3L);
		assertSent(ID_BOUND, term("id", "<=", 3));
	}

	@Test
	void eqOrUnset() {
		assertThat(ids(Domain.field("parent_id").eqOrUnset(12))).containsExactly(22L, 25L, 26L, 31L, 37L, 38L, 39L);
		assertSent(ID_BOUND, term("parent_id", "=?", 12));
		// '=?' with no value is always true: every active stock partner.
		assertThat(ids(Domain.field("parent_id").eqOrUnset(null))).hasSize(37);
		assertSent(ID_BOUND, term("parent_id", "=?", false));
	}

	@Test
	void likeIsCaseSensitiveContains() {
		assertThat(ids(Domain.field("name").like("Wood"))).containsExactly(9L, 13L);
		assertSent(ID_BOUND, term("name", "like", "Wood"));
		assertThat(ids(Domain.field("name").like("wood"))).isEmpty();
	}

	@Test
	void ilikeIsCaseInsensitiveContains() {
		assertThat(ids(Domain.field("name").ilike("WOOD"))).containsExactly(9L, 13L);
		assertSent(ID_BOUND, term("name", "ilike", "WOOD"));
	}

	@Test
	void notLikeAndNotIlike() {
		assertThat(ids(Domain.field("name").notLike("e"))).containsExactly(1L, 18L, 22L, 32L, 33L, 36L);
		assertSent(ID_BOUND, term("name", "not like", "e"));
		assertThat(ids(Domain.field("name").notIlike("E"))).containsExactly(1L, 18L, 22L, 32L, 33L, 36L);
		assertSent(ID_BOUND, term("name", "not ilike", "E"));
	}

	@Test
	void patternsAndStartsWith() {
		List<Long> startingWithT = List.of(14L, 29L, 31L, 33L, 39L);
		assertThat(ids(Domain.field("name").eqLike("T%"))).isEqualTo(startingWithT);
		assertSent(ID_BOUND, term("name", "=like", "T%"));
		assertThat(ids(Domain.field("name").eqIlike("t%"))).isEqualTo(startingWithT);
		assertSent(ID_BOUND, term("name", "=ilike", "t%"));
		assertThat(ids(Domain.field("name").startsWith("T"))).isEqualTo(startingWithT);
		assertSent(ID_BOUND, term("name", "=like", "T%"));
		assertThat(ids(Domain.field("name").startsWithIgnoreCase("t"))).isEqualTo(startingWithT);
		// 'startswith' must not be 'ilike' (contains): "Tom" appears only at the start of one name.
		assertThat(ids(Domain.field("name").startsWith("om"))).isEmpty();
		// wildcards in the value are escaped, so '_' matches only itself.
		assertThat(ids(Domain.field("name").startsWith("To_"))).isEmpty();
		assertThat(ids(Domain.field("name").equalsIgnoreCase("tom ruiz"))).containsExactly(33L);
		assertSent(ID_BOUND, term("name", "=ilike", "tom ruiz"));
	}

	@Test
	void inAndNotIn() {
		assertThat(ids(Domain.field("id").in(List.of(9, 10, 999)))).containsExactly(9L, 10L);
		assertSent(ID_BOUND, term("id", "in", List.of(9, 10, 999)));
		assertThat(ids(Domain.field("id").notIn(List.of(1, 3, 7)).and(Domain.field("id").le(9))))
			.containsExactly(8L, 9L);
		assertSent(ID_BOUND, term("id", "not in", List.of(1, 3, 7)), term("id", "<=", 9));
	}

	@Test
	void hierarchyOperators() {
		assertThat(ids(Domain.field("id").childOf(12))).containsExactly(12L, 22L, 25L, 26L, 31L, 37L, 38L, 39L);
		assertSent(ID_BOUND, term("id", "child_of", 12));
		assertThat(ids(Domain.field("id").parentOf(22))).containsExactly(12L, 22L);
		assertSent(ID_BOUND, term("id", "parent_of", 22));
	}

	@Test
	void anyAndNotAnyOverRelations() {
		Domain desk = Domain.field("name").eq("Desk Manufacturers");
		assertThat(ids(Domain.field("category_id").any(desk))).containsExactly(9L, 10L, 11L, 12L);
		assertSent(ID_BOUND, term("category_id", "any", List.of(term("name", "=", "Desk Manufacturers"))));
		assertThat(ids(Domain.field("category_id").notAny(desk).and(Domain.field("is_company").eq(true))))
			.containsExactly(1L, 13L, 14L, 15L, 16L);
	}

	@Test
	void dottedPathsFollowMany2one() {
		assertThat(ids(Domain.field("country_id.code").eq("BE"))).containsExactly(13L);
		assertSent(ID_BOUND, term("country_id.code", "=", "BE"));
	}

	@Test
	void orAndNotUsePrefixNotation() {
		Domain tracyCompanies = Domain.field("is_company").eq(true).and(Domain.field("city").eq("Tracy"));
		assertThat(ids(tracyCompanies.or(Domain.field("name").eq("Tom Ruiz")))).containsExactly(12L, 14L, 33L);
		assertSent(ID_BOUND, "|", "&", term("is_company", "=", true), term("city", "=", "Tracy"),
				term("name", "=", "Tom Ruiz"));
		assertThat(ids(tracyCompanies.not().and(Domain.field("id").le(16)))).containsExactly(1L, 3L, 7L, 8L, 9L, 10L,
				11L, 13L, 15L, 16L);
		assertSent(ID_BOUND, "!", "&", term("is_company", "=", true), term("city", "=", "Tracy"),
				term("id", "<=", 16));
		Domain three = Domain.anyOf(Domain.field("id").eq(9), Domain.field("id").eq(10), Domain.field("id").eq(11));
		assertThat(ids(three)).containsExactly(9L, 10L, 11L);
		assertSent(ID_BOUND, "|", "|", term("id", "=", 9), term("id", "=", 10), term("id", "=", 11));
	}

	@Test
	void lookupStringsMapOntoTheSameOperators() {
		assertThat(ids(Domain.lookup("name__istartswith", "t"))).containsExactly(14L, 29L, 31L, 33L, 39L);
		assertSent(ID_BOUND, term("name", "=ilike", "t%"));
		assertThat(ids(Domain.lookup("country_id__code__in", List.of("BE")))).containsExactly(13L);
		assertSent(ID_BOUND, term("country_id.code", "in", List.of("BE")));
		assertThat(ids(Domain.lookup("parent_id__child_of", 12))).containsExactly(22L, 25L, 26L, 31L, 37L, 38L,
				39L);
		assertThat(ids(Domain.lookup("name__iexact", "OPENWOOD"))).containsExactly(13L);
		assertSent(ID_BOUND, term("name", "=ilike", "OPENWOOD"));
		assertThat(ids(Domain.lookup("customer_rank__gte", 3))).containsExactly(10L, 15L);
		assertThat(ids(Domain.lookup("name__icontains", "wood"))).containsExactly(9L, 13L);
	}

	@Test
	void parsedLiteralDomainsEvaluateTheSame() {
		Domain parsed = Domain.parse("['|', ('name', '=like', 'T%'), ('country_id.code', '=', 'BE')]");
		assertThat(ids(parsed)).containsExactly(13L, 14L, 29L, 31L, 33L, 39L);
	}

}
