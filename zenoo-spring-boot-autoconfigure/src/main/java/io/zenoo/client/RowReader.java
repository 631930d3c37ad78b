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

	/**
	 * @return the type of a list of rows, which cached results are decoded into
	 */
	java.lang.reflect.Type listType();

	/**
	 * @return the hash of {@link #defaultFields()}, computed once
	 */
	int defaultFieldsHash();

	/**
	 * The reader of a record type, made once per type: queries are built on hot paths.
	 */
	@SuppressWarnings("unchecked")
	static <T> RowReader<T> of(Class<T> recordType) {
		return (RowReader<T>) Readers.BY_TYPE.get(recordType);
	}

	static <T> RowReader<T> forRecord(RecordMapper<T> mapper) {
		List<String> fields = mapper.fieldNames();
		int fieldsHash = fields.hashCode();
		java.lang.reflect.Type listType = ResultTypes.listOf(mapper.type());
		return new RowReader<>() {

			@Override
			public int defaultFieldsHash() {
				return fieldsHash;
			}

			@Override
			public java.lang.reflect.Type listType() {
				return listType;
			}

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
		return Readers.MAPS;
	}

	/** Holds the shared readers. */
	final class Readers {

		static final ClassValue<RowReader<?>> BY_TYPE = new ClassValue<>() {

			@Override
			protected RowReader<?> computeValue(Class<?> type) {
				return forRecord(RecordMapper.of(type));
			}

		};

		static final RowReader<Map<String, Object>> MAPS = mapReader();

		private Readers() {
		}

	}

	private static RowReader<Map<String, Object>> mapReader() {
		MapRowMapper mapper = MapRowMapper.instance();
		return new RowReader<>() {

			@Override
			public int defaultFieldsHash() {
				return 0;
			}

			@Override
			public java.lang.reflect.Type listType() {
				return ResultTypes.LIST_OF_MAPS;
			}

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
