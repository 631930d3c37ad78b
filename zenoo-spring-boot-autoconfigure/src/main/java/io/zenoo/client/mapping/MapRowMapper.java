package io.zenoo.client.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads untyped Odoo rows into unmodifiable maps of plain Java values, in the order Odoo sent the fields.
 * <p>
 * Strings stay {@link String}; integers become {@link Long} (ids and counts read alike whatever their size); decimals become
 * {@link Double}; JSON arrays become unmodifiable lists (so a many2one is {@code [id, "name"]} and an x2many a list of
 * ids) and objects unmodifiable maps. As the field type is unknown, Odoo's {@code false} stays {@link Boolean#FALSE}.
 * Results are safe to share between callers.
 */
public final class MapRowMapper {

	private static final MapRowMapper INSTANCE = new MapRowMapper();

	private MapRowMapper() {
	}

	/**
	 * The shared, stateless instance.
	 * @return the mapper
	 */
	public static MapRowMapper instance() {
		return INSTANCE;
	}

	/**
	 * Reads one row.
	 * @param row a JSON object as returned by {@code read} or {@code search_read}
	 * @return an unmodifiable map of field names to values; JSON null values are {@code null}
	 * @throws OdooMappingException if the row is not a JSON object
	 */
	public Map<String, @Nullable Object> read(JsonNode row) {
		if (row == null || !row.isObject()) {
			throw new OdooMappingException("An Odoo row must be a JSON object, got " + JsonValues.describe(row));
		}
		return JsonValues.toJavaMap(row);
	}

	/**
	 * Reads a list of rows.
	 * @param rows a JSON array of objects
	 * @return an unmodifiable list of unmodifiable maps
	 * @throws OdooMappingException if {@code rows} is not an array of objects
	 */
	public List<Map<String, @Nullable Object>> readAll(JsonNode rows) {
		if (rows == null || !rows.isArray()) {
			throw new OdooMappingException("Odoo rows must be a JSON array, got " + JsonValues.describe(rows));
		}
		List<Map<String, @Nullable Object>> result = new ArrayList<>(rows.size());
		for (JsonNode row : rows) {
			result.add(read(row));
		}
		return Collections.unmodifiableList(result);
	}

}
