package io.zenoo.client.transport;

import java.util.List;
import java.util.Map;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.OdooVersion;
import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooAuthenticationException;
import io.zenoo.client.error.OdooBadArgumentsException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooMissingRecordException;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooUnknownFieldException;
import io.zenoo.client.error.OdooUnknownMethodException;
import io.zenoo.client.error.OdooUnknownModelException;
import io.zenoo.client.error.OdooUserException;
import io.zenoo.client.error.OdooValidationException;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static io.zenoo.client.transport.TransportTests.kwargs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every protocol must do, end to end against the in-process Odoo test server. One subclass per protocol.
 */
abstract class TransportContractTests {

	static OdooTestServer server;

	OdooTransport transport;

	OdooCredentials credentials;

	/** The protocol under test. */
	abstract OdooProtocol protocol();

	/** The admin's credentials for this protocol (an API key for JSON-2). */
	abstract OdooCredentials adminCredentials(OdooTestServer server);

	/** The restricted user's credentials for this protocol. */
	abstract OdooCredentials limitedCredentials(OdooTestServer server);

	/** Credentials the server refuses, carrying the given secret. */
	abstract OdooCredentials wrongCredentials(String secret);

	@BeforeAll
	static void startServer() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void createTransport() {
		server.reset();
		this.credentials = adminCredentials(server);
		this.transport = OdooTransports.create(TransportTests.settings(server, protocol(), this.credentials));
	}

	@AfterEach
	void closeTransport() {
		this.transport.close();
	}

	@Test
	void reportsTheServerVersion() {
		OdooVersion version = this.transport.version().block();

		assertThat(version.major()).isGreaterThanOrEqualTo(18);
		assertThat(version.serverVersion()).isNotBlank();
	}

	@Test
	void authenticatesAsAdmin() {
		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
		assertThat(this.transport.login()).isEqualTo("admin");
		assertThat(this.transport.database()).isEqualTo("demo");
	}

	@Test
	void searchReadSendsTheDomainAndReturnsTheRows() {
		List<Object> domain = List.of(List.of("is_company", "=", true));
		OdooCall call = OdooCall.read("res.partner", "search_read",
				kwargs("domain", domain, "fields", List.of("name"), "limit", 3, "order", "id"));

		JsonNode rows = this.transport.execute(call).block();

		assertThat(rows.isArray()).isTrue();
		assertThat(rows.size()).isEqualTo(3);
		for (JsonNode row : rows) {
			assertThat(row.get("id").isIntegralNumber()).isTrue();
			assertThat(row.get("name").isString()).isTrue();
		}
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(1);
		OdooTestServer.RecordedCall recorded = server.calls().all().get(server.calls().all().size() - 1);
		assertThat(recorded.uid()).isEqualTo(2L);
		assertThat(((Number) recorded.kwargs().get("limit")).intValue()).isEqualTo(3);
		assertThat(String.valueOf(recorded.kwargs().get("domain"))).contains("is_company");
	}

	@Test
	void readsRecordsByIdWithContext() {
		OdooCall call = new OdooCall("res.partner", "read", List.of(1L), List.of(), kwargs("fields", List.of("name")),
				Map.of("lang", "en_US"), true);

		JsonNode rows = this.transport.execute(call).block();

		assertThat(rows.size()).isEqualTo(1);
		assertThat(rows.get(0).get("id").asLong()).isEqualTo(1L);
		assertThat(rows.get(0).get("name").asString()).isEqualTo("YourCompany");
		OdooTestServer.RecordedCall recorded = server.calls().all().get(server.calls().all().size() - 1);
		assertThat(recorded.context()).containsEntry("lang", "en_US");
	}

	@Test
	void createsWritesAndUnlinks() {
		JsonNode created = this.transport
			.execute(new OdooCall("res.partner", "create", null, List.of(),
					kwargs("vals_list", Map.of("name", "Zenoo Transport Test", "email", "zt@example.com")), Map.of(),
					false))
			.block();
		long id = TransportTests.createdId(created);

		JsonNode written = this.transport.execute(new OdooCall("res.partner", "write", List.of(id), List.of(),
				kwargs("vals", Map.of("name", "Renamed by Zenoo")), Map.of(), false)).block();
		assertThat(written.asBoolean()).isTrue();
		JsonNode read = this.transport
			.execute(new OdooCall("res.partner", "read", List.of(id), List.of(),
					kwargs("fields", List.of("name", "email")), Map.of(), true))
			.block();
		assertThat(read.get(0).get("name").asString()).isEqualTo("Renamed by Zenoo");
		assertThat(read.get(0).get("email").asString()).isEqualTo("zt@example.com");

		JsonNode unlinked = this.transport
			.execute(new OdooCall("res.partner", "unlink", List.of(id), List.of(), Map.of(), Map.of(), false))
			.block();
		assertThat(unlinked.asBoolean()).isTrue();
		JsonNode afterUnlink = this.transport
			.execute(new OdooCall("res.partner", "read", List.of(id), List.of(), kwargs("fields", List.of("name")),
					Map.of(), true))
			.block();
		assertThat(afterUnlink.isArray()).isTrue();
		assertThat(afterUnlink.size()).isZero();
	}

