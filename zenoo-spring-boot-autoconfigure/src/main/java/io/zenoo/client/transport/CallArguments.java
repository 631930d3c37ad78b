package io.zenoo.client.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an {@link OdooCall}'s arguments go on the wire: positional {@code args} with the ids first (JSON-RPC and the
 * web session), named {@code kwargs} with the context inside, or one JSON-2 body.
 */
final class CallArguments {

	private CallArguments() {
	}

	/** {@code [ids] + args} for record methods, {@code args} otherwise. */
	static List<?> positional(OdooCall call) {
		List<Long> ids = call.ids();
		if (ids == null) {
			return call.args();
		}
		List<Object> positional = new ArrayList<>(call.args().size() + 1);
		positional.add(ids);
		positional.addAll(call.args());
		return positional;
	}

	/** The named arguments, plus {@code context} when there is one. */
	static Map<String, ?> named(OdooCall call) {
		if (call.context().isEmpty()) {
			return call.kwargs();
		}
		Map<String, Object> named = new LinkedHashMap<>(call.kwargs());
		named.put("context", call.context());
		return named;
	}

	/** A JSON-2 body: the named arguments, {@code ids} when given, {@code context} when there is one. */
	static Map<String, ?> json2Body(OdooCall call) {
		List<Long> ids = call.ids();
		if (ids == null && call.context().isEmpty()) {
			return call.kwargs();
		}
		Map<String, Object> body = new LinkedHashMap<>(call.kwargs());
		if (ids != null) {
			body.put("ids", ids);
		}
		if (!call.context().isEmpty()) {
			body.put("context", call.context());
		}
		return body;
	}

}
