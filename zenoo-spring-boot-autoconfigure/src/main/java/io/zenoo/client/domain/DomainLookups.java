package io.zenoo.client.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * Lookup strings ({@code country_id__code__in}) to domains; the syntax is described on
 * {@link Domain#lookups(Map)}.
 */
final class DomainLookups {

	private static final Map<String, BiFunction<FieldPredicate, @Nullable Object, Domain>> SUFFIXES = Map.ofEntries(
			Map.entry("exact", FieldPredicate::eq), Map.entry("eq", FieldPredicate::eq),
			Map.entry("ne", FieldPredicate::ne), Map.entry("neq", FieldPredicate::ne),
			Map.entry("gt", FieldPredicate::gt), Map.entry("gte", FieldPredicate::ge),
			Map.entry("lt", FieldPredicate::lt), Map.entry("lte", FieldPredicate::le),
			Map.entry("eq_or_unset", FieldPredicate::eqOrUnset),
			Map.entry("like", (f, v) -> f.like(text(f, "like", v))),
			Map.entry("ilike", (f, v) -> f.ilike(text(f, "ilike", v))),
			Map.entry("not_like", (f, v) -> f.notLike(text(f, "not_like", v))),
			Map.entry("not_ilike", (f, v) -> f.notIlike(text(f, "not_ilike", v))),
			Map.entry("contains", (f, v) -> f.contains(text(f, "contains", v))),
			Map.entry("icontains", (f, v) -> f.containsIgnoreCase(text(f, "icontains", v))),
			Map.entry("startswith", (f, v) -> f.startsWith(text(f, "startswith", v))),
			Map.entry("istartswith", (f, v) -> f.startsWithIgnoreCase(text(f, "istartswith", v))),
			Map.entry("endswith", (f, v) -> f.endsWith(text(f, "endswith", v))),
			Map.entry("iendswith", (f, v) -> f.endsWithIgnoreCase(text(f, "iendswith", v))),
			Map.entry("iexact", (f, v) -> f.equalsIgnoreCase(text(f, "iexact", v))),
			Map.entry("in", (f, v) -> f.in(collection(f, "in", v))),
			Map.entry("not_in", (f, v) -> f.notIn(collection(f, "not_in", v))),
			Map.entry("child_of", FieldPredicate::childOf), Map.entry("parent_of", FieldPredicate::parentOf),
			Map.entry("isnull", DomainLookups::isNull));

	private DomainLookups() {
	}

	static Domain lookup(@Nullable String lookup, @Nullable Object value) {
		if (lookup == null) {
			throw new DomainSyntaxException("A lookup must not be null");
		}
		if (lookup.isBlank()) {
			throw new DomainSyntaxException("A lookup must not be blank");
		}
		List<String> parts = split(lookup);
		BiFunction<FieldPredicate, @Nullable Object, Domain> operator = (parts.size() > 1)
				? SUFFIXES.get(parts.get(parts.size() - 1)) : null;
		if (operator != null) {
			parts = parts.subList(0, parts.size() - 1);
		}
		else {
			operator = FieldPredicate::eq;
		}
		FieldPredicate field;
		try {
			field = Domain.field(String.join(".", parts));
		}
		catch (DomainSyntaxException ex) {
			throw new DomainSyntaxException("Invalid lookup '" + lookup + "': " + ex.getMessage());
		}
		return operator.apply(field, value);
	}

	/**
	 * Splits on {@code __}; a part may itself start with {@code __} ({@code __last_update}).
	 */
	private static List<String> split(String lookup) {
		List<String> parts = new ArrayList<>(4);
		int index = 0;
		while (true) {
			int start = index;
			if (lookup.startsWith("__", index)) {
				index += 2;
			}
			int separator = lookup.indexOf("__", index);
			String part = (separator < 0) ? lookup.substring(start) : lookup.substring(start, separator);
			if (part.chars().noneMatch(Character::isLetterOrDigit)) {
				throw new DomainSyntaxException("Invalid lookup '" + lookup + "': empty field name at offset " + start,
						start);
			}
			parts.add(part);
			if (separator < 0) {
				return parts;
			}
			index = separator + 2;
			if (index >= lookup.length()) {
				throw new DomainSyntaxException("Invalid lookup '" + lookup + "': it ends with '__'", separator);
			}
		}
	}

	private static String text(FieldPredicate field, String suffix, @Nullable Object value) {
		if (!(value instanceof String text)) {
			throw new DomainSyntaxException("The lookup '" + suffix + "' on '" + field.path()
					+ "' needs a string value, got " + DomainReader.describe(value));
		}
		return text;
	}

	private static Collection<?> collection(FieldPredicate field, String suffix, @Nullable Object value) {
		if (value instanceof Collection<?> collection) {
			return collection;
		}
		if (value != null && value.getClass().isArray()) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
				list.add(java.lang.reflect.Array.get(value, i));
			}
			return list;
		}
		throw new DomainSyntaxException("The lookup '" + suffix + "' on '" + field.path()
				+ "' needs a collection or array value, got " + DomainReader.describe(value));
	}

	private static Domain isNull(FieldPredicate field, @Nullable Object value) {
		if (!(value instanceof Boolean isNull)) {
			throw new DomainSyntaxException("The lookup 'isnull' on '" + field.path()
					+ "' needs true or false, got " + DomainReader.describe(value));
		}
		return isNull ? field.isNotSet() : field.isSet();
	}

}
