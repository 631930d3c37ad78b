package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates, writes and deletes records with Odoo's conversions and constraints: many2one ids, x2many commands,
 * selection keys, required fields, foreign keys, recursion, unique logins, {@code create_date}/{@code write_date}.
 */
final class RecordWriter {

	private static final Set<String> IGNORED = Set.of("id", "display_name", "create_date", "write_date", "create_uid",
			"write_uid");

	private static final Map<String, List<String>> REQUIRED = Map.of("res.users", List.of("login"), "res.company",
			List.of("name"), "res.country", List.of("name"), "res.currency", List.of("name", "symbol"),
			"product.product", List.of("name"), "sale.order", List.of("partner_id"), "sale.order.line",
			List.of("order_id"), "res.partner.category", List.of("name"), "ir.config_parameter", List.of("key"));

	private final Store store;

	private final long uid;

	private final boolean sudo;

	RecordWriter(Store store, long uid, boolean sudo) {
		this.store = store;
		this.uid = uid;
		this.sudo = sudo;
	}

	long create(ModelDef model, Map<String, Object> values) {
		Map<String, Object> record = new LinkedHashMap<>();
		long id = model.allocateId();
		record.put("id", id);
		defaults(model, record, values);
		Map<String, Object> deferred = assign(model, record, values);
		String now = Values.now();
		putIfField(model, record, "create_date", now);
		putIfField(model, record, "write_date", now);
		putIfField(model, record, "create_uid", this.uid);
		putIfField(model, record, "write_uid", this.uid);
		checkConstraints(model, record, id, values);
		record.put("display_name", DisplayNames.compute(this.store.models(), model, record));
		model.put(record);
		if ("res.users".equals(model.name())) {
			if (values.get("password") instanceof String password) {
				this.store.password(id, password);
			}
			if (!(record.get("partner_id") instanceof Long)) {
				Map<String, Object> partner = new LinkedHashMap<>();
				partner.put("name", record.get("name"));
				record.put("partner_id", create(this.store.require("res.partner"), partner));
			}
		}
		applyOne2many(model, id, deferred);
		return id;
	}

	void write(ModelDef model, List<Long> ids, Map<String, Object> values) {
		List<Long> missing = ids.stream().filter((id) -> model.record(id) == null).toList();
		if (!missing.isEmpty()) {
			throw OdooError.missing(model.name(), missing, this.uid);
		}
		for (Long id : ids) {
			Map<String, Object> record = model.record(id);
			Map<String, Object> updated = Values.copyRecord(record);
			Map<String, Object> deferred = assign(model, updated, values);
			checkConstraints(model, updated, id, values);
			putIfField(model, updated, "write_date", Values.now());
			putIfField(model, updated, "write_uid", this.uid);
			if (values.containsKey("name") || values.containsKey("parent_id") || values.containsKey("default_code")) {
				updated.put("display_name", DisplayNames.compute(this.store.models(), model, updated));
			}
			record.clear();
			record.putAll(updated);
			if ("res.users".equals(model.name()) && values.get("password") instanceof String password) {
				this.store.password(id, password);
			}
			applyOne2many(model, id, deferred);
		}
	}

	void unlink(ModelDef model, List<Long> ids) {
		List<Long> missing = ids.stream().filter((id) -> model.record(id) == null).toList();
		if (!missing.isEmpty()) {
			throw OdooError.missing(model.name(), missing, this.uid);
		}
		if ("res.users".equals(model.name()) && (ids.contains(1L) || ids.contains(2L))) {
			throw OdooError.userError("You cannot delete the admin user because it is utilized in various places "
					+ "(such as security configurations,...). Instead, archive it.");
		}
		for (Long id : ids) {
			model.records().remove(id);
			if ("res.users".equals(model.name())) {
				this.store.apiKeys().values().removeIf(id::equals);
			}
		}
		for (ModelDef other : this.store.models().values()) {
			for (FieldDef field : other.fields().values()) {
				if (!model.name().equals(field.relation()) || field.isOne2many()) {
					continue;
				}
				List<Long> cascade = new ArrayList<>();
				for (Map<String, Object> record : other.records().values()) {
					if (field.isMany2one() && ids.contains(record.get(field.name()))) {
						if ("sale.order.line".equals(other.name()) && "order_id".equals(field.name())) {
							cascade.add((Long) record.get("id"));
						}
						else {
							record.put(field.name(), null);
						}
					}
					else if (record.get(field.name()) instanceof List<?> list) {
						list.removeAll(ids);
					}
				}
				cascade.forEach(other.records()::remove);
			}
		}
	}

	private void defaults(ModelDef model, Map<String, Object> record, Map<String, Object> values) {
		if (model.hasField("active")) {
			record.put("active", true);
		}
		switch (model.name()) {
			case "res.partner" -> {
				record.put("type", "contact");
				record.put("is_company", false);
				record.put("lang", "en_US");
				record.put("customer_rank", 0L);
				record.put("supplier_rank", 0L);
			}
			case "res.users" -> {
				record.put("company_id", 1L);
				record.put("company_ids", new ArrayList<>(List.of(1L)));
				record.put("share", false);
				record.put("lang", "en_US");
				record.put("groups_id", new ArrayList<>(List.of(1L)));
			}
			case "sale.order" -> {
				record.put("name", String.format("S%05d", record.get("id")));
				record.put("state", "draft");
				record.put("date_order", Values.now());
				record.put("company_id", 1L);
				record.put("currency_id", 1L);
				record.put("user_id", this.uid);
				record.put("amount_untaxed", 0.0);
				record.put("amount_tax", 0.0);
				record.put("amount_total", 0.0);
			}
			case "res.company" -> record.put("currency_id", 1L);
			default -> {
			}
		}
	}

