package io.zenoo.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model of the store: its fields, default order, and records (by id, in ascending id order).
 */
final class ModelDef {

	private final String name;

	private final String description;

	private final String defaultOrder;

	private final Map<String, FieldDef> fields = new LinkedHashMap<>();

	private final TreeMap<Long, Map<String, Object>> records = new TreeMap<>();

	private long nextId = 1;

	ModelDef(String name, String description, String defaultOrder) {
		this.name = name;
		this.description = description;
		this.defaultOrder = defaultOrder;
	}

	String name() {
		return this.name;
	}

	/** @return the human model name used in access error messages, for example {@code Contact} */
	String description() {
		return this.description;
	}

	String defaultOrder() {
		return this.defaultOrder;
	}

	Map<String, FieldDef> fields() {
		return this.fields;
	}

	FieldDef field(String fieldName) {
		return this.fields.get(fieldName);
	}

	boolean hasField(String fieldName) {
		return this.fields.containsKey(fieldName);
	}

	void addField(FieldDef field) {
		this.fields.putIfAbsent(field.name(), field);
	}

	TreeMap<Long, Map<String, Object>> records() {
		return this.records;
	}

	Map<String, Object> record(long id) {
		return this.records.get(id);
	}

	long allocateId() {
		return this.nextId++;
	}

	void put(Map<String, Object> record) {
		long id = (Long) record.get("id");
		this.records.put(id, record);
		this.nextId = Math.max(this.nextId, id + 1);
	}

	/** @return the table name Odoo derives from the model name ({@code res.partner} becomes {@code res_partner}) */
	String table() {
		return this.name.replace('.', '_');
	}

	ModelDef copy() {
		ModelDef copy = new ModelDef(this.name, this.description, this.defaultOrder);
		this.fields.forEach((key, field) -> copy.fields.put(key, field.copy()));
		this.records.forEach((id, record) -> copy.records.put(id, Values.copyRecord(record)));
		copy.nextId = this.nextId;
		return copy;
	}

}
