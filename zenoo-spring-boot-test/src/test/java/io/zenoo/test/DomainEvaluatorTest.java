package io.zenoo.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every domain operator against the demo data as recorded (38 active partners), with expectations computed by hand
 * from {@code res.partner.json}.
 */
class DomainEvaluatorTest {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private final ModelService service = new ModelService(new Store(false), new CallRecorder());

	@SuppressWarnings("unchecked")
	private List<Long> search(String domain) {
		Object parsed = Values.normalize(JSON.readValue(domain, List.class));
		return (List<Long>) this.service.call("jsonrpc", 2, "res.partner", "search", List.of(parsed),
				Map.of("order", "id"), false);
	}

	@Test
	void equalsAndNotEquals() {
		assertThat(search("[[\"name\", \"=\", \"Deco Addict\"]]")).containsExactly(10L);
		List<Long> notTracy = search("[[\"city\", \"!=\", \"Tracy\"]]");
		assertThat(notTracy).hasSize(38 - 11).contains(49L).doesNotContain(12L, 14L, 22L);
		assertThat(search("[[\"city\", \"<>\", \"Tracy\"]]")).isEqualTo(notTracy);
	}

	@Test
	void orderedComparisons() {
		assertThat(search("[[\"customer_rank\", \">\", 0]]")).containsExactly(10L, 15L);
		assertThat(search("[[\"customer_rank\", \">=\", 8]]")).containsExactly(10L);
		assertThat(search("[[\"customer_rank\", \"<\", 3], [\"customer_rank\", \">\", 0]]")).isEmpty();
		assertThat(search("[[\"customer_rank\", \"<=\", 3], [\"customer_rank\", \">\", 0]]")).containsExactly(15L);
		assertThat(search("[[\"city\", \">\", false]]")).isEmpty();
	}

	@Test
	void equalsIfSet() {
		assertThat(search("[[\"city\", \"=?\", false]]")).hasSize(38);
		assertThat(search("[[\"city\", \"=?\", \"Eugene\"]]")).containsExactly(7L);
	}

	@Test
	void likeAndIlikeMeanContains() {
		assertThat(search("[[\"name\", \"like\", \"Deco\"]]")).containsExactly(10L);
		assertThat(search("[[\"name\", \"like\", \"deco\"]]")).isEmpty();
		assertThat(search("[[\"name\", \"ilike\", \"deco\"]]")).containsExactly(10L);
		assertThat(search("[[\"name\", \"like\", \"a_d\"]]")).containsExactly(20L, 27L, 31L, 37L, 38L);
		assertThat(search("[[\"name\", \"ilike\", \"a_d\"]]")).containsExactly(10L, 20L, 27L, 31L, 36L, 37L, 38L);
	}

	@Test
	void negatedLikeKeepsEmptyValues() {
		List<Long> notTracy = search("[[\"city\", \"not ilike\", \"tracy\"]]");
		assertThat(notTracy).hasSize(27).contains(49L);
		assertThat(search("[[\"city\", \"not like\", \"tracy\"]]")).hasSize(38);
	}

	@Test
	void equalsLikeUsesThePatternAsGiven() {
		assertThat(search("[[\"name\", \"=like\", \"D%\"]]")).containsExactly(10L, 19L, 41L);
		assertThat(search("[[\"name\", \"=like\", \"d%\"]]")).isEmpty();
		assertThat(search("[[\"name\", \"=ilike\", \"d%\"]]")).containsExactly(10L, 19L, 41L);
		assertThat(search("[[\"name\", \"=ilike\", \"deco addict\"]]")).containsExactly(10L);
		assertThat(search("[[\"city\", \"=like\", \"Trac_\"]]")).hasSize(11);
		assertThat(search("[[\"name\", \"=like\", \"D\\\\%\"]]")).isEmpty();
	}

	@Test
	void inAndNotIn() {
		assertThat(search("[[\"id\", \"in\", [1, 3, 999]]]")).containsExactly(1L, 3L);
		assertThat(search("[[\"city\", \"in\", [false, \"Eugene\"]]]")).containsExactly(7L, 49L);
		assertThat(search("[[\"country_id\", \"not in\", [233]]]")).containsExactly(13L, 49L);
		assertThat(search("[[\"category_id\", \"in\", [5, 4]]]")).containsExactly(11L, 15L);
	}

	@Test
	void hierarchies() {
		assertThat(search("[[\"id\", \"child_of\", 12]]")).containsExactly(12L, 22L, 25L, 26L, 31L, 37L, 38L, 39L);
		assertThat(search("[[\"id\", \"parent_of\", 22]]")).containsExactly(12L, 22L);
		assertThat(search("[[\"parent_id\", \"child_of\", [12]]]")).containsExactly(22L, 25L, 26L, 31L, 37L, 38L,
				39L);
	}

