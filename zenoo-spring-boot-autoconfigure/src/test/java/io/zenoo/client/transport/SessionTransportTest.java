package io.zenoo.client.transport;

import java.util.List;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.error.OdooSessionExpiredException;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SessionTransportTest extends TransportContractTests {

	private static final OdooCall COUNT = OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()));

	@Override
	OdooProtocol protocol() {
		return OdooProtocol.SESSION;
	}

	@Override
	OdooCredentials adminCredentials(OdooTestServer server) {
		return TransportTests.ADMIN;
	}

	@Override
	OdooCredentials limitedCredentials(OdooTestServer server) {
		return OdooCredentials.password(TransportTests.LIMITED_LOGIN, TransportTests.LIMITED_PASSWORD);
	}

	@Override
	OdooCredentials wrongCredentials(String secret) {
		return OdooCredentials.password("admin", secret);
	}

	@Test
	void expiredSessionIsRenewedAndTheCallReplayedOnce() {
		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
		server.expireSessions();

		StepVerifier.create(this.transport.execute(COUNT))
			.assertNext((count) -> assertThat(count.asLong()).isPositive())
			.verifyComplete();
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(1);
	}

	@Test
	void writesAreReplayedAfterExpiryToo() {
		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
		server.expireSessions();

		JsonNode created = this.transport.execute(new OdooCall("res.partner", "create", null, List.of(),
				kwargs("vals_list", kwargs("name", "After expiry")), java.util.Map.of(), false)).block();

		assertThat(TransportTests.createdId(created)).isPositive();
		assertThat(server.calls().count("res.partner", "create")).isEqualTo(1);
	}

	@Test
	void concurrentExpiringCallsAllSucceedAfterRenewal() {
		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
		server.expireSessions();

		List<JsonNode> counts = Flux.range(0, 8).flatMap((i) -> this.transport.execute(COUNT)).collectList().block();

		assertThat(counts).hasSize(8);
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(8);
	}

	@Test
	void secondExpiryReachesTheCaller() {
		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
		String expired = RecordedBodies.response("81_session_call_kw_no_cookie.txt").body();
		// the call and the renewed login both answer "session expired": no loop, one typed error
		server.faults().rawBody(2, "application/json", expired.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		Throwable error = catchThrowable(() -> this.transport.execute(COUNT).block());

		assertThat(error).isInstanceOf(OdooSessionExpiredException.class);
		assertThat(server.calls().count("res.partner", "search_count")).isZero();
		// the faults are used up: the next call works again
		StepVerifier.create(this.transport.execute(COUNT))
			.assertNext((count) -> assertThat(count.asLong()).isPositive())
			.verifyComplete();
	}

}
