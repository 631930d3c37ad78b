package io.zenoo.client.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * JSON trees to plain, unmodifiable Java values, and short descriptions of JSON types for error messages.
 */
final class JsonValues {

	private JsonValues() {
	}

	static boolean isEmpty(@Nullable JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() || (node.isBoolean() && !node.booleanValue());
	}

	/**
	 * Plain Java value of a JSON value: String, Boolean, Long (BigInteger beyond its range), Double (or BigDecimal when the
	 * tree holds one), unmodifiable List and Map (in the JSON order), or {@code null} for JSON null.
	 */
	static @Nullable Object toJava(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			// Long, never Integer: ids and counts read the same way whatever their size.
			if (node.canConvertToLong()) {
				return node.longValue();
			}
			return node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue();
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(toJava(element));
			}
			return Collections.unmodifiableList(list);
		}
		if (node.isObject()) {
			return toJavaMap(node);
		}
		if (node.isBinary()) {
			return node.binaryValue().clone();
		}
		// POJO nodes only exist in trees built in memory
		return node.toString();
	}

	static Map<String, @Nullable Object> toJavaMap(JsonNode object) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.max(4, object.size() * 2));
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			map.put(property.getKey(), toJava(property.getValue()));
		}
		return Collections.unmodifiableMap(map);
	}

	static String describe(@Nullable JsonNode node) {
		if (node == null || node.isMissingNode()) {
			return "no value";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isBoolean()) {
			return node.booleanValue() ? "true" : "false";
		}
		if (node.isIntegralNumber()) {
			return (node.canConvertToLong()) ? "an integer" : "an integer out of range";
		}
		if (node.isNumber()) {
			return "a decimal number";
		}
		if (node.isArray()) {
			return "an array of " + node.size() + " elements";
		}
		if (node.isObject()) {
			return "an object";
		}
		if (node.isNull()) {
			return "null";
		}
		return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

}
