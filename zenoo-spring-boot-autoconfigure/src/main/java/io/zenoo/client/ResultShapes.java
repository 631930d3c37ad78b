package io.zenoo.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zenoo.client.model.Many2One;
import tools.jackson.databind.JsonNode;

/**
 * Reads Odoo's results into the shapes the query API returns, and fails with a typed error naming the model and
 * method when a result does not have the shape the method promises. Every returned collection is unmodifiable, since
 * results may be cached and shared.
 */
final class ResultShapes {

	private ResultShapes() {
	}

	static <T> List<T> rows(String model, String method, JsonNode node, RowReader<T> reader) {
		requireArray(model, method, node);
		List<T> rows = new ArrayList<>(node.size());
		for (JsonNode row : node) {
			rows.add(reader.read(row));
		}
		return Collections.unmodifiableList(rows);
	}

	static List<Long> ids(String model, String method, JsonNode node) {
		requireArray(model, method, node);
		List<Long> ids = new ArrayList<>(node.size());
		for (JsonNode id : node) {
			if (!isId(id)) {
				throw ZenooClient.unexpected(model, method, "a list of ids", node);
			}
			ids.add(id.longValue());
		}
		return List.copyOf(ids);
	}

	static List<Many2One> pairs(String model, JsonNode node) {
		requireArray(model, "name_search", node);
		List<Many2One> pairs = new ArrayList<>(node.size());
		for (JsonNode pair : node) {
			if (!pair.isArray() || pair.size() != 2 || !isId(pair.get(0))) {
				throw ZenooClient.unexpected(model, "name_search", "[id, name] pairs", node);
			}
			JsonNode name = pair.get(1);
			pairs.add(new Many2One(pair.get(0).longValue(), name.isString() ? name.asString() : null));
		}
		return List.copyOf(pairs);
	}

	static long count(String model, String method, JsonNode node) {
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
			throw ZenooClient.unexpected(model, method, "a count", node);
		}
		return node.longValue();
	}

	static Map<String, Map<String, Object>> fields(String model, JsonNode node) {
		if (!node.isObject()) {
			throw ZenooClient.unexpected(model, "fields_get", "an object", node);
		}
		RowReader<Map<String, Object>> maps = RowReader.forMaps();
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		node.properties().forEach((entry) -> result.put(entry.getKey(), maps.read(entry.getValue())));
		return Collections.unmodifiableMap(result);
	}

	/** Whether a write reported success: {@code true}, or any non-null result from methods that return one. */
	static boolean written(JsonNode node) {
		return node.isBoolean() ? node.booleanValue() : !node.isNull();
	}

	/**
	 * The ids {@code create} returned for {@code count} records: one id, or a list of them (JSON-2, or several
	 * records).
	 */
	static List<Long> createdIds(String model, JsonNode node, int count) {
		if (node.isNumber() && !isId(node)) {
			throw ZenooClient.unexpected(model, "create", "an id", node);
		}
		List<Long> ids = node.isNumber() ? List.of(node.longValue()) : ids(model, "create", node);
		if (ids.size() != count) {
			throw ZenooClient.unexpected(model, "create", count + " id(s)", node);
		}
		return ids;
	}

	/**
	 * Whether a value is a record id: a positive integer that fits a {@code long} (Jackson refuses to read a larger
	 * one as a {@code long} with an exception of its own).
	 */
	static boolean isId(JsonNode node) {
		return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0;
	}

	private static void requireArray(String model, String method, JsonNode node) {
		if (!node.isArray()) {
			throw ZenooClient.unexpected(model, method, "a list", node);
		}
	}

}
