package io.zenoo.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jackson 3 (de)serialisation of the JSON-like values, and Odoo's error bodies. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

	private Json() {
	}

	static JsonNode tree(byte[] body) {
		return MAPPER.readTree(body);
	}

	static Object value(JsonNode node) {
		return (node == null || node.isMissingNode()) ? null : Values.normalize(MAPPER.treeToValue(node, Object.class));
	}

	static byte[] bytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	static HttpReply reply(int status, Object value, List<String> cookies) {
		return new HttpReply(status, HttpReply.JSON, bytes(value), cookies);
	}

	/** {@code {"jsonrpc": "2.0", "id": id, "result": result}}, without {@code result} for {@code None}. */
	static Map<String, Object> result(Object id, Object result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", id);
		if (result != ModelService.NONE) {
			body.put("result", result);
		}
		return body;
	}

	/** The JSON-RPC error envelope Odoo 18 sends. */
	static Map<String, Object> error(Object id, OdooError error) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		boolean special = error.isSessionExpired() || error.isNotFound();
		body.put("id", special ? null : id);
		Map<String, Object> envelope = new LinkedHashMap<>();
		if (error.isSessionExpired()) {
			envelope.put("code", 100);
			envelope.put("message", "Odoo Session Expired");
		}
		else if (error.isNotFound()) {
			envelope.put("code", 404);
			envelope.put("message", "404: Not Found");
		}
		else {
			envelope.put("code", 200);
			envelope.put("message", "Odoo Server Error");
		}
		envelope.put("data", data(error, !error.isNotFound()));
		body.put("error", envelope);
		return body;
	}

	/** {@code {name, debug, message, arguments, context}} as in {@code error.data} and JSON-2 error bodies. */
	static Map<String, Object> data(OdooError error, boolean withArguments) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", error.errorName());
		data.put("debug", Py.traceback(error));
		data.put("message", error.getMessage());
		data.put("arguments", withArguments ? List.of(error.getMessage()) : List.of());
		data.put("context", Map.of());
		return data;
	}

}
