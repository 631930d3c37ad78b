package io.zenoo.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates a parsed {@link Domain} against records of the store, with Odoo 18 semantics: nulls for negative operators,
 * SQL {@code LIKE} patterns, dotted paths as {@code any} over relations, hierarchies for {@code child_of} and
 * {@code parent_of}.
 */
final class DomainEvaluator {

	private final Store store;

	private final boolean activeTest;

	DomainEvaluator(Store store, boolean activeTest) {
		this.store = store;
		this.activeTest = activeTest;
	}

	boolean matches(Domain.Node node, ModelDef model, Map<String, Object> record) {
		if (node instanceof Domain.Const constant) {
			return constant.value();
		}
		if (node instanceof Domain.And and) {
			return matches(and.left(), model, record) && matches(and.right(), model, record);
		}
		if (node instanceof Domain.Or or) {
			return matches(or.left(), model, record) || matches(or.right(), model, record);
		}
		if (node instanceof Domain.Not not) {
			return !matches(not.child(), model, record);
		}
		return leaf((Domain.Leaf) node, model, record);
	}

	private boolean leaf(Domain.Leaf leaf, ModelDef model, Map<String, Object> record) {
		FieldDef field = model.field(leaf.path().get(0));
		if (leaf.path().size() > 1) {
			Domain.Leaf rest = new Domain.Leaf(leaf.path().subList(1, leaf.path().size()), leaf.operator(),
					leaf.value(), leaf.original());
			return related(field, record).stream()
				.anyMatch((target) -> leaf(rest, this.store.model(field.relation()), target));
		}
		String operator = leaf.operator();
		Object value = leaf.value();
		switch (operator) {
			case "any":
				return anyRelated(field, record, (Domain.Node) value);
			case "not any":
				return !anyRelated(field, record, (Domain.Node) value);
			case "=?":
				return Values.isFalse(value) || compare(field, model, record, "=", value);
			case "child_of":
			case "parent_of":
				return hierarchy(field, model, record, operator, value);
			default:
				return compare(field, model, record, operator, value);
		}
	}

	private boolean anyRelated(FieldDef field, Map<String, Object> record, Domain.Node subdomain) {
		ModelDef comodel = this.store.model(field.relation());
		Domain.Node effective = subdomain;
		if (this.activeTest && comodel.hasField("active")) {
			effective = new Domain.And(subdomain, new Domain.Leaf(List.of("active"), "=", true, List.of()));
		}
		for (Map<String, Object> target : related(field, record)) {
			if (matches(effective, comodel, target)) {
				return true;
			}
		}
		return false;
	}

	private List<Map<String, Object>> related(FieldDef field, Map<String, Object> record) {
		ModelDef comodel = this.store.model(field.relation());
		List<Map<String, Object>> result = new ArrayList<>();
		for (Long id : this.store.relatedIds(field, record)) {
			Map<String, Object> target = comodel.record(id);
			if (target != null) {
				result.add(target);
			}
		}
		return result;
	}

	private boolean hierarchy(FieldDef field, ModelDef model, Map<String, Object> record, String operator,
			Object value) {
		ModelDef target = "id".equals(field.name()) ? model : this.store.model(field.relation());
		if (target == null) {
			return false;
		}
		Set<Long> roots = new HashSet<>();
		for (Object item : asList(value)) {
			if (item instanceof Number number) {
				roots.add(number.longValue());
			}
			else if (item instanceof String name) {
				target.records().values().stream()
					.filter((candidate) -> like(this.store.displayName(target, candidate), name, true, true))
					.forEach((candidate) -> roots.add((Long) candidate.get("id")));
			}
		}
		Set<Long> closure = "child_of".equals(operator) ? this.store.descendants(target, roots)
				: this.store.ancestors(target, roots);
		if ("id".equals(field.name())) {
			return closure.contains((Long) record.get("id"));
		}
		for (Long id : this.store.relatedIds(field, record)) {
			if (closure.contains(id)) {
				return true;
			}
		}
		return false;
	}

