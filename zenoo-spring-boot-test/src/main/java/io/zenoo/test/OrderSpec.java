package io.zenoo.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Odoo {@code order} clause ({@code "name desc, id"}) as a record comparator. Strings sort roughly like
 * PostgreSQL's {@code en_US.UTF-8} collation (letters and digits first, case-insensitive); nulls sort last ascending
 * and first descending; ties break on id.
 */
final class OrderSpec {

	private static final Comparator<String> COLLATION = Comparator.comparing(OrderSpec::collationKey)
		.thenComparing((text) -> text.toLowerCase(Locale.ROOT))
		.thenComparing(Comparator.naturalOrder());

	private OrderSpec() {
	}

	static Comparator<Map<String, Object>> comparator(String order, ModelDef model, Store store) {
		Comparator<Map<String, Object>> result = null;
		for (String part : order.split(",")) {
			String[] words = part.trim().split("\\s+");
			if (words.length == 0 || words[0].isEmpty()) {
				continue;
			}
			String fieldName = words[0];
			boolean descending = words.length > 1 && "desc".equalsIgnoreCase(words[1]);
			if (words.length > 3 || (words.length > 1 && !words[1].matches("(?i)asc|desc"))) {
				throw OdooError.valueError("Invalid \"order\" specified (" + order + "). A valid \"order\" "
						+ "specification is a comma-separated list of valid field names (optionally followed by "
						+ "asc/desc for the direction)");
			}
			FieldDef field = model.field(fieldName);
			if (field == null) {
				throw OdooError.valueError("Invalid field '" + fieldName + "' on model '" + model.name() + "'");
			}
			Comparator<Map<String, Object>> key = (a, b) -> compareValues(sortValue(store, model, field, a),
					sortValue(store, model, field, b), descending);
			result = (result == null) ? key : result.thenComparing(key);
		}
		Comparator<Map<String, Object>> byId = Comparator.comparing((record) -> (Long) record.get("id"));
		return (result == null) ? byId : result.thenComparing(byId);
	}

	private static Object sortValue(Store store, ModelDef model, FieldDef field, Map<String, Object> record) {
		if ("id".equals(field.name())) {
			return record.get("id");
		}
		if (field.isMany2one()) {
			List<Long> ids = store.relatedIds(field, record);
			ModelDef comodel = store.model(field.relation());
			return (ids.isEmpty() || comodel == null) ? null : store.displayName(comodel, comodel.record(ids.get(0)));
		}
		if (field.isX2many()) {
			return null;
		}
		return store.raw(model, record, field);
	}

	static int compareValues(Object a, Object b, boolean descending) {
		if (a == null || b == null) {
			if (a == b) {
				return 0;
			}
			// PostgreSQL: NULLS LAST ascending, NULLS FIRST descending
			return (a == null) ? (descending ? -1 : 1) : (descending ? 1 : -1);
		}
		int comparison = (a instanceof String x && b instanceof String y) ? COLLATION.compare(x, y)
				: Values.compare(a, b);
		return descending ? -comparison : comparison;
	}

	static int collate(String a, String b) {
		return COLLATION.compare(a, b);
	}

	private static String collationKey(String text) {
		StringBuilder key = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString();
	}

	static List<String> fields(String order) {
		List<String> names = new ArrayList<>();
		for (String part : order.split(",")) {
			String trimmed = part.trim();
			if (!trimmed.isEmpty()) {
				names.add(trimmed.split("\\s+")[0]);
			}
		}
		return names;
	}

}
