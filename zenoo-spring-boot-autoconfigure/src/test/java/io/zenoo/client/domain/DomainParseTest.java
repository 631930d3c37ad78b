package io.zenoo.client.domain;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.zenoo.client.domain.Domain.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Domain#parse(String)} and {@link Domain#of(List)} read what Odoo users write, and round-trip.
 */
class DomainParseTest {

	@Test
	void parsesThePythonLiteralFromTheBrief() {
		Domain domain = Domain.parse("[('is_company','=',True),'|',('a','!=',False),('b','in',[1,2])]");
		assertThat(domain.toList()).containsExactly(List.of("is_company", "=", true), "|", List.of("a", "!=", false),
				List.of("b", "in", List.of(1L, 2L)));
		assertThat(domain)
			.isEqualTo(field("is_company").eq(true).and(field("a").ne(null).or(field("b").in(List.of(1, 2)))));
	}

	@Test
	void parsesJsonStyle() {
		Domain domain = Domain.parse("[\"|\", [\"name\", \"ilike\", \"deco\"], [\"parent_id\", \"=\", null], "
				+ "[\"active\", \"=\", true], [\"rate\", \">\", 1.5e0]]");
		assertThat(domain).isEqualTo(field("name").ilike("deco").or(field("parent_id").isNotSet())
			.and(field("active").eq(true))
			.and(field("rate").gt(1.5)));
	}

	@Test
	void pythonDetails() {
		assertThat(Domain.parse("[('id', 'in', (1, 2,))]")).isEqualTo(field("id").in(List.of(1, 2)));
		assertThat(Domain.parse("[('id', 'in', (7,))]")).isEqualTo(field("id").in(List.of(7)));
		assertThat(Domain.parse("[('x', '=', None)]")).isEqualTo(field("x").isNotSet());
		assertThat(Domain.parse("[('name', '=', u'caf\\xe9'), ]")).isEqualTo(field("name").eq("café"));
		assertThat(Domain.parse("[('name', '=', 'it\\'s \"ok\"\\n')]")).isEqualTo(field("name").eq("it's \"ok\"\n"));
		assertThat(Domain.parse("  [ ( 'rank' , '>=' , -3 ) ]  ")).isEqualTo(field("rank").ge(-3));
		assertThat(Domain.parse("[('NAME', 'NOT ILIKE', 'x')]").toList())
			.containsExactly(List.of("NAME", "not ilike", "x"));
		assertThat(Domain.parse("[]").isAll()).isTrue();
		assertThat(Domain.parse("[(1, '=', 1)]").isAll()).isTrue();
		assertThat(Domain.parse("[(0, '=', 1)]")).isEqualTo(Domain.none());
	}

	@Test
	void parsesAnyWithASubDomain() {
		Domain domain = Domain.parse("[('country_id', 'any', [('code', 'in', ['BE', 'FR'])])]");
		assertThat(domain).isEqualTo(field("country_id").any(field("code").in(List.of("BE", "FR"))));
	}

	@Test
	void consecutiveTermsAfterAnOrAreAndedWithIt() {
		// Odoo reads ['|', A, B, C] as (A or B) and C
		Domain domain = Domain.parse("['|', ('a', '=', 1), ('b', '=', 2), ('c', '=', 3)]");
		assertThat(domain).isEqualTo(field("a").eq(1).or(field("b").eq(2)).and(field("c").eq(3)));
	}

	@Test
	void toStringRoundTripsThroughParse() {
		List<Domain> domains = List.of(Domain.all(), Domain.none(), field("a").eq(1).or(field("b").eq("x'y\\z")),
				field("a").eq(1).or(field("b").eq(2)).and(field("c").eq(3).or(field("d").eq(4)).not()),
				field("country_id").any(field("code").eq("BE").not()), field("rate").gt(1.0E20),
				field("amount").gt(new java.math.BigDecimal("12345678901234567890.123")), field("tab").eq("a\tb\u0001"),
				field("id").in(List.of(1, 2, 3)).and(field("d").ge(java.time.LocalDate.of(2026, 1, 2))),
				field("big").eq(new java.math.BigInteger("123456789012345678901234567890")),
				field("m").eq(java.util.Map.of("k", List.of(1, true))));
		for (Domain domain : domains) {
			assertThat(Domain.parse(domain.toString())).as(domain.toString()).isEqualTo(domain);
		}
	}

	@Test
	void ofRoundTripsThroughToList() {
		Domain domain = field("a").eq(1)
			.or(field("b").in(List.of("x", "y")))
			.and(field("country_id").notAny(field("code").eq("BE")).not());
		assertThat(Domain.of(domain.toList())).isEqualTo(domain);
		assertThat(Domain.of(domain.toList()).toList()).isEqualTo(domain.toList());
	}

	@Test
	void ofAcceptsJavaValuesAndNulls() {
		assertThat(Domain.of(List.of("!", Arrays.asList("parent_id", "=", null))))
			.isEqualTo(field("parent_id").isNotSet().not());
		assertThat(Domain.of(List.of(List.of("d", "=", java.time.LocalDate.of(2026, 3, 4)))).toList())
			.containsExactly(List.of("d", "=", "2026-03-04"));
		assertThat(Domain.of(List.of("&", List.of("a", "=", 1), List.of("b", "=", 2))))
			.isEqualTo(field("a").eq(1).and(field("b").eq(2)));
	}

}
