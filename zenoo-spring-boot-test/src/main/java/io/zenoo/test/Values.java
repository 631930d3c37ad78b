package io.zenoo.test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the JSON-like Java values the store keeps: {@code String}, {@code Boolean}, {@code Long}, {@code Double},
 * {@code List}, {@code Map} and {@code null} (Odoo's {@code False} for an empty value).
 */
final class Values {

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Values() {
	}

	/** Normalises numbers to {@code Long}/{@code Double} and copies containers, recursively. */
	static Object normalize(Object value) {
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big) {
			return big.longValue();
		}
		if (value instanceof Float || value instanceof BigDecimal) {
			return ((Number) value).doubleValue();
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object item : list) {
				copy.add(normalize(item));
			}
			return copy;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), normalize(item)));
			return copy;
		}
		return value;
	}

	/** Deep copy of a JSON-like value. */
	static Object copy(Object value) {
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object item : list) {
				copy.add(copy(item));
			}
			return copy;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
			return copy;
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> copyRecord(Map<String, Object> record) {
		return (Map<String, Object>) copy(record);
	}

	/** Python truthiness. */
	static boolean truthy(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof Number number) {
			return number.doubleValue() != 0;
		}
		if (value instanceof String text) {
			return !text.isEmpty();
		}
		if (value instanceof List<?> list) {
			return !list.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return !map.isEmpty();
		}
		return true;
	}

	/** {@code true} for Odoo's "no value": {@code null} or {@code false}. */
	static boolean isFalse(Object value) {
		return value == null || Boolean.FALSE.equals(value);
	}

	static boolean isInteger(Object value) {
		return value instanceof Long || value instanceof Integer;
	}

	/** The id in a value that names a record: a number, or the first element of an {@code [id, name]} pair. */
	static Long asId(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number number) {
			return number.longValue();
		}
		return null;
	}

	/** The current UTC time in Odoo's datetime format. */
	static String now() {
		return LocalDateTime.now(ZoneOffset.UTC).format(DATETIME);
	}

	/** Compares two scalar values (numbers numerically, everything else as strings). */
	static int compare(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue());
		}
		if (left instanceof Boolean a && right instanceof Boolean b) {
			return Boolean.compare(a, b);
		}
		return String.valueOf(left).compareTo(String.valueOf(right));
	}

	/** Equality across number types. */
	static boolean same(Object left, Object right) {
		if (left instanceof Number a && right instanceof Number b) {
			return a.doubleValue() == b.doubleValue();
		}
		return java.util.Objects.equals(left, right);
	}

}
