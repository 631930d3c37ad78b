package io.zenoo.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the Odoo 18 demo data shipped at {@code io/zenoo/test/odoo18/} into model templates, once per JVM. Servers
 * deep-copy a template, so each server owns its data.
 */
final class DemoData {

	private static final String LOCATION = "io/zenoo/test/odoo18/";

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private static final String[][] MODELS = { { "res.partner", "Contact", "display_name, id desc" },
			{ "res.partner.category", "Partner Tags", "name" }, { "res.country", "Country", "name" },
			{ "res.country.state", "Country state", "country_id, code" },
			{ "res.currency", "Currency", "active desc, name" }, { "res.company", "Companies", "name" },
			{ "res.users", "User", "name, login" }, { "product.category", "Product Category", "complete_name" },
			{ "product.product", "Product Variant", "default_code, name, id" },
			{ "sale.order", "Sales Order", "date_order desc, id desc" },
			{ "sale.order.line", "Sales Order Line", "order_id, id" } };

	private static final Map<String, String> INVERSES = Map.of("res.partner.child_ids", "parent_id",
			"res.partner.user_ids", "partner_id", "res.partner.sale_order_ids", "partner_id",
			"res.country.state_ids", "country_id", "product.category.child_id", "parent_id",
			"sale.order.order_line", "order_id", "res.company.child_ids", "parent_id");

	private static final List<Long> ADMIN_GROUPS = List.of(2L, 8L, 36L, 23L, 29L, 3L, 13L, 9L, 1L, 26L, 14L, 19L, 20L,
			41L, 4L, 7L, 22L, 21L, 35L);

	private static volatile Map<String, ModelDef> asRecorded;

	private static volatile Map<String, ModelDef> withFixtures;

	private DemoData() {
	}

	/**
	 * Returns a fresh deep copy of the demo data.
	 * @param fixtures whether to add the multi-company and own-documents fixtures of {@code record-rules.json}
	 * @return the models by name
	 */
	static Map<String, ModelDef> copy(boolean fixtures) {
		Map<String, ModelDef> template = template(fixtures);
		Map<String, ModelDef> copy = new LinkedHashMap<>();
		template.forEach((name, model) -> copy.put(name, model.copy()));
		return copy;
	}

	private static Map<String, ModelDef> template(boolean fixtures) {
		Map<String, ModelDef> result = fixtures ? withFixtures : asRecorded;
		if (result == null) {
			synchronized (DemoData.class) {
				result = load();
				if (fixtures) {
					Fixtures.apply(result);
					withFixtures = result;
				}
				else {
					Fixtures.applyRecordingStart(result);
					asRecorded = result;
				}
			}
		}
		return result;
	}

	private static Map<String, ModelDef> load() {
		Map<String, ModelDef> models = new LinkedHashMap<>();
		Map<String, String> captured = new HashMap<>();
		Map<String, Object> partnerFields = readMap("res.partner.fields_get.json");
		for (String[] spec : MODELS) {
			ModelDef model = new ModelDef(spec[0], spec[1], spec[2]);
			Map<String, Object> file = readMap(spec[0] + ".json");
			if ("res.partner".equals(spec[0])) {
				partnerFields.forEach((name, attributes) -> model.addField(new FieldDef(name, castMap(attributes))));
			}
			castMap(file.get("fields")).forEach((name, attributes) -> {
				FieldDef existing = model.field(name);
				if (existing != null) {
					castMap(attributes).forEach(existing.attributes()::putIfAbsent);
				}
				else {
					model.addField(new FieldDef(name, castMap(attributes)));
				}
			});
			addCommonFields(model);
			for (Object item : (List<?>) file.get("records")) {
				model.put(toRecord(model, castMap(item), captured));
			}
			models.put(model.name(), model);
		}
		addExtraModels(models, captured);
		models.get("res.users").addField(FieldDef.of("groups_id", "many2many", "Groups", "relation", "res.groups"));
		models.get("res.users").addField(FieldDef.of("login_date", "datetime", "Latest authentication"));
		models.get("sale.order").addField(FieldDef.of("validity_date", "date", "Expiration"));
		models.get("sale.order").addField(FieldDef.of("note", "html", "Terms and conditions"));
		for (Map<String, Object> user : models.get("res.users").records().values()) {
			user.put("groups_id", new ArrayList<>(((Long) user.get("id") <= 2) ? ADMIN_GROUPS : List.of(1L)));
		}
		mergeRecorded(models, 35, "res.partner", captured);
		mergeRecorded(models, 37, "res.partner", captured);
		mergeRecorded(models, 36, "sale.order", captured);
		for (ModelDef model : models.values()) {
			for (FieldDef field : model.fields().values()) {
				if (field.isOne2many()) {
					field.inverse(INVERSES.get(model.name() + "." + field.name()));
				}
			}
			for (Map<String, Object> record : model.records().values()) {
				if (!(record.get("display_name") instanceof String)) {
					String name = captured.get(model.name() + "," + record.get("id"));
					record.put("display_name", (name != null) ? name : DisplayNames.compute(models, model, record));
				}
			}
		}
		return models;
	}

