package io.zenoo.test;

import java.util.Map;

/**
 * Computes {@code display_name} the way each Odoo model does, for records created or renamed at runtime.
 */
final class DisplayNames {

	private DisplayNames() {
	}

	static String compute(Map<String, ModelDef> models, ModelDef model, Map<String, Object> record) {
		Object name = record.get("name");
		String text = (name instanceof String string) ? string : null;
		switch (model.name()) {
			case "res.partner" -> {
				Map<String, Object> parent = related(models, "res.partner", record.get("parent_id"));
				if (parent != null && text != null) {
					return parent.get("display_name") + ", " + text;
				}
			}
			case "res.country.state" -> {
				Map<String, Object> country = related(models, "res.country", record.get("country_id"));
				if (country != null && country.get("code") instanceof String code && text != null) {
					return text + " (" + code + ")";
				}
			}
			case "product.category" -> {
				Map<String, Object> parent = related(models, "product.category", record.get("parent_id"));
				if (parent != null && text != null) {
					return parent.get("display_name") + " / " + text;
				}
			}
			case "product.product" -> {
				if (record.get("default_code") instanceof String code && text != null) {
					return "[" + code + "] " + text;
				}
			}
			case "ir.config_parameter" -> {
				return String.valueOf(record.get("key"));
			}
			default -> {
			}
		}
		return (text != null) ? text : model.name() + "," + record.get("id");
	}

	private static Map<String, Object> related(Map<String, ModelDef> models, String model, Object id) {
		ModelDef target = models.get(model);
		return (target != null && id instanceof Long key) ? target.record(key) : null;
	}

}
