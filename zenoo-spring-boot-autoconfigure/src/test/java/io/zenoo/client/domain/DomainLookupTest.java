package io.zenoo.client.domain;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.zenoo.client.domain.Domain.field;
import static io.zenoo.client.domain.Domain.lookup;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookup strings as the seed's Python API writes them.
 */
class DomainLookupTest {

	private static List<Object> only(Domain domain) {
		assertThat(domain.toList()).hasSize(1);
		return new java.util.ArrayList<Object>((List<?>) domain.toList().get(0));
	}

	@Test
	void everySuffix() {
		assertThat(only(lookup("name", "x"))).containsExactly("name", "=", "x");
		assertThat(only(lookup("name__exact", "x"))).containsExactly("name", "=", "x");
		assertThat(only(lookup("name__eq", "x"))).containsExactly("name", "=", "x");
		assertThat(only(lookup("name__ne", "x"))).containsExactly("name", "!=", "x");
		assertThat(only(lookup("name__neq", "x"))).containsExactly("name", "!=", "x");
		assertThat(only(lookup("rank__gt", 1))).containsExactly("rank", ">", 1L);
		assertThat(only(lookup("rank__gte", 1))).containsExactly("rank", ">=", 1L);
		assertThat(only(lookup("rank__lt", 1))).containsExactly("rank", "<", 1L);
		assertThat(only(lookup("rank__lte", 1))).containsExactly("rank", "<=", 1L);
		assertThat(only(lookup("name__like", "x"))).containsExactly("name", "like", "x");
		assertThat(only(lookup("name__ilike", "x"))).containsExactly("name", "ilike", "x");
		assertThat(only(lookup("name__not_like", "x"))).containsExactly("name", "not like", "x");
		assertThat(only(lookup("name__not_ilike", "x"))).containsExactly("name", "not ilike", "x");
		assertThat(only(lookup("name__contains", "x"))).containsExactly("name", "like", "x");
		assertThat(only(lookup("name__icontains", "x"))).containsExactly("name", "ilike", "x");
		assertThat(only(lookup("name__startswith", "a_"))).containsExactly("name", "=like", "a\\_%");
		assertThat(only(lookup("name__istartswith", "a"))).containsExactly("name", "=ilike", "a%");
		assertThat(only(lookup("name__endswith", "z"))).containsExactly("name", "=like", "%z");
		assertThat(only(lookup("name__iendswith", "z"))).containsExactly("name", "=ilike", "%z");
		assertThat(only(lookup("name__iexact", "Deco%"))).containsExactly("name", "=ilike", "Deco\\%");
		assertThat(only(lookup("id__in", List.of(1, 2)))).containsExactly("id", "in", List.of(1L, 2L));
		assertThat(only(lookup("id__in", new long[] { 3, 4 }))).containsExactly("id", "in", List.of(3L, 4L));
		assertThat(only(lookup("id__not_in", List.of(1)))).containsExactly("id", "not in", List.of(1L));
		assertThat(only(lookup("categ_id__child_of", 1))).containsExactly("categ_id", "child_of", 1L);
		assertThat(only(lookup("categ_id__parent_of", 9))).containsExactly("categ_id", "parent_of", 9L);
		assertThat(only(lookup("email__isnull", true))).containsExactly("email", "=", false);
		assertThat(only(lookup("email__isnull", false))).containsExactly("email", "!=", false);
		assertThat(only(lookup("user_id__eq_or_unset", null))).containsExactly("user_id", "=?", false);
	}

	@Test
	void earlierDoubleUnderscoresAreRelationHops() {
		assertThat(only(lookup("country_id__code__in", List.of("BE", "FR"))))
			.containsExactly("country_id.code", "in", List.of("BE", "FR"));
		assertThat(only(lookup("parent_id__country_id__code", "BE"))).containsExactly("parent_id.country_id.code",
				"=", "BE");
		assertThat(only(lookup("country_id.code__ilike", "b"))).containsExactly("country_id.code", "ilike", "b");
	}

	@Test
	void unknownSuffixIsAFieldName() {
		assertThat(only(lookup("name__startswit", "x"))).containsExactly("name.startswit", "=", "x");
		assertThat(only(lookup("in", 3))).containsExactly("in", "=", 3L);
	}

	@Test
	void lastUpdateKeepsItsLeadingUnderscores() {
		LocalDateTime t = LocalDateTime.of(2026, 11, 24, 20, 53, 18);
		assertThat(only(lookup("__last_update", t))).containsExactly("__last_update", "=", "2026-11-24 20:53:18");
		assertThat(only(lookup("__last_update__gte", t))).containsExactly("__last_update", ">=", "2026-11-24 20:53:18");
		assertThat(only(lookup("parent_id____last_update__lt", t))).containsExactly("parent_id.__last_update", "<",
				"2026-11-24 20:53:18");
	}

	@Test
	void lookupsAreAndedInMapOrder() {
		Map<String, Object> lookups = new LinkedHashMap<>();
		lookups.put("name__ilike", "x");
		lookups.put("create_date__gte", LocalDateTime.of(2026, 1, 1, 0, 0));
		lookups.put("is_company", true);
		assertThat(Domain.lookups(lookups)).isEqualTo(field("name").ilike("x")
			.and(field("create_date").ge("2026-01-01 00:00:00"))
			.and(field("is_company").eq(true)));
		assertThat(Domain.lookups(Map.of()).isAll()).isTrue();
	}

}