	/**
	 * Adds the values a recorded sample shows for fields the demo data files do not carry (images, validity dates,
	 * ...), so that the same read answers the same values.
	 */
	private static void mergeRecorded(Map<String, ModelDef> models, int sample, String modelName,
			Map<String, String> captured) {
		ModelDef model = models.get(modelName);
		Map<String, Object> body = castMap(Values.normalize(MAPPER.readValue(
				io.zenoo.test.samples.RecordedSamples.get(sample).responseBody(), Map.class)));
		for (Object row : (List<?>) body.get("result")) {
			Map<String, Object> values = castMap(row);
			Map<String, Object> record = model.record((Long) values.get("id"));
			if (record == null) {
				continue;
			}
			Map<String, Object> converted = toRecord(model, values, captured);
			converted.forEach((name, value) -> {
				if (!record.containsKey(name) && model.hasField(name)) {
					record.put(name, value);
				}
			});
		}
	}

	private static void addCommonFields(ModelDef model) {
		model.addField(FieldDef.of("id", "integer", "ID", "readonly", true));
		model.addField(FieldDef.of("display_name", "char", "Display Name", "readonly", true, "store", false));
		model.addField(FieldDef.of("create_date", "datetime", "Created on", "readonly", true));
		model.addField(FieldDef.of("write_date", "datetime", "Last Updated on", "readonly", true));
		model.addField(FieldDef.of("create_uid", "many2one", "Created by", "readonly", true, "relation", "res.users"));
		model.addField(FieldDef.of("write_uid", "many2one", "Last Updated by", "readonly", true, "relation",
				"res.users"));
	}

	private static Map<String, Object> toRecord(ModelDef model, Map<String, Object> source,
			Map<String, String> captured) {
		Map<String, Object> record = new LinkedHashMap<>();
		source.forEach((name, value) -> {
			FieldDef field = model.field(name);
			if (field != null && field.isOne2many()) {
				return;
			}
			if (field != null && field.isMany2one() && value instanceof List<?> pair && pair.size() == 2) {
				captured.put(field.relation() + "," + pair.get(0), String.valueOf(pair.get(1)));
				record.put(name, Values.asId(pair));
			}
			else if (Boolean.FALSE.equals(value) && field != null && !"boolean".equals(field.type())) {
				record.put(name, null);
			}
			else {
				record.put(name, Values.normalize(value));
			}
		});
		return record;
	}

	private static void addExtraModels(Map<String, ModelDef> models, Map<String, String> captured) {
		ModelDef uom = new ModelDef("uom.uom", "Product Unit of Measure", "name");
		uom.addField(FieldDef.of("name", "char", "Unit", "required", true));
		ModelDef groups = new ModelDef("res.groups", "Access Groups", "name");
		groups.addField(FieldDef.of("name", "char", "Name", "required", true));
		captured.forEach((key, name) -> {
			String[] parts = key.split(",", 2);
			if ("uom.uom".equals(parts[0])) {
				uom.put(record(Long.parseLong(parts[1]), "name", name));
			}
		});
		for (Long id : ADMIN_GROUPS) {
			groups.put(record(id, "name", (id == 1) ? "Internal User" : "Group " + id));
		}
		ModelDef parameters = new ModelDef("ir.config_parameter", "System Parameter", "key");
		parameters.addField(FieldDef.of("key", "char", "Key", "required", true));
		parameters.addField(FieldDef.of("value", "text", "Value", "required", true));
		parameters.put(record(1L, "key", "web.base.url", "value", "http://127.0.0.1:8069"));
		parameters.put(record(2L, "key", "database.uuid", "value", "0f3c4b0e-1b7d-4c55-9a52-7e0a5b5d2e11"));
		ModelDef data = new ModelDef("ir.model.data", "Model Data", "module, name");
		data.addField(FieldDef.of("module", "char", "Module", "required", true));
		data.addField(FieldDef.of("name", "char", "External Identifier", "required", true));
		data.addField(FieldDef.of("model", "char", "Model Name", "required", true));
		data.addField(FieldDef.of("res_id", "many2one_reference", "Record ID"));
		Object[][] xmlIds = { { "base", "group_user", "res.groups", 1L }, { "base", "main_company", "res.company", 1L },
				{ "base", "main_partner", "res.partner", 1L }, { "base", "user_admin", "res.users", 2L },
				{ "base", "partner_admin", "res.partner", 3L }, { "base", "user_demo", "res.users", 6L },
				{ "base", "USD", "res.currency", 1L }, { "base", "EUR", "res.currency", 125L },
				{ "base", "us", "res.country", 233L }, { "base", "be", "res.country", 20L } };
		long id = 1;
		for (Object[] xmlId : xmlIds) {
			data.put(record(id++, "module", xmlId[0], "name", xmlId[1], "model", xmlId[2], "res_id", xmlId[3]));
		}
		for (ModelDef model : List.of(uom, groups, parameters, data)) {
			addCommonFields(model);
			models.put(model.name(), model);
		}
	}

	static Map<String, Object> record(long id, Object... pairs) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			record.put((String) pairs[i], pairs[i + 1]);
		}
		return record;
	}

	private static Map<String, Object> readMap(String file) {
		try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(LOCATION + file)) {
			if (in == null) {
				throw new IllegalStateException("Demo data missing from the classpath: " + LOCATION + file);
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = MAPPER.readValue(in, Map.class);
			return map;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
