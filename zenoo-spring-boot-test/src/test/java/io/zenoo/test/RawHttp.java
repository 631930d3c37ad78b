package io.zenoo.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A raw HTTP client for tests (java.net.http): what a client sees, byte for byte. */
final class RawHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RawHttp() {
	}

	static HttpResponse<String> post(String url, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		headers.forEach(builder::header);
		return send(builder.build());
	}

	static HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> jsonRpc(OdooTestServer server, String service, String method, String args) {
		return post(server.url() + "/jsonrpc", "application/json", "{\"jsonrpc\":\"2.0\",\"method\":\"call\","
				+ "\"params\":{\"service\":\"" + service + "\",\"method\":\"" + method + "\",\"args\":" + args
				+ "},\"id\":1}", Map.of());
	}

}
