package io.zenoo.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot disposes Reactor Netty's global resources when an application context closes; a server shared by
 * several test contexts must keep answering.
 */
class GlobalResourcesTest {

	@Test
	void serverOutlivesTheDisposalOfReactorNettyGlobalResources() {
		try (OdooTestServer server = OdooTestServer.start()) {
			assertThat(RawHttp.jsonRpc(server, "common", "version", "[]").statusCode()).isEqualTo(200);
			HttpResources.disposeLoopsAndConnections();
			HttpResponse<String> after = RawHttp.jsonRpc(server, "common", "version", "[]");
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(after.body()).contains("\"server_version\":\"18.0\"");
		}
	}

}
