package io.zenoo.client.transport;

import java.util.ArrayList;
import java.util.List;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code common.version} ({@code server_version}, {@code server_version_info}, {@code server_serie},
 * {@code protocol_version}) and JSON-2's {@code GET /web/version} ({@code version}, {@code version_info}).
 */
final class VersionParser {

	// The external API protocol version has been 1 since it exists; /web/version does not report it.
	private static final int DEFAULT_PROTOCOL_VERSION = 1;

	private VersionParser() {
	}

	static OdooVersion parse(JsonNode node, Target target, String server) {
		if (!node.isObject()) {
			throw new OdooUnexpectedResponseException(
					"Odoo at " + server + " answered " + target + " with something that is not a version object");
		}
		List<Object> info = info(first(node, "server_version_info", "version_info"));
		String version = OdooJson.text(node, "server_version", OdooJson.text(node, "version", ""));
		if (version.isEmpty() && info.isEmpty()) {
			throw new OdooUnexpectedResponseException(
					"Odoo at " + server + " answered " + target + " without a server version");
		}
		String serie = OdooJson.text(node, "server_serie", serie(info, version));
		JsonNode protocol = node.get("protocol_version");
		int protocolVersion = (protocol != null && protocol.canConvertToInt()) ? protocol.asInt()
				: DEFAULT_PROTOCOL_VERSION;
		return new OdooVersion(version, info, serie, protocolVersion);
	}

	private static JsonNode first(JsonNode node, String name, String alternative) {
		JsonNode value = node.get(name);
		return (value != null) ? value : node.get(alternative);
	}

	private static List<Object> info(JsonNode array) {
		List<Object> info = new ArrayList<>();
		if (array != null && array.isArray()) {
			for (JsonNode element : array) {
				if (element.isIntegralNumber() && element.canConvertToInt()) {
					info.add(element.asInt());
				}
				else {
					info.add(element.isString() ? element.asString() : element.toString());
				}
			}
		}
		return info;
	}

	private static String serie(List<Object> info, String version) {
		if (info.size() >= 2 && info.get(0) instanceof Integer major && info.get(1) instanceof Integer minor) {
			return major + "." + minor;
		}
		return version;
	}

}
