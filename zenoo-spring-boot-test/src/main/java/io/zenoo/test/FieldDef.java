package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a model: its metadata as {@code fields_get} reports it and what the store needs to handle values.
 */
final class FieldDef {

	private final String name;

	private final Map<String, Object> attributes;

	private String inverse;

	FieldDef(String name, Map<String, Object> attributes) {
		this.name = name;
		this.attributes = new LinkedHashMap<>(attributes);
	}

	static FieldDef of(String name, String type, String string, Object... more) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("readonly", false);
		attributes.put("required", false);
		attributes.put("store", true);
		attributes.put("string", string);
		attributes.put("type", type);
		for (int i = 0; i + 1 < more.length; i += 2) {
			attributes.put((String) more[i], more[i + 1]);
		}
		return new FieldDef(name, attributes);
	}

	String name() {
		return this.name;
	}

	String type() {
		return (String) this.attributes.get("type");
	}

	String relation() {
		Object relation = this.attributes.get("relation");
		return (relation instanceof String text) ? text : null;
	}

	String string() {
		Object string = this.attributes.get("string");
		return (string instanceof String text) ? text : this.name;
	}

	boolean required() {
		return Boolean.TRUE.equals(this.attributes.get("required"));
	}

	boolean readonly() {
		return Boolean.TRUE.equals(this.attributes.get("readonly"));
	}

	/** @return the allowed selection keys, or {@code null} if the selection is not fixed */
	List<String> selectionKeys() {
		if (!(this.attributes.get("selection") instanceof List<?> selection)) {
			return null;
		}
		List<String> keys = new ArrayList<>();
		for (Object option : selection) {
			if (option instanceof List<?> pair && !pair.isEmpty()) {
				keys.add(String.valueOf(pair.get(0)));
			}
		}
		return keys;
	}

	Map<String, Object> attributes() {
		return this.attributes;
	}

	boolean isMany2one() {
		return "many2one".equals(type());
	}

	boolean isX2many() {
		return "one2many".equals(type()) || "many2many".equals(type());
	}

	boolean isOne2many() {
		return "one2many".equals(type());
	}

	boolean isRelational() {
		return isMany2one() || isX2many();
	}

	/** @return for a one2many, the many2one field of the comodel pointing back */
	String inverse() {
		return this.inverse;
	}

	void inverse(String inverse) {
		this.inverse = inverse;
	}

	/** The value Odoo reads for an empty field of this type. */
	Object emptyValue() {
		return switch (type()) {
			case "integer" -> 0L;
			case "float", "monetary" -> 0.0;
			case "boolean" -> false;
			case "one2many", "many2many" -> List.of();
			default -> false;
		};
	}

	FieldDef copy() {
		FieldDef copy = new FieldDef(this.name, this.attributes);
		copy.inverse = this.inverse;
		return copy;
	}

}