	private boolean compare(FieldDef field, ModelDef model, Map<String, Object> record, String operator,
			Object value) {
		if (field.isRelational() && (value instanceof String || containsString(value))) {
			return compareNames(field, record, operator, value);
		}
		if (field.isX2many()) {
			return compareX2many(field, record, operator, value);
		}
		Object actual = "id".equals(field.name()) ? record.get("id") : this.store.raw(model, record, field);
		boolean bool = "boolean".equals(field.type());
		return switch (operator) {
			case "=" -> equal(actual, value, bool);
			case "!=" -> !equal(actual, value, bool);
			case "in" -> in(actual, value, bool);
			case "not in" -> !in(actual, value, bool);
			case "<", ">", "<=", ">=" -> ordered(actual, operator, value);
			case "like", "ilike", "=like", "=ilike" -> actual != null && !Values.isFalse(value)
					&& like(String.valueOf(actual), String.valueOf(value), operator.startsWith("="),
							operator.endsWith("ilike"));
			case "not like", "not ilike" -> actual == null || Values.isFalse(value)
					|| !like(String.valueOf(actual), String.valueOf(value), false, operator.endsWith("ilike"));
			default -> throw OdooError.valueError("Invalid operator " + Py.repr(operator));
		};
	}

	private boolean compareNames(FieldDef field, Map<String, Object> record, String operator, Object value) {
		ModelDef comodel = this.store.model(field.relation());
		List<String> names = new ArrayList<>();
		for (Map<String, Object> target : related(field, record)) {
			names.add(this.store.displayName(comodel, target));
		}
		boolean negative = operator.equals("!=") || operator.startsWith("not ");
		String positive = switch (operator) {
			case "!=" -> "=";
			case "not in" -> "in";
			case "not like" -> "like";
			case "not ilike" -> "ilike";
			default -> operator;
		};
		boolean any = false;
		for (String name : names) {
			boolean hit = switch (positive) {
				case "=" -> name.equals(value);
				case "in" -> asList(value).contains(name);
				case "like", "ilike", "=like", "=ilike" -> like(name, String.valueOf(value), positive.startsWith("="),
						positive.endsWith("ilike"));
				default -> ordered(name, positive, value);
			};
			any |= hit;
		}
		return negative != any;
	}

	private boolean compareX2many(FieldDef field, Map<String, Object> record, String operator, Object value) {
		List<Long> ids = this.store.relatedIds(field, record);
		return switch (operator) {
			case "=" -> Values.isFalse(value) ? ids.isEmpty() : containsAny(ids, List.of(value));
			case "!=" -> Values.isFalse(value) ? !ids.isEmpty() : !containsAny(ids, List.of(value));
			case "in" -> containsAny(ids, asList(value)) || (ids.isEmpty() && asList(value).contains(false));
			case "not in" -> !containsAny(ids, asList(value)) && !(ids.isEmpty() && asList(value).contains(false));
			default -> ids.stream().anyMatch((id) -> ordered(id, operator, value));
		};
	}

	private static boolean containsAny(Collection<Long> ids, List<Object> values) {
		for (Object value : values) {
			if (value instanceof Number number && ids.contains(number.longValue())) {
				return true;
			}
		}
		return false;
	}

	private static boolean equal(Object actual, Object value, boolean bool) {
		if (bool) {
			return Values.truthy(actual) == Values.truthy(value);
		}
		if (Values.isFalse(value)) {
			return actual == null;
		}
		return actual != null && Values.same(actual, value);
	}

	private static boolean in(Object actual, Object value, boolean bool) {
		for (Object item : asList(value)) {
			if (equal(actual, item, bool)) {
				return true;
			}
		}
		return false;
	}

	private static boolean ordered(Object actual, String operator, Object value) {
		if (actual == null || Values.isFalse(value) || (actual instanceof Boolean)) {
			return false;
		}
		if ((actual instanceof Number) != (value instanceof Number)) {
			return false;
		}
		int comparison = Values.compare(actual, value);
		return switch (operator) {
			case "<" -> comparison < 0;
			case ">" -> comparison > 0;
			case "<=" -> comparison <= 0;
			default -> comparison >= 0;
		};
	}

	@SuppressWarnings("unchecked")
	static List<Object> asList(Object value) {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		List<Object> single = new ArrayList<>();
		single.add(value);
		return single;
	}

	private static boolean containsString(Object value) {
		return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance);
	}

	/**
	 * SQL {@code LIKE}: with {@code exact} the pattern is used as given ({@code =like}), otherwise it is wrapped in
	 * {@code %...%} ({@code like}). {@code %} matches any run, {@code _} one character, a backslash escapes.
	 */
	static boolean like(String text, String pattern, boolean exact, boolean ignoreCase) {
		String sql = exact ? pattern : "%" + pattern + "%";
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\\' && i + 1 < sql.length()) {
				regex.append(Pattern.quote(String.valueOf(sql.charAt(++i))));
			}
			else if (c == '%') {
				regex.append(".*");
			}
			else if (c == '_') {
				regex.append('.');
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
		return Pattern.compile(regex.toString(), flags).matcher(ignoreCase ? text.toLowerCase(Locale.ROOT) : text)
			.matches();
	}

}
