package io.zenoo.client.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.zenoo.client.domain.Domain.field;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input gets a {@link DomainSyntaxException} naming the problem, never a NullPointerException.
 */
class DomainErrorsTest {

	@Test
	void badPaths() {
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field(null))
			.withMessageContaining("must not be null");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("  "))
			.withMessageContaining("must not be blank");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("country_id..code"))
			.withMessageContaining("empty segment");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("na me"))
			.withMessageContaining("whitespace");
	}

	@Test
	void badBuilderValues() {
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("name").like(null))
			.withMessageContaining("'like' on 'name' must not be null");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("name").startsWith(null))
			.withMessageContaining("must not be null");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("id").in(null))
			.withMessageContaining("'in' on 'id' must not be null");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("c").any(null))
			.withMessageContaining("needs a sub-domain");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("x").eq(new Object()))
			.withMessageContaining("java.lang.Object");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> field("x").eq(Domain.all()))
			.withMessageContaining("does not take a sub-domain");
	}

	@Test
	void nullDomains() {
		Domain a = field("a").eq(1);
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> a.and(null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> a.or(null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.not(null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.allOf(a, null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.anyOf((Domain[]) null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.of(null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse(null));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookups(null));
	}

	@Test
	void badLists() {
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("a", "===", 1))))
			.withMessageContaining("unknown operator '==='")
			.withMessageContaining("at element 0")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.position()).isZero());
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("a", "=", 1), "&", List.of("b", "=", 1))))
			.withMessageContaining("operator '&' at element 1 needs 2 operands, found 1")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.position()).isEqualTo(1));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.of(List.of("|")))
			.withMessageContaining("needs 2 operands, found 0");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.of(List.of("!")))
			.withMessageContaining("operator '!' at element 0 needs 1 operand, found 0");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("id", "in", 5))))
			.withMessageContaining("'in' on 'id' needs a collection or array value");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(Arrays.asList(null, "=", 1))))
			.withMessageContaining("field path of the term at element 0 must be a string, got null");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of(" ", "=", 1))))
			.withMessageContaining("must not be blank");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("a", "=")))).withMessageContaining("3 elements");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(Arrays.asList(List.of("a", "=", 1), null)))
			.withMessageContaining("unexpected null at element 1");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.of(List.of("or")))
			.withMessageContaining("unexpected string 'or'");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(Arrays.asList("a", null, 1))))
			.withMessageContaining("operator of the term at element 0 must be a string");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("c", "any", "x")))).withMessageContaining("sub-domain list");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of("c", "any", List.of(List.of("x", "bad", 1))))))
			.withMessageContaining("in the sub-domain of 'any' at element 0: unknown operator 'bad'");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.of(List.of(List.of(2, "=", 1)))).withMessageContaining("(1, '=', 1)");
	}

	@Test
	void badLiteralsNameThePosition() {
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.parse("[('a', '=', 1)] trailing"))
			.withMessageContaining("position 16")
			.withMessageContaining("unexpected text after the end")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.position()).isEqualTo(16));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('a', '=', 1)"))
			.withMessageContaining("unexpected end");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('a', '=', 'x)]"))
			.withMessageContaining("position 12: unterminated string");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('user_id', '=', uid)]"))
			.withMessageContaining("position 18")
			.withMessageContaining("'uid' is not a literal value");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('a' '=', 1)]"))
			.withMessageContaining("expected ',' or ')'");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse(""))
			.withMessageContaining("must not be blank");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("('a', '=', 1)"))
			.withMessageContaining("must be a list");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('a', '=', 1e)]"))
			.withMessageContaining("invalid number");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('a', '=', @)]"))
			.withMessageContaining("unexpected character '@'");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[" + "[".repeat(100)))
			.withMessageContaining("nests more than");
	}

	@Test
	void semanticErrorsInLiteralsPointAtTheTerm() {
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.parse("[('a', '=', 1), ('b', 'equals', 2)]"))
			.withMessageContaining("unknown operator 'equals' at position 16")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.position()).isEqualTo(16));
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("['&', ('a', '=', 1)]"))
			.withMessageContaining("operator '&' at position 1 needs 2 operands, found 1");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.parse("[('id', 'in', 5)]"))
			.withMessageContaining("needs a collection or array value")
			.withMessageContaining("position 1");
		assertThatExceptionOfType(DomainSyntaxException.class)
			.isThrownBy(() -> Domain.parse("[('c', 'any', [('x', 'is', 1)])]"))
			.withMessageContaining("unknown operator 'is' at position 15")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.position()).isEqualTo(15));
	}

	@Test
	void badLookups() {
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup(null, 1))
			.withMessageContaining("must not be null");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup(" ", 1))
			.withMessageContaining("must not be blank");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup("name__", 1))
			.withMessageContaining("ends with '__'");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup("__", 1))
			.withMessageContaining("empty field name");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup("id__in", 5))
			.withMessageContaining("'in' on 'id' needs a collection or array value, got a Integer");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup("email__isnull", null))
			.withMessageContaining("needs true or false");
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookup("name__ilike", 3))
			.withMessageContaining("needs a string value");
		Map<String, Object> map = new HashMap<>();
		map.put(null, 1);
		assertThatExceptionOfType(DomainSyntaxException.class).isThrownBy(() -> Domain.lookups(map));
	}

}
