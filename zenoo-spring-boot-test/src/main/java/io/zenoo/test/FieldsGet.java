package io.zenoo.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fields_get(allfields, attributes)}: field metadata, optionally restricted to some fields and attributes. */
final class FieldsGet {

	private FieldsGet() {
	}

	static Map<String, Object> run(ModelDef model, Object allfields, Object attributes) {
		List<Object> names = (allfields instanceof List<?> list && !list.isEmpty()) ? DomainEvaluator.asList(list)
				: null;
		List<Object> wanted = (attributes instanceof List<?> list && !list.isEmpty()) ? DomainEvaluator.asList(list)
				: null;
		Map<String, Object> result = new LinkedHashMap<>();
		for (FieldDef field : model.fields().values()) {
			if (names != null && !names.contains(field.name())) {
				continue;
			}
			Map<String, Object> description = new LinkedHashMap<>();
			field.attributes().forEach((key, value) -> {
				if (wanted == null || wanted.contains(key)) {
					description.put(key, Values.copy(value));
				}
			});
			result.put(field.name(), description);
		}
		return result;
	}

}
