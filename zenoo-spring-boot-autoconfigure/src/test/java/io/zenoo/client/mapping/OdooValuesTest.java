package io.zenoo.client.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link OdooValues}: Java to wire for each type.
 */
class OdooValuesTest {

	enum Position {

		@OdooValue("before")
		BEFORE,

		after

	}

	@Test
	void scalars() {
		assertThat(OdooValues.toWire(null)).isEqualTo(false);
		assertThat(OdooValues.toWire(true)).isEqualTo(true);
		assertThat(OdooValues.toWire("x")).isEqualTo("x");
		assertThat(OdooValues.toWire('c')).isEqualTo("c");
		assertThat(OdooValues.toWire(3)).isEqualTo(3);
		assertThat(OdooValues.toWire(3L)).isEqualTo(3L);
		assertThat(OdooValues.toWire(1.5d)).isEqualTo(1.5d);
		assertThat(OdooValues.toWire(new BigDecimal("12.30"))).isEqualTo(new BigDecimal("12.30"));
		assertThat(OdooValues.toWire(BigInteger.TEN)).isEqualTo(BigInteger.TEN);
		assertThat(OdooValues.toWire(Optional.empty())).isEqualTo(false);
		assertThat(OdooValues.toWire(Optional.of(4))).isEqualTo(4);
	}

	@Test
	void datesAndTimesAreUtcTextWithoutFractions() {
		assertThat(OdooValues.toWire(LocalDate.of(2026, 2, 3))).isEqualTo("2026-02-03");
		assertThat(OdooValues.toWire(LocalDateTime.of(2026, 2, 3, 4, 5, 6, 700_000_000)))
			.isEqualTo("2026-02-03 04:05:06");
		assertThat(OdooValues.toWire(Instant.parse("2026-02-03T04:05:06.123Z"))).isEqualTo("2026-02-03 04:05:06");
		assertThat(OdooValues.toWire(OffsetDateTime.of(2026, 2, 3, 1, 0, 0, 0, ZoneOffset.ofHours(2))))
			.isEqualTo("2026-02-02 23:00:00");
		assertThat(OdooValues.toWire(ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Brussels"))))
			.isEqualTo("2026-07-01 10:00:00");
		assertThat(OdooValues.formatDate(LocalDate.of(999, 1, 1))).isEqualTo("0999-01-01");
		assertThat(OdooValues.formatDateTime(LocalDateTime.of(2026, 12, 31, 23, 59, 59))).isEqualTo("2026-12-31 23:59:59");
	}

	@Test
	void enumsManyToOnesAndBinaries() {
		assertThat(OdooValues.toWire(Position.BEFORE)).isEqualTo("before");
		assertThat(OdooValues.toWire(Position.after)).isEqualTo("after");
		assertThat(OdooValues.toWire(new Many2One(233, "United States"))).isEqualTo(233L);
		assertThat(OdooValues.toWire(new byte[] { 'h', 'i' })).isEqualTo("aGk=");
	}

	@Test
	void collectionsArraysAndMapsRecursively() {
		Object list = OdooValues.toWire(Arrays.asList(1, null, LocalDate.of(2026, 1, 1), Many2One.of(5)));
		assertThat(list).isEqualTo(List.of(1, false, "2026-01-01", 5L));
		assertThat((List<?>) list).isUnmodifiable();
		assertThat(OdooValues.toWire(new long[] { 1, 2 })).isEqualTo(List.of(1L, 2L));
		assertThat(OdooValues.toWire(new String[] { "a" })).isEqualTo(List.of("a"));
		assertThat(OdooValues.toWire(Set.of(Position.BEFORE))).isEqualTo(List.of("before"));
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("date", LocalDate.of(2026, 1, 1));
		nested.put("none", null);
		nested.put("ids", List.of(new int[] { 3 }));
		Object map = OdooValues.toWire(Map.of("vals", nested));
		assertThat(map).isEqualTo(Map.of("vals", Map.of("date", "2026-01-01", "none", false, "ids",
				List.of(List.of(3)))));
		assertThat((Map<?, ?>) map).isUnmodifiable();
		JsonNode node = JsonNodeFactory.instance.objectNode().put("a", 1);
		assertThat(OdooValues.toWire(node)).isSameAs(node);
	}

	@Test
	void writeValuesKeepOrderAndRejectBadKeys() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", "Acme");
		values.put("parent_id", null);
		values.put("country_id", Many2One.of(20));
		assertThat(OdooValues.toWireValues(values)).containsExactly(Map.entry("name", "Acme"),
				Map.entry("parent_id", false), Map.entry("country_id", 20L));
		Map<Object, Object> badKey = new HashMap<>();
		badKey.put(1, "x");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> OdooValues.toWire(badKey))
			.withMessageContaining("must be strings, got java.lang.Integer");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> OdooValues.toWireValues(Map.of(" ", 1)))
			.withMessageContaining("must not be blank");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> OdooValues.toWireValues(null));
	}

	@Test
	void unsupportedTypesAreNamed() {
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> OdooValues.toWire(UUID.randomUUID()))
			.withMessageContaining("java.util.UUID");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> OdooValues.toWire(new ArrayList<>(List.of(new Object()))))
			.withMessageContaining("java.lang.Object");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> OdooValues.toWire(Double.NaN))
			.withMessageContaining("non-finite");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> OdooValues.toWire(Float.POSITIVE_INFINITY));
	}

}
