package io.zenoo.client;

import java.util.List;
import java.util.Map;

import io.zenoo.client.mapping.MapRowMapper;
import io.zenoo.client.mapping.RecordMapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns the rows of a {@code search_read} or {@code read} into the query's result type, and says which fields to ask
 * for when the query names none.
 *
 * @param <T> the result type
 */
interface RowReader<T> {

	T read(JsonNode row);

	/**
	 * @return the fields to request by default, or {@code null} to let Odoo choose (untyped queries)
	 */
	@Nullable List<String> defaultFields();

	static <T> RowReader<T> forRecord(RecordMapper<T> mapper) {
		List<String> fields = mapper.fieldNames();
		return new RowReader<>() {

			@Override
			public T read(JsonNode row) {
				return mapper.read(row);
			}

			@Override
			public List<String> defaultFields() {
				return fields;
			}

		};
	}

	static RowReader<Map<String, Object>> forMaps() {
		MapRowMapper mapper = MapRowMapper.instance();
		return new RowReader<>() {

			@Override
			public Map<String, Object> read(JsonNode row) {
				return mapper.read(row);
			}

			@Override
			public @Nullable List<String> defaultFields() {
				return null;
			}

		};
	}

}