	@Test
	void methodReturningNoneGivesJsonNullNotAnEmptyMono() {
		StepVerifier
			.create(this.transport
				.execute(new OdooCall("res.partner", "flush_model", List.of(), List.of(), Map.of(), Map.of(), false)))
			.assertNext((result) -> assertThat(result.isNull()).isTrue())
			.verifyComplete();
	}

	@Test
	void concurrentFirstCallsAllSucceedWithOneUser() {
		OdooCall count = OdooCall.read("res.partner", "search_count", kwargs("domain", List.of()));

		List<JsonNode> counts = Flux.range(0, 12).flatMap((i) -> this.transport.execute(count)).collectList().block();

		assertThat(counts).hasSize(12);
		assertThat(counts.stream().map(JsonNode::asLong).distinct()).hasSize(1);
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(12);
		assertThat(server.calls().all()).allSatisfy((call) -> assertThat(call.uid()).isEqualTo(2L));
	}

	@Test
	void wrongCredentialsAreAnAuthenticationError() {
		String secret = "Wr0ng-Secret-" + protocol() + "-7f3a9c";
		try (OdooTransport wrong = this.transport.withCredentials(wrongCredentials(secret))) {
			Throwable error = catchThrowable(() -> wrong
				.execute(OdooCall.read("res.partner", "search_count", kwargs("domain", List.of())))
				.block());

			assertThat(error).isInstanceOf(OdooAuthenticationException.class);
			TransportTests.assertNoSecret(error, secret);
		}
	}

	@Test
	void unknownModel() {
		assertServerError(OdooCall.read("no.such.model", "search_read", kwargs("domain", List.of(), "limit", 1)),
				OdooUnknownModelException.class);
	}

	@Test
	void unknownFieldInDomain() {
		assertServerError(OdooCall.read("res.partner", "search_read",
				kwargs("domain", List.of(List.of("no_such_field", "=", 1)), "limit", 1)),
				OdooUnknownFieldException.class);
	}

	@Test
	void unknownFieldInFields() {
		assertServerError(OdooCall.read("res.partner", "search_read",
				kwargs("domain", List.of(), "fields", List.of("name", "no_such_field"), "limit", 1)),
				OdooUnknownFieldException.class);
	}

	@Test
	void unknownMethod() {
		assertServerError(new OdooCall("res.partner", "no_such_method", List.of(), List.of(), Map.of(), Map.of(), true),
				OdooUnknownMethodException.class);
	}

	@Test
	void privateMethod() {
		assertServerError(
				new OdooCall("res.partner", "_compute_display_name", List.of(1L), List.of(), Map.of(), Map.of(), true),
				OdooUnknownMethodException.class);
	}

	@Test
	void unexpectedKeywordArgument() {
		assertServerError(OdooCall.read("res.partner", "search_read",
				kwargs("domain", List.of(List.of("name", "=", "x")), "no_such_kwarg", 1)),
				OdooBadArgumentsException.class);
	}

	@Test
	void writeToAMissingRecord() {
		assertServerError(new OdooCall("res.partner", "write", List.of(987654L), List.of(),
				kwargs("vals", Map.of("name", "x")), Map.of(), false), OdooMissingRecordException.class);
	}

	@Test
	void validationErrorOnCreateWithoutName() {
		assertServerError(new OdooCall("res.partner", "create", null, List.of(), kwargs("vals_list", kwargs("name", false)),
				Map.of(), false), OdooValidationException.class);
	}

	@Test
	void userErrorOnUnlinkOfTheAdminUser() {
		assertServerError(new OdooCall("res.users", "unlink", List.of(2L), List.of(), Map.of(), Map.of(), false),
				OdooUserException.class);
	}

	@Test
	void accessErrorForTheRestrictedUser() {
		try (OdooTransport limited = this.transport.withCredentials(limitedCredentials(server))) {
			StepVerifier.create(limited.uid()).expectNext(11L).verifyComplete();
			Throwable error = catchThrowable(() -> limited.execute(new OdooCall("res.users", "write", List.of(2L),
					List.of(), kwargs("vals", Map.of("name", "Hacked")), Map.of(), false)).block());

			assertThat(error).isExactlyInstanceOf(OdooAccessException.class);
			assertThat(error.getMessage()).contains("(res.users.write)");
		}
	}

	@Test
	void withCredentialsSharesThePoolAndClosingItLeavesThisOneWorking() {
		OdooTransport limited = this.transport.withCredentials(limitedCredentials(server));
		assertThat(limited.login()).isEqualTo(TransportTests.LIMITED_LOGIN);
		limited.close();

		StepVerifier.create(this.transport.uid()).expectNext(2L).verifyComplete();
	}

	void assertServerError(OdooCall call, Class<? extends OdooServerException> expected) {
		Throwable error = catchThrowable(() -> this.transport.execute(call).block());

		assertThat(error).isExactlyInstanceOf(expected);
		OdooServerException server = (OdooServerException) error;
		assertThat(server.getMessage()).endsWith("(" + call.model() + "." + call.method() + ")");
		assertThat(server.getModel()).isEqualTo(call.model());
		assertThat(server.getMethod()).isEqualTo(call.method());
		assertThat(server.getServerMessage()).isNotBlank();
		TransportTests.assertNoSecret(error, this.credentials.secret());
		assertThat(error).isInstanceOf(OdooException.class);
	}

}
