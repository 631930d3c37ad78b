package io.zenoo.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code read_group(domain, fields, groupby, offset, limit, orderby, lazy)}: rows with the group values,
 * {@code <field>_count} (lazy) or {@code __count}, aggregates ({@code sum}, {@code avg}, {@code min}, {@code max},
 * {@code count}) and {@code __domain}. Date granularities ({@code date:month}) are not supported.
 */
final class ReadGroup {

	private final Store store;

	private final ModelDef model;

	private final ModelService.Reader reader;

	ReadGroup(Store store, ModelDef model, ModelService.Reader reader) {
		this.store = store;
		this.model = model;
		this.reader = reader;
	}

	List<Map<String, Object>> run(Map<String, Object> p) {
		List<String> groupby = new ArrayList<>();
		for (Object item : DomainEvaluator.asList(Values.isFalse(p.get("groupby")) ? List.of() : p.get("groupby"))) {
			groupby.add(field(String.valueOf(item)).name());
		}
		boolean lazy = Values.truthy(p.get("lazy"));
		List<String> used = (lazy && !groupby.isEmpty()) ? groupby.subList(0, 1) : groupby;
		List<String[]> aggregates = aggregates(p.get("fields"), used);
		List<Map<String, Object>> records = this.reader.search(p.get("domain"), 0, null, null);
		Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
		for (Map<String, Object> record : records) {
			List<Object> key = new ArrayList<>();
			for (String name : used) {
				FieldDef field = this.model.field(name);
				Object value = field.isX2many() ? null : this.store.raw(this.model, record, field);
				key.add(value);
			}
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(record);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		String countKey = (lazy && !used.isEmpty()) ? used.get(0) + "_count" : "__count";
		for (Map.Entry<List<Object>, List<Map<String, Object>>> group : groups.entrySet()) {
			Map<String, Object> row = new LinkedHashMap<>();
			List<Object> groupDomain = new ArrayList<>();
			for (int i = 0; i < used.size(); i++) {
				FieldDef field = this.model.field(used.get(i));
				Object value = group.getKey().get(i);
				row.put(field.name(), groupValue(field, value));
				groupDomain.add(List.of(field.name(), "=", (value == null) ? false : value));
			}
			row.put(countKey, (long) group.getValue().size());
			for (String[] aggregate : aggregates) {
				row.put(aggregate[0], aggregate(this.model.field(aggregate[1]), aggregate[2], group.getValue()));
			}
			row.put("__domain", and(p.get("domain"), groupDomain));
			if (lazy && groupby.size() > 1) {
				row.put("__context", Map.of("group_by", new ArrayList<>(groupby.subList(1, groupby.size()))));
			}
			rows.add(row);
		}
		rows.sort(order(p.get("orderby"), used));
		long offset = (p.get("offset") instanceof Number number) ? number.longValue() : 0;
		Long limit = ModelService.limit(p, "limit");
		int from = (int) Math.min(offset, rows.size());
		int to = (limit == null) ? rows.size() : (int) Math.min(rows.size(), from + limit);
		return new ArrayList<>(rows.subList(from, to));
	}

	private FieldDef field(String spec) {
		String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
		FieldDef field = this.model.field(name.trim());
		if (field == null) {
			throw OdooError.valueError("Invalid field " + Py.repr(name) + " on model " + Py.repr(this.model.name()));
		}
		return field;
	}

	private List<String[]> aggregates(Object fields, List<String> groupby) {
		List<String[]> result = new ArrayList<>();
		for (Object item : DomainEvaluator.asList(Values.isFalse(fields) ? List.of() : fields)) {
			String spec = String.valueOf(item);
			String alias = spec;
			String function = null;
			String name = spec;
			int colon = spec.indexOf(':');
			if (colon >= 0) {
				alias = spec.substring(0, colon);
				String rest = spec.substring(colon + 1);
				int paren = rest.indexOf('(');
				function = (paren >= 0) ? rest.substring(0, paren) : rest;
				name = (paren >= 0) ? rest.substring(paren + 1, rest.length() - 1) : alias;
			}
			if ("__count".equals(name) || groupby.contains(name)) {
				continue;
			}
			FieldDef field = field(name);
			boolean numeric = List.of("integer", "float", "monetary").contains(field.type());
			if (function == null && !numeric) {
				continue;
			}
			result.add(new String[] { alias, field.name(), (function != null) ? function : "sum" });
		}
		return result;
	}

	private Object aggregate(FieldDef field, String function, List<Map<String, Object>> records) {
		List<Object> values = new ArrayList<>();
		for (Map<String, Object> record : records) {
			Object value = this.store.raw(this.model, record, field);
			if (value != null) {
				values.add(value);
			}
		}
		boolean integral = "integer".equals(field.type());
		switch (function) {
			case "count" -> {
				return (long) values.size();
			}
			case "count_distinct" -> {
				return (long) values.stream().distinct().count();
			}
			case "min", "max" -> {
				Object best = null;
				for (Object value : values) {
					if (best == null || ("min".equals(function) ? Values.compare(value, best) < 0
							: Values.compare(value, best) > 0)) {
						best = value;
					}
				}
				return (best != null) ? best : false;
			}
			case "avg" -> {
				return values.isEmpty() ? false
						: values.stream().mapToDouble((v) -> ((Number) v).doubleValue()).average().orElse(0);
			}
			case "sum" -> {
				double sum = values.stream().mapToDouble((v) -> ((Number) v).doubleValue()).sum();
				return integral ? (Object) (long) sum : (Object) sum;
			}
			default -> throw OdooError.valueError("Invalid aggregation function " + Py.repr(function) + ".");
		}
	}

	private Object groupValue(FieldDef field, Object value) {
		if (value == null) {
			return false;
		}
		if (field.isMany2one()) {
			ModelDef comodel = this.store.model(field.relation());
			Map<String, Object> target = (comodel != null) ? comodel.record((Long) value) : null;
			return (target != null) ? List.of(value, this.store.displayName(comodel, target)) : false;
		}
		return value;
	}

	private Comparator<Map<String, Object>> order(Object orderby, List<String> groupby) {
		List<String[]> keys = new ArrayList<>();
		if (orderby instanceof String text && !text.isBlank()) {
			for (String part : text.split(",")) {
				String[] words = part.trim().split("\\s+");
				keys.add(new String[] { words[0], (words.length > 1) ? words[1] : "asc" });
			}
		}
		else {
			groupby.forEach((name) -> keys.add(new String[] { name, "asc" }));
		}
		Comparator<Map<String, Object>> result = (a, b) -> 0;
		for (String[] key : keys) {
			boolean descending = "desc".equalsIgnoreCase(key[1]);
			result = result.thenComparing((a, b) -> OrderSpec.compareValues(sortKey(a.get(key[0])),
					sortKey(b.get(key[0])), descending));
		}
		return result;
	}

	private static Object sortKey(Object value) {
		if (value == null || Boolean.FALSE.equals(value)) {
			return null;
		}
		if (value instanceof List<?> pair && pair.size() == 2) {
			return pair.get(1);
		}
		return value;
	}

	/** Odoo's {@code expression.AND}: normalised domains joined with prefix {@code &}. */
	static List<Object> and(Object domain, List<Object> leaves) {
		List<Object> result = new ArrayList<>();
		int count = 0;
		for (List<Object> part : List.of(DomainEvaluator.asList(Values.isFalse(domain) ? List.of() : domain), leaves)) {
			if (part.isEmpty()) {
				continue;
			}
			result.addAll(normalize(part));
			count++;
		}
		for (int i = 1; i < count; i++) {
			result.add(0, "&");
		}
		return result;
	}

	private static List<Object> normalize(List<Object> domain) {
		List<Object> result = new ArrayList<>();
		int expected = 1;
		for (Object term : domain) {
			if (expected == 0) {
				result.add(0, "&");
				expected = 1;
			}
			if ("&".equals(term) || "|".equals(term)) {
				expected += 1;
			}
			else if (!"!".equals(term)) {
				expected -= 1;
			}
			result.add(term);
		}
		return result;
	}

}
