package io.zenoo.client.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zenoo.client.model.Many2One;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds the {@link ValueReader} for a Java type, once per record component. Odoo's {@code false} (and a missing or
 * null value) reads as {@code null}, an empty list, {@link Optional#empty()}, or zero/{@code false} for primitives.
 */
final class ValueReaders {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private ValueReaders() {
	}

	/**
	 * The reader for a type.
	 * @throws IllegalArgumentException with the reason when the type cannot be mapped
	 */
	static ValueReader forType(Type type) {
		if (type instanceof Class<?> cls) {
			return forClass(cls);
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == List.class || raw == Collection.class) {
				ValueReader element = forType(arguments[0]);
				return (node) -> readList(node, element);
			}
			if (raw == Optional.class) {
				ValueReader element = forType(arguments[0]);
				return (node) -> JsonValues.isEmpty(node) ? Optional.empty() : Optional.ofNullable(element.read(node));
			}
			if (raw == Map.class && arguments[0] == String.class && arguments[1] == Object.class) {
				return ValueReaders::readMap;
			}
		}
		throw new IllegalArgumentException("type " + type.getTypeName() + " is not supported (use String, boolean, "
				+ "int, long, double, BigDecimal, LocalDate, LocalDateTime, Instant, OffsetDateTime, Many2One, "
				+ "an enum, byte[], List<E>, Optional<E>, Map<String, Object>, JsonNode or Object)");
	}

	private static ValueReader forClass(Class<?> type) {
		if (type == String.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : expect(node, node.isString(), "a string").stringValue();
		}
		if (type == boolean.class || type == Boolean.class) {
			Object empty = (type == boolean.class) ? Boolean.FALSE : null;
			return (node) -> readBoolean(node, empty);
		}
		if (type == int.class || type == Integer.class) {
			Object empty = (type == int.class) ? 0 : null;
			return (node) -> JsonValues.isEmpty(node) ? empty
					: expect(node, node.isIntegralNumber() && node.canConvertToInt(),
							"an integer within the int range").intValue();
		}
		if (type == long.class || type == Long.class) {
			Object empty = (type == long.class) ? 0L : null;
			return (node) -> JsonValues.isEmpty(node) ? empty
					: expect(node, node.isIntegralNumber() && node.canConvertToLong(), "an integer").longValue();
		}
		if (type == double.class || type == Double.class) {
			Object empty = (type == double.class) ? 0.0d : null;
			return (node) -> JsonValues.isEmpty(node) ? empty : expect(node, node.isNumber(), "a number").doubleValue();
		}
		if (type == float.class || type == Float.class) {
			Object empty = (type == float.class) ? 0.0f : null;
			return (node) -> JsonValues.isEmpty(node) ? empty : expect(node, node.isNumber(), "a number").floatValue();
		}
		if (type == BigDecimal.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readDecimal(node);
		}
		if (type == LocalDate.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readDate(node);
		}
		if (type == LocalDateTime.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readDateTime(node);
		}
		if (type == Instant.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readDateTime(node).toInstant(ZoneOffset.UTC);
		}
		if (type == OffsetDateTime.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readDateTime(node).atOffset(ZoneOffset.UTC);
		}
		if (type == Many2One.class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readMany2One(node);
		}
		if (type == byte[].class) {
			return (node) -> JsonValues.isEmpty(node) ? null : readBinary(node);
		}
		if (type.isEnum()) {
			EnumCodec codec = EnumCodec.of(type);
			return (node) -> JsonValues.isEmpty(node) ? null : readEnum(node, codec);
		}
		if (type == JsonNode.class) {
			return (node) -> (node == null || node.isMissingNode()) ? null : node.deepCopy();
		}
		if (type == Object.class) {
			return JsonValues::toJava;
		}
		throw new IllegalArgumentException("type " + type.getName() + " is not supported (use String, boolean, int, "
				+ "long, double, BigDecimal, LocalDate, LocalDateTime, Instant, OffsetDateTime, Many2One, an enum, "
				+ "byte[], List<E>, Optional<E>, Map<String, Object>, JsonNode or Object)");
	}

	private static JsonNode expect(JsonNode node, boolean condition, String expected) {
		if (!condition) {
			throw new ValueMismatchException(expected, JsonValues.describe(node));
		}
		return node;
	}

	private static @Nullable Object readBoolean(@Nullable JsonNode node, @Nullable Object empty) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return empty;
		}
		return expect(node, node.isBoolean(), "a boolean").booleanValue();
	}

	private static BigDecimal readDecimal(JsonNode node) {
		expect(node, node.isNumber(), "a number");
		if (node.isBigDecimal() || node.isIntegralNumber()) {
			return node.decimalValue();
		}
		// the shortest decimal that reads back as this double: 1740.0 and not 1739.99999999999977...
		return BigDecimal.valueOf(node.doubleValue());
	}

	private static LocalDate readDate(JsonNode node) {
		String text = expect(node, node.isString(), "a date \"YYYY-MM-DD\"").stringValue();
		try {
			return OdooDateTimes.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			throw new ValueMismatchException("a date \"YYYY-MM-DD\"", "a string that is not one");
		}
	}

	private static LocalDateTime readDateTime(JsonNode node) {
		String text = expect(node, node.isString(), "a datetime \"YYYY-MM-DD HH:MM:SS\"").stringValue();
		try {
			return OdooDateTimes.parseDateTime(text);
		}
		catch (DateTimeParseException ex) {
			throw new ValueMismatchException("a datetime \"YYYY-MM-DD HH:MM:SS\"", "a string that is not one");
		}
	}

	private static Many2One readMany2One(JsonNode node) {
		String expected = "a many2one [id, \"name\"]";
		if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
			return Many2One.of(node.longValue());
		}
		expect(node, node.isArray() && node.size() == 2, expected);
		JsonNode id = node.get(0);
		JsonNode name = node.get(1);
		boolean nameOk = name.isString() || (name.isBoolean() && !name.booleanValue());
		if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0 || !nameOk) {
			throw new ValueMismatchException(expected,
					"[" + JsonValues.describe(id) + ", " + JsonValues.describe(name) + "]");
		}
		return new Many2One(id.longValue(), name.isString() ? name.stringValue() : null);
	}

	private static byte[] readBinary(JsonNode node) {
		String text = expect(node, node.isString(), "a base64 string").stringValue();
		try {
			// strict, but tolerate the line breaks of Python's base64.encodebytes
			return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
		}
		catch (IllegalArgumentException ex) {
			throw new ValueMismatchException("a base64 string", "a string that is not base64");
		}
	}

	private static Enum<?> readEnum(JsonNode node, EnumCodec codec) {
		String expected = "a selection key of " + codec.describe();
		String key = expect(node, node.isString(), expected).stringValue();
		Enum<?> constant = codec.constant(key);
		if (constant == null) {
			throw new ValueMismatchException(expected, "the unknown key \"" + key + "\"");
		}
		return constant;
	}

	private static List<?> readList(@Nullable JsonNode node, ValueReader element) {
		if (JsonValues.isEmpty(node)) {
			return List.of();
		}
		expect(node, node.isArray(), "a list");
		List<@Nullable Object> list = new ArrayList<>(node.size());
		for (JsonNode value : node) {
			list.add(element.read(value));
		}
		return Collections.unmodifiableList(list);
	}

	private static @Nullable Map<String, @Nullable Object> readMap(@Nullable JsonNode node) {
		if (JsonValues.isEmpty(node)) {
			return null;
		}
		return JsonValues.toJavaMap(expect(node, node.isObject(), "an object"));
	}

}
