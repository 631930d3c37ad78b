package io.zenoo.client.transport;

import java.util.ArrayList;
import java.util.List;

import io.zenoo.client.error.OdooInvalidCallException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper every transport shares (thread-safe, built once) and small tree helpers.
 */
final class OdooJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private OdooJson() {
	}

	static byte[] write(Object body, Target target) {
		try {
			return MAPPER.writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			throw new OdooInvalidCallException("The arguments of " + target + " cannot be written as JSON: "
					+ ex.getOriginalMessage());
		}
	}

	/** The text of a field, or {@code fallback} when it is missing, null or {@code false}. */
	static String text(@Nullable JsonNode node, String field, String fallback) {
		if (node == null) {
			return fallback;
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isBoolean()) {
			return fallback;
		}
		return value.isString() ? value.asString() : value.toString();
	}

	static List<String> texts(@Nullable JsonNode array) {
		if (array == null || !array.isArray()) {
			return List.of();
		}
		List<String> texts = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			texts.add(element.isString() ? element.asString() : element.toString());
		}
		return texts;
	}

}
