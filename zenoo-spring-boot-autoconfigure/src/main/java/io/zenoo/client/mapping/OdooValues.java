package io.zenoo.client.mapping;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Converts Java values to the JSON-ready values Odoo expects in domains and in written values.
 * <ul>
 * <li>{@code null} and an empty {@link Optional} become {@code false} (Odoo's "empty"); a present {@code Optional}
 * is unwrapped;</li>
 * <li>{@link Boolean}, {@link String}, and {@link Integer}, {@link Long}, {@link Short}, {@link Byte},
 * {@link Double}, {@link Float}, {@link BigDecimal}, {@link BigInteger} stay as they are; a {@link Character} becomes
 * a {@code String};</li>
 * <li>{@link LocalDate} becomes {@code "YYYY-MM-DD"}; {@link LocalDateTime} (taken as UTC) becomes
 * {@code "YYYY-MM-DD HH:MM:SS"}; {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime} are converted to
 * UTC first; fractions of a second are dropped;</li>
 * <li>an {@link Enum} becomes its {@link OdooValue} key, or its {@link Enum#name() name};</li>
 * <li>a {@link Many2One} becomes its id;</li>
 * <li>{@code byte[]} becomes a base64 string;</li>
 * <li>collections and other arrays become unmodifiable lists, and {@link Map maps} with string keys become
 * unmodifiable maps, their elements converted recursively;</li>
 * <li>a {@link JsonNode} is passed through;</li>
 * <li>anything else is rejected with an {@link OdooMappingException} naming its class.</li>
 * </ul>
 */
public final class OdooValues {

	private OdooValues() {
	}

	/**
	 * Converts a value for the wire.
	 * @param value the Java value, or {@code null}
	 * @return the JSON-ready value, never {@code null}
	 * @throws OdooMappingException if the value, or an element of it, has a type Odoo cannot take
	 */
	public static Object toWire(@Nullable Object value) {
		if (value == null) {
			return Boolean.FALSE;
		}
		if (value instanceof String || value instanceof Boolean || isPlainNumber(value)) {
			if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
				throw new OdooMappingException("Cannot send a non-finite number (NaN or infinity) to Odoo");
			}
			return value;
		}
		if (value instanceof Character) {
			return value.toString();
		}
		if (value instanceof Optional<?> optional) {
			return toWire(optional.orElse(null));
		}
		if (value instanceof Many2One many2One) {
			return many2One.id();
		}
		if (value instanceof Enum<?> constant) {
			return EnumCodec.of(constant.getClass()).key(constant);
		}
		if (value instanceof LocalDate date) {
			return OdooDateTimes.format(date);
		}
		if (value instanceof LocalDateTime dateTime) {
			return OdooDateTimes.format(dateTime);
		}
		if (value instanceof Instant instant) {
			return OdooDateTimes.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
		if (value instanceof OffsetDateTime dateTime) {
			return OdooDateTimes.format(dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
		}
		if (value instanceof ZonedDateTime dateTime) {
			return OdooDateTimes.format(dateTime.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			for (Object element : collection) {
				list.add(toWire(element));
			}
			return Collections.unmodifiableList(list);
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> list = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				list.add(toWire(Array.get(value, i)));
			}
			return Collections.unmodifiableList(list);
		}
		if (value instanceof Map<?, ?> map) {
			return toWireMap(map);
		}
		if (value instanceof JsonNode) {
			return value;
		}
		throw new OdooMappingException("Cannot convert a value of type " + value.getClass().getName()
				+ " for Odoo: supported are String, Boolean, numbers, java.time dates, enums, Many2One, byte[], "
				+ "collections, arrays and maps");
	}

	/**
	 * Converts the values of a {@code create} or {@code write} call, keeping the iteration order.
	 * @param values field names to Java values ({@code null} values allowed: they become {@code false})
	 * @return an unmodifiable map of field names to JSON-ready values
	 * @throws OdooMappingException if a key is not a non-blank string or a value cannot be converted
	 */
	public static Map<String, Object> toWireValues(Map<String, ?> values) {
		if (values == null) {
			throw new OdooMappingException("Values to write must not be null");
		}
		return toWireMap(values);
	}

	/**
	 * Formats a date as Odoo does.
	 * @param date the date
	 * @return {@code YYYY-MM-DD}
	 */
	public static String formatDate(LocalDate date) {
		return OdooDateTimes.format(date);
	}

	/**
	 * Formats a UTC date-time as Odoo does, dropping fractions of a second.
	 * @param dateTime the date-time in UTC
	 * @return {@code YYYY-MM-DD HH:MM:SS}
	 */
	public static String formatDateTime(LocalDateTime dateTime) {
		return OdooDateTimes.format(dateTime);
	}

	private static Map<String, Object> toWireMap(Map<?, ?> map) {
		Map<String, Object> result = new LinkedHashMap<>(Math.max(4, map.size() * 2));
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new OdooMappingException("Map keys sent to Odoo must be strings, got "
						+ ((entry.getKey() != null) ? entry.getKey().getClass().getName() : "null"));
			}
			if (key.isBlank()) {
				throw new OdooMappingException("Map keys sent to Odoo must not be blank");
			}
			result.put(key, toWire(entry.getValue()));
		}
		return Collections.unmodifiableMap(result);
	}

	private static boolean isPlainNumber(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Double
				|| value instanceof BigDecimal || value instanceof Short || value instanceof Byte
				|| value instanceof Float || value instanceof BigInteger;
	}

}
