package io.zenoo.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSON-2, API keys, faults, direct store access, sessions, reset and close. */
class ServerFeaturesTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private OdooTestServer server;

	@BeforeEach
	void start() {
		this.server = OdooTestServer.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private HttpResponse<String> json2(String key, String path, String body) {
		return RawHttp.post(this.server.url() + "/json/2/" + path, "application/json", body,
				(key != null) ? Map.of("Authorization", "bearer " + key, "X-Odoo-Database", "demo") : Map.of());
	}

	@Test
	void json2AnswersPlainResultsWithAnApiKey() {
		String key = this.server.createApiKey("admin");
		HttpResponse<String> response = json2(key, "res.partner/search_read",
				"{\"domain\":[[\"is_company\",\"=\",true]],\"fields\":[\"name\"],\"limit\":2,\"order\":\"name\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("[{\"id\":15,\"name\":\"Azure Interior\"},{\"id\":10,\"name\":\"Deco Addict\"}]");
		HttpResponse<String> read = json2(key, "res.partner/read", "{\"ids\":[1],\"fields\":[\"name\"]}");
		assertThat(read.body()).isEqualTo("[{\"id\":1,\"name\":\"YourCompany\"}]");
		assertThat(json2(key, "res.users/context_get", "{}").body()).contains("\"uid\":2");
		assertThat(this.server.calls().all()).allMatch((call) -> call.protocol().equals("json2"));
		assertThat(this.server.calls().all().get(1).kwargs()).containsEntry("ids", java.util.List.of(1L));
	}

	@Test
	void json2ErrorsUseRealHttpStatuses() {
		String key = this.server.createApiKey("rpc_limited");
		assertThat(json2(null, "res.partner/search", "{\"domain\":[]}").statusCode()).isEqualTo(401);
		assertThat(json2("admin", "res.partner/search", "{\"domain\":[]}").statusCode()).as("password refused")
			.isEqualTo(401);
		HttpResponse<String> forbidden = json2(key, "res.users/write", "{\"ids\":[2],\"vals\":{\"name\":\"x\"}}");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		JsonNode body = this.mapper.readTree(forbidden.body());
		assertThat(body.propertyNames()).containsExactly("name", "message", "arguments", "context", "debug");
		assertThat(body.get("name").asString()).isEqualTo("odoo.exceptions.AccessError");
		assertThat(json2(key, "no.model/search", "{}").statusCode()).isEqualTo(404);
		assertThat(json2(key, "res.partner/no_method", "{}").statusCode()).isEqualTo(404);
		assertThat(json2(key, "res.partner/search", "{\"bogus\":1}").statusCode()).isEqualTo(422);
		assertThat(json2(key, "res.partner/search", "{\"domain\":[[\"nope\",\"=\",1]]}").statusCode()).isEqualTo(422);
		assertThat(RawHttp.get(this.server.url() + "/web/version").body()).contains("\"version\":\"18.0\"");
	}

	@Test
	void apiKeysReplacePasswordsOverJsonRpcAndSessions() {
		String key = this.server.createApiKey("admin");
		assertThat(RawHttp.jsonRpc(this.server, "common", "authenticate", "[\"demo\",\"admin\",\"" + key + "\",{}]")
			.body()).endsWith("\"result\":2}");
		assertThat(RawHttp.jsonRpc(this.server, "object", "execute_kw",
				"[\"demo\",2,\"" + key + "\",\"res.partner\",\"search_count\",[[]]]").body()).contains("\"result\":");
		assertThat(RawHttp.post(this.server.url() + "/web/session/authenticate", "application/json",
				"{\"params\":{\"db\":\"demo\",\"login\":\"admin\",\"password\":\"" + key + "\"},\"id\":1}", Map.of())
			.headers().firstValue("Set-Cookie")).isPresent();
		assertThatThrownBy(() -> this.server.createApiKey("nobody")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void expiredSessionsGetSessionExpired() {
		HttpResponse<String> login = RawHttp.post(this.server.url() + "/web/session/authenticate", "application/json",
				"{\"params\":{\"db\":\"demo\",\"login\":\"admin\",\"password\":\"admin\"},\"id\":1}", Map.of());
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String call = "{\"params\":{\"model\":\"res.partner\",\"method\":\"search_count\",\"args\":[[]],"
				+ "\"kwargs\":{}},\"id\":5}";
		assertThat(RawHttp.post(this.server.url() + "/web/dataset/call_kw", "application/json", call,
				Map.of("Cookie", cookie)).body()).contains("\"result\":");
		this.server.expireSessions();
		JsonNode expired = this.mapper.readTree(RawHttp.post(this.server.url() + "/web/dataset/call_kw",
				"application/json", call, Map.of("Cookie", cookie)).body());
		assertThat(expired.get("id").isNull()).isTrue();
		assertThat(expired.get("error").get("code").asInt()).isEqualTo(100);
		assertThat(expired.get("error").get("data").get("name").asString())
			.isEqualTo("odoo.http.SessionExpiredException");
	}

	@Test
	void faultsAnswerTheNextRequestsThenStop() {
		this.server.faults().httpError(2, 502, "text/html", "<html>Bad Gateway</html>");
		HttpResponse<String> first = RawHttp.jsonRpc(this.server, "common", "version", "[]");
		assertThat(first.statusCode()).isEqualTo(502);
		assertThat(first.body()).isEqualTo("<html>Bad Gateway</html>");
		assertThat(RawHttp.jsonRpc(this.server, "common", "version", "[]").statusCode()).isEqualTo(502);
		assertThat(RawHttp.jsonRpc(this.server, "common", "version", "[]").statusCode()).isEqualTo(200);
		this.server.faults().rawBody(1, "application/json", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"res".getBytes(
				StandardCharsets.UTF_8));
		assertThat(RawHttp.jsonRpc(this.server, "common", "version", "[]").body())
			.isEqualTo("{\"jsonrpc\": \"2.0\", \"id\": 1, \"res");
		this.server.faults().dropConnection(1);
		assertThatThrownBy(() -> RawHttp.jsonRpc(this.server, "common", "version", "[]"))
			.isInstanceOf(java.io.UncheckedIOException.class);
		assertThat(RawHttp.jsonRpc(this.server, "common", "version", "[]").statusCode()).isEqualTo(200);
		this.server.faults().latency(Duration.ofMillis(300));
		long started = System.nanoTime();
		RawHttp.jsonRpc(this.server, "common", "version", "[]");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThatThrownBy(() -> this.server.faults().httpError(1, 42, "text/plain", "")).isInstanceOf(
				IllegalArgumentException.class);
	}

	@Test
	void storeChangesBypassClientsAndBumpWriteDate() {
		TestDataStore store = this.server.store();
		assertThat(store.read("res.partner", 10)).containsEntry("write_date", "2026-11-24 20:53:58");
		store.write("res.partner", 10, Map.of("name", "Deco Changed"));
		Map<String, Object> changed = store.read("res.partner", 10);
		assertThat(changed).containsEntry("name", "Deco Changed").containsEntry("display_name", "Deco Changed");
		assertThat((String) changed.get("write_date")).isNotEqualTo("2026-11-24 20:53:58").matches(
				"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		long id = store.create("res.partner", Map.of("name", "Direct", "parent_id", 10));
		assertThat(store.read("res.partner", id)).containsEntry("display_name", "Deco Changed, Direct")
			.containsEntry("parent_id", java.util.List.of(10L, "Deco Changed"));
		assertThat(this.server.calls().total()).isZero();
		assertThatThrownBy(() -> store.write("res.partner", 10, Map.of("nope", 1)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid field 'nope'");
		assertThatThrownBy(() -> store.ids("no.model")).isInstanceOf(IllegalArgumentException.class);
		this.server.reset();
		assertThat(this.server.store().read("res.partner", 10)).containsEntry("name", "Deco Addict");
		assertThat(this.server.store().read("res.partner", id)).isNull();
	}

	@Test
	void closeFreesThePortAndIsIdempotent() throws IOException {
		int port = this.server.port();
		this.server.close();
		this.server.close();
		try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
		HttpClient client = HttpClient.newHttpClient();
		assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/web/version"))
			.build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
	}

}
