package io.zenoo.client.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooField;
import io.zenoo.client.model.OdooModel;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Maps Odoo rows to a Java record type and back, with converters and the canonical constructor resolved once per
 * type.
 * <p>
 * Each record component maps the Odoo field named by {@link OdooField} or, by default, the component name in
 * snake_case ({@code countryId} maps {@code country_id}). Supported component types: {@code String};
 * {@code boolean}; {@code int}, {@code long}, {@code double}, {@code float} and their wrappers; {@code BigDecimal};
 * {@code LocalDate} ({@code "YYYY-MM-DD"}); {@code LocalDateTime}, {@code Instant} and {@code OffsetDateTime} (from
 * Odoo's UTC {@code "YYYY-MM-DD HH:MM:SS"}); {@link Many2One}; enums (by {@link io.zenoo.client.model.OdooValue} key
 * or by name ignoring case); {@code byte[]} (base64); {@code List<E>} and {@code Optional<E>} of those;
 * {@code Map<String, Object>}, {@code JsonNode} and {@code Object} (plain values). Odoo's {@code false} for an empty
 * field reads as {@code null}, an empty list, {@code Optional.empty()}, or zero/{@code false} for primitives.
 * <p>
 * Results are immutable as far as the record allows: lists and maps read by the mapper are unmodifiable, so records
 * can be shared from a cache. Instances are thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordMapper<T> {

	private static final ClassValue<RecordMapper<?>> MAPPERS = new ClassValue<>() {
		@Override
		protected RecordMapper<?> computeValue(Class<?> type) {
			return new RecordMapper<>(type);
		}
	};

	private static final MethodType CONSTRUCTOR_TYPE = MethodType.methodType(Object.class, Object[].class);

	private static final MethodType ACCESSOR_TYPE = MethodType.methodType(Object.class, Object.class);

	private final Class<T> type;

	private final @Nullable String model;

	private final String[] fields;

	private final String[] components;

	private final RecordComponent[] recordComponents;

	private final ValueReader[] readers;

	private final MethodHandle[] accessors;

	/** How each component is written: {@link #SKIP}, {@link #PLAIN} or {@link #ID_LIST}. */
	private final byte[] writeModes;

	private final MethodHandle constructor;

	private final List<String> fieldNames;

	/** The component index of each mapped field, for rows whose fields come in another order. */
	private final Map<String, Integer> fieldIndexes;

	private static final byte SKIP = 0;

	private static final byte PLAIN = 1;

	private static final byte ID_LIST = 2;

	private RecordMapper(Class<T> type) {
		if (!type.isRecord()) {
			throw new OdooMappingException(type.getName() + " is not a record: only record types can be mapped");
		}
		this.type = type;
		OdooModel modelAnnotation = type.getAnnotation(OdooModel.class);
		this.model = (modelAnnotation != null && !modelAnnotation.value().isBlank()) ? modelAnnotation.value() : null;
		RecordComponent[] recordComponents = type.getRecordComponents();
		int count = recordComponents.length;
		this.fields = new String[count];
		this.components = new String[count];
		this.recordComponents = recordComponents;
		this.readers = new ValueReader[count];
		this.accessors = new MethodHandle[count];
		this.writeModes = new byte[count];
		Set<String> seen = new HashSet<>();
		List<String> names = new ArrayList<>(count + 1);
		names.add("id");
		Class<?>[] parameterTypes = new Class<?>[count];
		for (int i = 0; i < count; i++) {
			RecordComponent component = recordComponents[i];
			OdooField annotation = component.getAnnotation(OdooField.class);
			String field = (annotation != null && !annotation.value().isBlank()) ? annotation.value().trim()
					: FieldNames.snakeCase(component.getName());
			if (!seen.add(field)) {
				throw new OdooMappingException(describe(component) + " maps the Odoo field '" + field
						+ "' that another component already maps");
			}
			if (field.equals("id") && !isIdType(component.getType())) {
				throw new OdooMappingException(describe(component) + " maps the field 'id' and must be long, Long, "
						+ "int or Integer, not " + component.getGenericType().getTypeName());
			}
			this.fields[i] = field;
			this.components[i] = component.getName();
			try {
				this.readers[i] = ValueReaders.forType(component.getGenericType());
			}
			catch (IllegalArgumentException ex) {
				throw new OdooMappingException("Cannot map " + describe(component) + ": " + ex.getMessage());
			}
			this.accessors[i] = accessor(component);
			boolean readOnly = field.equals("id") || (annotation != null && annotation.readOnly());
			this.writeModes[i] = readOnly ? SKIP : isIdList(component.getGenericType()) ? ID_LIST : PLAIN;
			if (!field.equals("id")) {
				names.add(field);
			}
			parameterTypes[i] = component.getType();
		}
		this.fieldNames = List.copyOf(names);
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < count; i++) {
			indexes.put(this.fields[i], i);
		}
		this.fieldIndexes = Map.copyOf(indexes);
		this.constructor = constructor(type, parameterTypes);
	}

	/**
	 * The mapper of a record type, built and validated on first use and cached.
	 * @param recordType the record type
	 * @param <T> the record type
	 * @return the mapper
	 * @throws OdooMappingException if the type is not a record, or a component has a type that cannot be mapped,
	 * or two components map the same field
	 */
	@SuppressWarnings("unchecked")
	public static <T> RecordMapper<T> of(Class<T> recordType) {
		if (recordType == null) {
			throw new OdooMappingException("The record type must not be null");
		}
		return (RecordMapper<T>) MAPPERS.get(recordType);
	}

	/**
	 * The mapper of untyped rows.
	 * @return the shared map mapper
	 */
	public static MapRowMapper forMaps() {
		return MapRowMapper.instance();
	}

	/**
	 * The record type.
	 * @return the type this mapper maps
	 */
	public Class<T> type() {
		return this.type;
	}

	/**
	 * The Odoo model, from {@link OdooModel} on the record type.
	 * @return the model name
	 * @throws OdooMappingException if the record type has no {@link OdooModel} annotation
	 */
	public String model() {
		if (this.model == null) {
			throw new OdooMappingException(this.type.getName() + " has no @OdooModel annotation naming its model");
		}
		return this.model;
	}

	/**
	 * The Odoo fields to request so that every component can be read: {@code id} first, then the components' fields
	 * in declaration order.
	 * @return an unmodifiable list of field names
	 */
	public List<String> fieldNames() {
		return this.fieldNames;
	}

	/**
	 * The record component that maps an Odoo field.
	 * @param field an Odoo field name, for example {@code country_id}
	 * @return the component, or {@code null} when no component maps that field
	 */
	public @Nullable RecordComponent component(String field) {
		for (int i = 0; i < this.fields.length; i++) {
			if (this.fields[i].equals(field)) {
				return this.recordComponents[i];
			}
		}
		return null;
	}

	/**
	 * The Odoo field a record component maps.
	 * @param component the component name, for example {@code countryId}
	 * @return the field name, for example {@code country_id}, or {@code null} if the record has no such component
	 */
	public @Nullable String fieldOf(String component) {
		for (int i = 0; i < this.components.length; i++) {
			if (this.components[i].equals(component)) {
				return this.fields[i];
			}
		}
		return null;
	}

	/**
	 * The Odoo field name a Java property name maps by default: camelCase to snake_case ({@code countryId} to
	 * {@code country_id}), as for record components without {@link OdooField}.
	 * @param name a Java property name
	 * @return the snake_case field name
	 */
	public static String defaultFieldName(String name) {
		return FieldNames.snakeCase(name);
	}

	/**
	 * Reads one row.
	 * @param row a JSON object as returned by {@code read} or {@code search_read}; fields it lacks read as empty
	 * @return the record
	 * @throws OdooMappingException if the row is not an object, or a value has the wrong JSON type for its component
	 * (naming the model, field, component and expected and actual types), or the record's constructor rejects it
	 */
	public T read(JsonNode row) {
		if (row == null || !row.isObject()) {
			throw new OdooMappingException("A row of model " + modelForMessages() + " must be a JSON object, got "
					+ JsonValues.describe(row));
		}
		JsonNode[] values = valuesInComponentOrder(row);
		Object[] arguments = new Object[this.readers.length];
		for (int i = 0; i < arguments.length; i++) {
			try {
				arguments[i] = this.readers[i].read(values[i]);
			}
			catch (ValueMismatchException ex) {
				throw new OdooMappingException("Cannot read field '" + this.fields[i] + "' of model "
						+ modelForMessages() + " into " + this.type.getSimpleName() + "." + this.components[i]
						+ ": expected " + ex.expected() + " but got " + ex.actual());
			}
		}
		try {
			return this.type.cast((Object) this.constructor.invokeExact(arguments));
		}
		catch (RuntimeException ex) {
			throw new OdooMappingException("The constructor of " + this.type.getName() + " rejected a row of model "
					+ modelForMessages() + ": " + ex.getClass().getSimpleName(), ex);
		}
		catch (Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new OdooMappingException("The constructor of " + this.type.getName() + " failed", ex);
		}
	}

	/**
	 * The row's values by component index ({@code null} for a field the row lacks), in one pass over its properties.
	 * Odoo sends {@code id} first and then the fields in the order they were asked for, which is the components'
	 * order when the fields came from {@link #fieldNames()}: each property is then the next expected one, compared
	 * once, instead of looked up by name; a property out of that order is looked up.
	 */
	private JsonNode[] valuesInComponentOrder(JsonNode row) {
		JsonNode[] values = new JsonNode[this.fields.length];
		int next = 0;
		for (Map.Entry<String, JsonNode> property : row.properties()) {
			String name = property.getKey();
			int index;
			if (next < this.fields.length && this.fields[next].equals(name)) {
				index = next;
			}
			else {
				Integer found = this.fieldIndexes.get(name);
				if (found == null) {
					continue;
				}
				index = found;
			}
			values[index] = property.getValue();
			next = index + 1;
		}
		return values;
	}

	/**
	 * Reads a JSON array of rows.
	 * @param rows a JSON array of objects
	 * @return an unmodifiable list of records
	 * @throws OdooMappingException if {@code rows} is not an array or a row cannot be read
	 */
	public List<T> readAll(JsonNode rows) {
		if (rows == null || !rows.isArray()) {
			throw new OdooMappingException("Rows of model " + modelForMessages() + " must be a JSON array, got "
					+ JsonValues.describe(rows));
		}
		List<T> result = new ArrayList<>(rows.size());
		for (JsonNode row : rows) {
			result.add(read(row));
		}
		return Collections.unmodifiableList(result);
	}

	/**
	 * The values to send to {@code create} or {@code write}: every component except {@code id} and those marked
	 * {@link OdooField#readOnly() read-only}, converted by {@link OdooValues} ({@code null} as {@code false}, a
	 * {@link Many2One} as its id). A {@code List} of {@code Long} or {@code Integer} (an x2many field) is written as
	 * the replace command {@code [[6, 0, ids]]}.
	 * @param record the record
	 * @return an unmodifiable map of field names to JSON-ready values, in component order
	 * @throws OdooMappingException if the record is null or a value cannot be converted
	 */
	public Map<String, Object> toValues(T record) {
		if (record == null || !this.type.isInstance(record)) {
			throw new OdooMappingException("Expected an instance of " + this.type.getName() + ", got "
					+ ((record != null) ? record.getClass().getName() : "null"));
		}
		Map<String, Object> values = new LinkedHashMap<>(this.fields.length * 2);
		for (int i = 0; i < this.fields.length; i++) {
			if (this.writeModes[i] == SKIP) {
				continue;
			}
			Object value = access(i, record);
			if (this.writeModes[i] == ID_LIST) {
				values.put(this.fields[i], List.of(List.of(6, 0, OdooValues.toWire((value != null) ? value : List.of()))));
			}
			else {
				try {
					values.put(this.fields[i], OdooValues.toWire(value));
				}
				catch (OdooMappingException ex) {
					throw new OdooMappingException("Cannot write " + this.type.getSimpleName() + "."
							+ this.components[i] + ": " + ex.getMessage(), ex);
				}
			}
		}
		return Collections.unmodifiableMap(values);
	}

	private @Nullable Object access(int index, T record) {
		try {
			return (Object) this.accessors[index].invokeExact((Object) record);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new OdooMappingException("The accessor of " + this.type.getSimpleName() + "."
					+ this.components[index] + " failed", ex);
		}
	}

	private String modelForMessages() {
		return (this.model != null) ? "'" + this.model + "'" : this.type.getSimpleName();
	}

	private static String describe(RecordComponent component) {
		return "component '" + component.getName() + "' of " + component.getDeclaringRecord().getName();
	}

	private static boolean isIdType(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

	private static boolean isIdList(Type type) {
		if (type instanceof ParameterizedType parameterized
				&& (parameterized.getRawType() == List.class || parameterized.getRawType() == Collection.class)) {
			Type element = parameterized.getActualTypeArguments()[0];
			return element == Long.class || element == Integer.class;
		}
		return false;
	}

	private static MethodHandle accessor(RecordComponent component) {
		try {
			java.lang.reflect.Method method = component.getAccessor();
			method.setAccessible(true);
			return MethodHandles.lookup().unreflect(method).asType(ACCESSOR_TYPE);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new OdooMappingException("Cannot access " + describe(component)
					+ ": make the record public or open its package", ex);
		}
	}

	private static MethodHandle constructor(Class<?> type, Class<?>[] parameterTypes) {
		try {
			Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
			canonical.setAccessible(true);
			return MethodHandles.lookup()
				.unreflectConstructor(canonical)
				.asSpreader(Object[].class, parameterTypes.length)
				.asType(CONSTRUCTOR_TYPE);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new OdooMappingException("Cannot access the canonical constructor of " + type.getName()
					+ ": make the record public or open its package", ex);
		}
	}

}