	private Map<String, Object> assign(ModelDef model, Map<String, Object> record, Map<String, Object> values) {
		Map<String, Object> deferred = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : values.entrySet()) {
			String name = entry.getKey();
			Object value = entry.getValue();
			if ("res.users".equals(model.name()) && "password".equals(name)) {
				continue;
			}
			FieldDef field = model.field(name);
			if (field == null) {
				throw OdooError.valueError("Invalid field '" + name + "' on model '" + model.name() + "'");
			}
			if (IGNORED.contains(name)) {
				continue;
			}
			if (field.isOne2many()) {
				deferred.put(name, value);
			}
			else if (field.isX2many()) {
				record.put(name, X2manyCommands.applyMany2many(this.store, field, this.store.relatedIds(field, record),
						value, this.uid));
			}
			else {
				record.put(name, convert(model, field, value));
			}
		}
		return deferred;
	}

	private Object convert(ModelDef model, FieldDef field, Object value) {
		if (Values.isFalse(value) && !"boolean".equals(field.type())) {
			return null;
		}
		switch (field.type()) {
			case "many2one" -> {
				Long id = Values.asId(value);
				ModelDef comodel = this.store.model(field.relation());
				if (id == null) {
					throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
							+ Py.repr(value));
				}
				if (comodel != null && comodel.record(id) == null) {
					throw OdooError.validation("The operation cannot be completed: another model requires the record "
							+ "being deleted. If possible, archive it instead.\n\nModel: " + model.description() + " ("
							+ model.name() + ")\nConstraint: " + model.table() + "_" + field.name() + "_fkey\n");
				}
				return id;
			}
			case "boolean" -> {
				return Values.truthy(value);
			}
			case "integer" -> {
				if (!(value instanceof Number number)) {
					throw OdooError.valueError("invalid literal for int() with base 10: " + Py.repr(value));
				}
				return number.longValue();
			}
			case "float", "monetary" -> {
				if (!(value instanceof Number number)) {
					throw OdooError.valueError("could not convert string to float: " + Py.repr(value));
				}
				return number.doubleValue();
			}
			case "selection" -> {
				List<String> keys = field.selectionKeys();
				if (keys != null && !keys.contains(String.valueOf(value))) {
					throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
							+ Py.repr(value));
				}
				return String.valueOf(value);
			}
			default -> {
				return (value instanceof String) ? value : String.valueOf(value);
			}
		}
	}

	private void checkConstraints(ModelDef model, Map<String, Object> record, long id, Map<String, Object> values) {
		if ("res.partner".equals(model.name()) && "contact".equals(record.get("type"))
				&& !Values.truthy(record.get("name"))) {
			throw OdooError.validation("The operation cannot be completed: Contacts require a name");
		}
		for (String required : REQUIRED.getOrDefault(model.name(), List.of())) {
			if (!Values.truthy(record.get(required))) {
				FieldDef field = model.field(required);
				throw OdooError.validation("The operation cannot be completed:  - Create/update: a mandatory field "
						+ "is not set.\n - Delete: another model requires the record being deleted. If possible, "
						+ "archive it instead.\n\nModel: " + model.description() + " (" + model.name() + ")\nField: "
						+ field.string() + " (" + required + ")\n");
			}
		}
		if ("res.users".equals(model.name()) && values.containsKey("login")) {
			for (Map<String, Object> other : model.records().values()) {
				if (!other.get("id").equals(id) && record.get("login").equals(other.get("login"))) {
					throw OdooError.validation(
							"The operation cannot be completed: You can not have two users with the same login!");
				}
			}
		}
		FieldDef parent = model.field("parent_id");
		if (parent != null && model.name().equals(parent.relation()) && values.containsKey("parent_id")) {
			Set<Long> seen = new LinkedHashSet<>();
			seen.add(id);
			Object current = record.get("parent_id");
			while (current instanceof Long next) {
				if (!seen.add(next)) {
					throw OdooError.validation(switch (model.name()) {
						case "res.partner" -> "You cannot create recursive Partner hierarchies.";
						case "product.category" -> "You cannot create recursive categories.";
						default -> "Recursion Detected.";
					});
				}
				Map<String, Object> ancestor = model.record(next);
				current = (ancestor != null) ? ancestor.get("parent_id") : null;
			}
		}
	}

	private void applyOne2many(ModelDef model, long id, Map<String, Object> deferred) {
		deferred.forEach((name, value) -> X2manyCommands.applyOne2many(this.store, model.field(name), id, value,
				new RecordWriter(this.store, this.uid, this.sudo)));
	}

	private static void putIfField(ModelDef model, Map<String, Object> record, String field, Object value) {
		if (model.hasField(field)) {
			record.put(field, value);
		}
	}

}
