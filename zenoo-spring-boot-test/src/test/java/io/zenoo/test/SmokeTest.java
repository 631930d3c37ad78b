package io.zenoo.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

	static OdooTestServer server;

	@BeforeAll
	static void start() {
		server = OdooTestServer.startAsRecorded();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void answersTheBasics() {
		assertThat(RawHttp.jsonRpc(server, "common", "version", "[]").body()).contains("\"server_version\":\"18.0\"");
		assertThat(RawHttp.jsonRpc(server, "common", "authenticate", "[\"demo\",\"admin\",\"admin\",{}]").body())
			.isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":2}");
		assertThat(RawHttp.jsonRpc(server, "object", "execute_kw",
				"[\"demo\",2,\"admin\",\"res.partner\",\"search_read\",[[[\"is_company\",\"=\",true]]],"
						+ "{\"fields\":[\"name\",\"country_id\",\"email\"],\"limit\":3,\"order\":\"name\"}]")
			.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[{\"id\":15,\"name\":\"Azure Interior\","
					+ "\"country_id\":[233,\"United States\"],\"email\":\"azure.Interior24@example.com\"},{\"id\":10,"
					+ "\"name\":\"Deco Addict\",\"country_id\":[233,\"United States\"],\"email\":"
					+ "\"deco_addict@yourcompany.example.com\"},{\"id\":11,\"name\":\"Gemini Furniture\",\"country_id\":"
					+ "[233,\"United States\"],\"email\":\"gemini_furniture@fake.geminifurniture.com\"}]}");
	}

}