	@Test
	void anyAndNotAny() {
		assertThat(search("[[\"category_id\", \"any\", [[\"name\", \"=\", \"Services\"]]]]")).containsExactly(15L);
		assertThat(search("[[\"is_company\", \"=\", true], [\"category_id\", \"not any\", [[\"parent_id\", \"=\", 1]]]]"))
			.containsExactly(1L, 13L, 14L, 15L, 16L);
		assertThat(search("[[\"country_id\", \"any\", [[\"code\", \"=\", \"BE\"]]]]")).containsExactly(13L);
	}

	@Test
	void dottedPaths() {
		assertThat(search("[[\"country_id.code\", \"=\", \"BE\"]]")).containsExactly(13L);
		assertThat(search("[[\"child_ids.name\", \"=\", \"Douglas Fletcher\"]]")).containsExactly(10L);
		assertThat(search("[[\"parent_id.parent_id\", \"=\", false], [\"parent_id.name\", \"=\", \"Ready Mat\"]]"))
			.containsExactly(22L, 25L, 26L, 31L, 37L, 38L, 39L);
	}

	@Test
	void prefixOperatorsAndImplicitAnd() {
		assertThat(search("[\"|\", [\"name\", \"=\", \"Deco Addict\"], [\"name\", \"=\", \"Ready Mat\"]]"))
			.containsExactly(10L, 12L);
		assertThat(search("[\"!\", [\"is_company\", \"=\", false]]")).containsExactly(1L, 9L, 10L, 11L, 12L, 13L,
				14L, 15L, 16L);
		assertThat(search("[\"|\", [\"id\", \"=\", 1], [\"id\", \"=\", 3], [\"is_company\", \"=\", true]]"))
			.containsExactly(1L);
		assertThat(search("[\"!\", \"&\", [\"is_company\", \"=\", true], [\"id\", \"!=\", 1], [\"id\", \"<\", 10]]"))
			.containsExactly(1L, 3L, 7L, 8L);
	}

	@Test
	void constantLeaves() {
		assertThat(search("[[1, \"=\", 1]]")).hasSize(38);
		assertThat(search("[[0, \"=\", 1]]")).isEmpty();
		assertThat(search("[]")).hasSize(38);
	}

	@Test
	void comparisonsAgainstFalse() {
		assertThat(search("[[\"parent_id\", \"=\", false], [\"is_company\", \"=\", false]]")).containsExactly(3L, 7L,
				8L, 49L);
		assertThat(search("[[\"email\", \"!=\", false]]")).hasSize(37).doesNotContain(49L);
		assertThat(search("[[\"category_id\", \"=\", false], [\"is_company\", \"=\", true]]")).containsExactly(1L,
				13L, 14L, 16L);
	}

	@Test
	void many2oneAgainstNames() {
		assertThat(search("[[\"country_id\", \"=\", \"Belgium\"]]")).containsExactly(13L);
		assertThat(search("[[\"country_id\", \"ilike\", \"belg\"]]")).containsExactly(13L);
	}

	@Test
	void archivedRecordsOnlyWhenAskedFor() {
		assertThat(search("[[\"active\", \"=\", false]]")).containsExactly(2L, 4L, 5L, 6L);
	}

	@Test
	void malformedDomainsRaiseOdooErrors() {
		assertThatThrownBy(() -> search("[[\"name\", \"==\"]]")).isInstanceOfSatisfying(OdooError.class,
				(error) -> assertThat(error.getMessage()).isEqualTo("not enough values to unpack (expected 3, got 2)"));
		assertThatThrownBy(() -> search("[[\"nope\", \"=\", 1]]")).isInstanceOfSatisfying(OdooError.class,
				(error) -> assertThat(error.getMessage())
					.isEqualTo("Invalid field res.partner.nope in leaf ('nope', '=', 1)"));
		assertThatThrownBy(() -> search("[[\"name\", \"~\", 1]]")).isInstanceOf(OdooError.class)
			.hasMessageContaining("Invalid leaf");
		assertThatThrownBy(() -> search("[\"|\", [\"id\", \"=\", 1]]")).isInstanceOf(OdooError.class)
			.hasMessageContaining("syntactically not correct");
		assertThatThrownBy(() -> search("[[\"country_id.nope\", \"=\", 1]]")).isInstanceOf(OdooError.class)
			.hasMessageContaining("Invalid field res.country.nope");
	}

}
