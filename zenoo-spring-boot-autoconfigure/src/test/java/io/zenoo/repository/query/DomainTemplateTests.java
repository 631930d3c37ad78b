package io.zenoo.repository.query;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Placeholders in {@code @OdooQuery} domains.
 */
class DomainTemplateTests {

	@Test
	void placeholdersInsideStringsAreText() {
		DomainTemplate template = DomainTemplate.parse("[('name','=','?0'),('ref','=',?0)]");
		assertThat(template.parameterCount()).isEqualTo(1);
		assertThat(template.bind(new Object[] { "x" }).toList())
			.isEqualTo(List.of(List.of("name", "=", "?0"), List.of("ref", "=", "x")));
	}

	@Test
	void listArgumentsForIn() {
		DomainTemplate template = DomainTemplate.parse("[[\"id\", \"in\", ?0], [\"active\", \"=\", ?1]]");
		assertThat(template.bind(new Object[] { List.of(1, 2), true }).toList())
			.isEqualTo(List.of(List.of("id", "in", List.of(1L, 2L)), List.of("active", "=", true)));
	}

	@Test
	void skippedIndexIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainTemplate.parse("[('a','=',?1)]"))
			.withMessageContaining("skip an index");
	}

	@Test
	void syntaxErrorsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainTemplate.parse("[('a','=',?0"));
	}

}
