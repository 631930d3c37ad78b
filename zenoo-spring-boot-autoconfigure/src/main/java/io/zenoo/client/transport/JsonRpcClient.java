package io.zenoo.client.transport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * JSON-RPC 2.0 over HTTP as Odoo speaks it ({@code /jsonrpc} and the web session's routes): the request envelope,
 * increasing request ids, and the unwrapping of {@code result} / {@code error}.
 */
final class JsonRpcClient {

	private static final Consumer<HttpHeaders> NO_HEADERS = (headers) -> {
	};

	private final OdooHttp http;

	private final TransportFailures failures;

	private final Redactor redactor;

	private final AtomicLong ids = new AtomicLong();

	JsonRpcClient(OdooHttp http, Redactor redactor) {
		this.http = http;
		this.redactor = redactor;
		this.failures = http.failures(redactor);
	}

	OdooHttp http() {
		return this.http;
	}

	TransportFailures failures() {
		return this.failures;
	}

	/** Sends {@code params} to the route and returns the unwrapped {@code result}. */
	Mono<JsonNode> call(URI uri, Map<String, ?> params, Target target) {
		return exchange(uri, params, target, NO_HEADERS).map((result) -> unwrap(result, target));
	}

	/** Sends {@code params} to the route and returns the raw response (to read cookies), checked for errors. */
	Mono<HttpResult> exchange(URI uri, Map<String, ?> params, Target target, Consumer<HttpHeaders> headers) {
		return Mono.defer(() -> {
			Map<String, Object> envelope = new LinkedHashMap<>(4);
			envelope.put("jsonrpc", "2.0");
			envelope.put("method", "call");
			envelope.put("params", params);
			envelope.put("id", this.ids.incrementAndGet());
			return this.http.post(uri, OdooJson.write(envelope, target), headers, target, this.failures);
		});
	}

	/**
	 * The {@code result} of a JSON-RPC response; a JSON {@code null} when Odoo sent none (a method returning
	 * {@code None}); the matching exception for an {@code error}.
	 */
	JsonNode unwrap(HttpResult response, Target target) {
		JsonNode body = response.json();
		if (!response.isSuccess()) {
			JsonNode error = (body != null && body.isObject()) ? body.get("error") : null;
			if (error != null && error.isObject()) {
				throw ServerErrors.fromJsonRpc(error, target, this.redactor);
			}
			throw new OdooHttpStatusException("Odoo at " + this.failures.server() + " answered " + target
					+ " with HTTP " + response.status() + ": " + response.excerpt(), response.status(),
					response.excerpt());
		}
		if (body == null || !body.isObject()) {
			throw unexpected(target, "a JSON " + ((body != null) ? body.getNodeType().name().toLowerCase(java.util.Locale.ROOT) : "nothing"));
		}
		JsonNode error = body.get("error");
		if (error != null && !error.isNull()) {
			if (!error.isObject()) {
				throw unexpected(target, "an error member that is not an object");
			}
			throw ServerErrors.fromJsonRpc(error, target, this.redactor);
		}
		JsonNode result = body.get("result");
		if (result != null) {
			return result;
		}
		if (body.has("jsonrpc") || body.has("id")) {
			return NullNode.getInstance();
		}
		throw unexpected(target, "an object without jsonrpc, result or error");
	}

	private OdooUnexpectedResponseException unexpected(Target target, String what) {
		return new OdooUnexpectedResponseException("Odoo at " + this.failures.server() + " answered " + target
				+ " with " + what + " instead of a JSON-RPC response");
	}

}
