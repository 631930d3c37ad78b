package io.zenoo.client.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zenoo.client.mapping.OdooValues;
import org.jspecify.annotations.Nullable;

/**
 * Converts term values for the wire ({@link OdooValues}) and normalizes numbers so that a domain built in Java equals
 * the same domain parsed from its literal: integers become {@link Long}, decimals {@link Double} (or
 * {@link BigDecimal} when a double cannot hold them exactly).
 */
final class DomainValues {

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private DomainValues() {
	}

	static Object normalize(@Nullable Object value) {
		return canonical(OdooValues.toWire(value));
	}

	private static Object canonical(Object wire) {
		if (wire instanceof Integer || wire instanceof Short || wire instanceof Byte) {
			return ((Number) wire).longValue();
		}
		if (wire instanceof BigInteger big) {
			return (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) ? (Object) big.longValue() : big;
		}
		if (wire instanceof Float f) {
			return Double.valueOf(Float.toString(f));
		}
		if (wire instanceof BigDecimal decimal) {
			return canonicalDecimal(decimal);
		}
		if (wire instanceof List<?> list) {
			List<Object> result = new ArrayList<>(list.size());
			for (Object element : list) {
				result.add(canonical(element));
			}
			return Collections.unmodifiableList(result);
		}
		if (wire instanceof Map<?, ?> map) {
			Map<Object, Object> result = new LinkedHashMap<>();
			map.forEach((key, element) -> result.put(key, canonical(element)));
			return Collections.unmodifiableMap(result);
		}
		if (wire instanceof String || wire instanceof Boolean || wire instanceof Long || wire instanceof Double) {
			return wire;
		}
		throw new DomainSyntaxException("A domain value must be a plain value, not " + wire.getClass().getName());
	}

	static Object canonicalDecimal(BigDecimal decimal) {
		double asDouble = decimal.doubleValue();
		if (Double.isFinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0) {
			return asDouble;
		}
		BigDecimal stripped = decimal.stripTrailingZeros();
		return (stripped.scale() < 1) ? stripped.setScale(1) : stripped;
	}

}
