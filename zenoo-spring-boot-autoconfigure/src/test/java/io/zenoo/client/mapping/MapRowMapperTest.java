package io.zenoo.client.mapping;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MapRowMapper}: untyped rows as plain, immutable Java values.
 */
class MapRowMapperTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void plainValuesKeepingFalseAndManyToOneLists() {
		JsonNode row = JSON.readTree("{\"id\": 10, \"name\": \"Deco Addict\", \"vat\": false, \"active\": true, "
				+ "\"country_id\": [233, \"United States\"], \"child_ids\": [36, 19], \"rate\": 1.5, "
				+ "\"big\": 9000000000, \"ctx\": {\"lang\": \"en_US\"}, \"nothing\": null}");
		Map<String, Object> map = RecordMapper.forMaps().read(row);
		assertThat(map).containsEntry("id", 10L)
			.containsEntry("name", "Deco Addict")
			.containsEntry("vat", Boolean.FALSE)
			.containsEntry("active", true)
			.containsEntry("country_id", List.of(233L, "United States"))
			.containsEntry("child_ids", List.of(36L, 19L))
			.containsEntry("rate", 1.5)
			.containsEntry("big", 9_000_000_000L)
			.containsEntry("ctx", Map.of("lang", "en_US"))
			.containsEntry("nothing", null);
		assertThat(map.keySet()).containsExactly("id", "name", "vat", "active", "country_id", "child_ids", "rate",
				"big", "ctx", "nothing");
		assertThat(map).isUnmodifiable();
		assertThat((List<?>) map.get("country_id")).isUnmodifiable();
		assertThat((Map<?, ?>) map.get("ctx")).isUnmodifiable();
	}

	@Test
	void rejectsNonObjects() {
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> MapRowMapper.instance().read(JSON.readTree("[1]")))
			.withMessageContaining("must be a JSON object, got an array of 1 elements");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> MapRowMapper.instance().read(null));
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> MapRowMapper.instance().readAll(JSON.readTree("{}")))
			.withMessageContaining("must be a JSON array");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> MapRowMapper.instance().readAll(JSON.readTree("[1]")))
			.withMessageContaining("must be a JSON object");
	}

}
