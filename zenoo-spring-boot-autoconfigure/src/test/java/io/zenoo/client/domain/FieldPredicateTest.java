package io.zenoo.client.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import io.zenoo.client.model.Many2One;
import org.junit.jupiter.api.Test;

import static io.zenoo.client.domain.Domain.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator and convenience of {@link FieldPredicate} produces the literal Odoo expects.
 */
class FieldPredicateTest {

	private static List<Object> term(String path, String operator, Object value) {
		return List.of(path, operator, value);
	}

	@Test
	void comparisonOperators() {
		assertThat(field("name").eq("Acme").toList()).containsExactly(term("name", "=", "Acme"));
		assertThat(field("name").ne("Acme").toList()).containsExactly(term("name", "!=", "Acme"));
		assertThat(field("customer_rank").gt(1).toList()).containsExactly(term("customer_rank", ">", 1L));
		assertThat(field("customer_rank").ge(1).toList()).containsExactly(term("customer_rank", ">=", 1L));
		assertThat(field("customer_rank").lt(2L).toList()).containsExactly(term("customer_rank", "<", 2L));
		assertThat(field("customer_rank").le(2L).toList()).containsExactly(term("customer_rank", "<=", 2L));
		assertThat(field("user_id").eqOrUnset(null).toList()).containsExactly(term("user_id", "=?", false));
		assertThat(field("user_id").eqOrUnset(6).toList()).containsExactly(term("user_id", "=?", 6L));
	}

	@Test
	void textOperatorsPassTheValueAsGiven() {
		assertThat(field("name").like("ac%me").toList()).containsExactly(term("name", "like", "ac%me"));
		assertThat(field("name").notLike("x").toList()).containsExactly(term("name", "not like", "x"));
		assertThat(field("name").ilike("acme").toList()).containsExactly(term("name", "ilike", "acme"));
		assertThat(field("name").notIlike("acme").toList()).containsExactly(term("name", "not ilike", "acme"));
		assertThat(field("name").eqLike("A_c%").toList()).containsExactly(term("name", "=like", "A_c%"));
		assertThat(field("name").eqIlike("a%").toList()).containsExactly(term("name", "=ilike", "a%"));
	}

	@Test
	void listAndHierarchyOperators() {
		assertThat(field("id").in(List.of(1, 2, 3)).toList()).containsExactly(term("id", "in", List.of(1L, 2L, 3L)));
		assertThat(field("state").notIn(List.of("cancel")).toList())
			.containsExactly(term("state", "not in", List.of("cancel")));
		assertThat(field("id").in(Set.of()).toList()).containsExactly(term("id", "in", List.of()));
		assertThat(field("categ_id").childOf(1).toList()).containsExactly(term("categ_id", "child_of", 1L));
		assertThat(field("categ_id").parentOf(List.of(4, 5)).toList())
			.containsExactly(term("categ_id", "parent_of", List.of(4L, 5L)));
	}

	@Test
	void anyTakesASubDomainInListForm() {
		Domain sub = field("code").eq("BE").or(field("code").eq("FR"));
		assertThat(field("country_id").any(sub).toList()).containsExactly(
				term("country_id", "any", List.of("|", term("code", "=", "BE"), term("code", "=", "FR"))));
		assertThat(field("category_id").notAny(field("name").eq("Vendor")).toList())
			.containsExactly(term("category_id", "not any", List.of(term("name", "=", "Vendor"))));
		assertThat(field("country_id").any(sub)).hasToString("[('country_id', 'any', ['|', ('code', '=', 'BE'), "
				+ "('code', '=', 'FR')])]");
	}

	@Test
	void containsIsLikeAndNotAnAnchoredPattern() {
		assertThat(field("name").contains("Acme").toList()).containsExactly(term("name", "like", "Acme"));
		assertThat(field("name").containsIgnoreCase("acme").toList()).containsExactly(term("name", "ilike", "acme"));
	}

	@Test
	void startsAndEndsWithUseEqLikeWithTheValueEscaped() {
		assertThat(field("name").startsWith("Deco").toList()).containsExactly(term("name", "=like", "Deco%"));
		assertThat(field("name").startsWithIgnoreCase("deco").toList())
			.containsExactly(term("name", "=ilike", "deco%"));
		assertThat(field("name").endsWith("Addict").toList()).containsExactly(term("name", "=like", "%Addict"));
		assertThat(field("name").endsWithIgnoreCase("addict").toList())
			.containsExactly(term("name", "=ilike", "%addict"));
		assertThat(field("ref").startsWith("100%_a\\b").toList())
			.containsExactly(term("ref", "=like", "100\\%\\_a\\\\b%"));
		assertThat(field("ref").endsWith("_x").toList()).containsExactly(term("ref", "=like", "%\\_x"));
	}

	@Test
	void equalsIgnoreCaseIsEqIlikeEscapedNotIlike() {
		assertThat(field("email").equalsIgnoreCase("A_B@x.com").toList())
			.containsExactly(term("email", "=ilike", "A\\_B@x.com"));
	}

	@Test
	void isSetAndIsNotSetCompareWithFalse() {
		assertThat(field("email").isSet().toList()).containsExactly(term("email", "!=", false));
		assertThat(field("email").isNotSet().toList()).containsExactly(term("email", "=", false));
		assertThat(field("email").eq(null)).isEqualTo(field("email").isNotSet());
	}

	@Test
	void valuesAreConvertedForTheWire() {
		assertThat(field("date").ge(LocalDate.of(2026, 1, 31)).toList())
			.containsExactly(term("date", ">=", "2026-01-31"));
		assertThat(field("create_date").lt(LocalDateTime.of(2026, 11, 24, 20, 53, 18, 999)).toList())
			.containsExactly(term("create_date", "<", "2026-11-24 20:53:18"));
		assertThat(field("country_id").eq(new Many2One(233, "United States")).toList())
			.containsExactly(term("country_id", "=", 233L));
		assertThat(field("amount_total").gt(new java.math.BigDecimal("1740.00")).toList())
			.containsExactly(term("amount_total", ">", 1740.0));
		assertThat(field("partner_id").in(List.of(new Many2One(10, "Deco Addict"), Many2One.of(11))).toList())
			.containsExactly(term("partner_id", "in", List.of(10L, 11L)));
	}

	@Test
	void dottedPathsFollowRelations() {
		assertThat(field("country_id.code").eq("BE").toList()).containsExactly(term("country_id.code", "=", "BE"));
		assertThat(field("country_id.code").eq("BE")).hasToString("[('country_id.code', '=', 'BE')]");
	}

	@Test
	void toStringIsThePythonLiteral() {
		assertThat(field("is_company").eq(true)).hasToString("[('is_company', '=', True)]");
		assertThat(field("parent_id").eq(null)).hasToString("[('parent_id', '=', False)]");
		assertThat(field("name").eq("O'Neil \\ co")).hasToString("[('name', '=', 'O\\'Neil \\\\ co')]");
		assertThat(field("id").in(List.of(1, 2))).hasToString("[('id', 'in', [1, 2])]");
		assertThat(field("rate").gt(1.5)).hasToString("[('rate', '>', 1.5)]");
	}

}
