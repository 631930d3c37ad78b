package io.zenoo.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Version requests are counted apart from model calls, over both routes, and forgotten on reset. */
class VersionCallsTest {

	private OdooTestServer server;

	@BeforeEach
	void start() {
		this.server = OdooTestServer.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void versionRequestsAreCountedApartFromModelCalls() {
		assertThat(RawHttp.jsonRpc(this.server, "common", "version", "[]").body()).contains("\"server_serie\"");
		assertThat(RawHttp.get(this.server.url() + "/web/version").body()).contains("\"version_info\"");
		assertThat(this.server.calls().versionCalls()).isEqualTo(2);
		assertThat(this.server.calls().total()).isZero();
		assertThat(this.server.calls().all()).isEmpty();
		RawHttp.jsonRpc(this.server, "common", "login", "[\"demo\", \"admin\", \"admin\"]");
		assertThat(this.server.calls().versionCalls()).isEqualTo(2);
		this.server.calls().clear();
		assertThat(this.server.calls().versionCalls()).isZero();
		RawHttp.get(this.server.url() + "/web/version");
		this.server.reset();
		assertThat(this.server.calls().versionCalls()).isZero();
	}

}
