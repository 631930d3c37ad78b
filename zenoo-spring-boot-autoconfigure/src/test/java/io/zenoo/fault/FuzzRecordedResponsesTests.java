package io.zenoo.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import io.zenoo.test.samples.RecordedExchange;
import io.zenoo.test.samples.RecordedSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded Odoo 18 JSON response, mutated thousands of ways ({@link FuzzMutations}), served to the client for
 * the call that recorded it (version, authenticate, search_read, read, fields_get, name_search, read_group, create,
 * write, unlink, any call; over JSON-RPC or the web session as recorded, and over JSON-2 the unwrapped results, and
 * the errors' data with an error status).
 * Each call ends, within its bound, in a result or an {@link OdooException} subtype: never another exception (no
 * NullPointerException, ClassCastException, StackOverflowError, ...), never a hang.
 */
@Tag("fault")
class FuzzRecordedResponsesTests {

	private static final long SEED = 0x0DD0_F022L;

	private static final int PER_KIND = 4;

	private static final Duration CALL_BOUND = Duration.ofSeconds(5);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<Integer> JSON2_ERROR_STATUSES = List.of(400, 401, 403, 404, 422, 500, 502, 503);

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private enum Kind {

		VERSION, LOGIN, SEARCH_READ, READ, COUNT, SEARCH, FIELDS_GET, NAME_SEARCH, READ_GROUP, CREATE, WRITE, UNLINK,
		CALL

	}

	/** The call a sample recorded: its kind, the protocol it used, the model and method. */
	private record Call(Kind kind, OdooProtocol protocol, String model, String method) {
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void mutatedResponsesGiveResultsOrTypedErrorsOnly() {
		Random random = new Random(SEED);
		FuzzMutations mutations = new FuzzMutations(random);
		Map<OdooProtocol, ZenooClient> clients = new EnumMap<>(OdooProtocol.class);
		Map<String, Integer> outcomes = new TreeMap<>();
		Map<String, Integer> byMutation = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		int cases = 0;
		long slowestNanos = 0;
		long start = System.nanoTime();
		System.out.printf("[fault] fuzz: seed %d%n", SEED);
		try {
			for (OdooProtocol protocol : OdooProtocol.values()) {
				ZenooClientSettings settings = OdooFaultClients.settings(server, protocol)
					.withRetry(0, Duration.ZERO)
					.withTimeouts(OdooFaultClients.CONNECT_TIMEOUT, Duration.ofSeconds(2));
				clients.put(protocol, OdooFaultClients.loggedIn(settings));
			}
			for (RecordedExchange sample : RecordedSamples.all()) {
				if (sample.isXmlRpc()) {
					continue;
				}
				Call call = call(sample);
				List<Served> served = new ArrayList<>();
				for (FuzzMutations.Mutant mutant : mutations.mutate(sample.responseBody(), true, PER_KIND)) {
					served.add(new Served(call, mutant, 200));
				}
				JsonNode result = member(sample, "result");
				JsonNode errorData = member(sample, "error").path("data");
				boolean modelCall = call.kind() != Kind.VERSION && call.kind() != Kind.LOGIN;
				Call json2 = new Call(call.kind(), OdooProtocol.JSON2, call.model(), call.method());
				if (modelCall && !result.isMissingNode()) {
					for (FuzzMutations.Mutant mutant : mutations.mutate(result.toString(), false, PER_KIND)) {
						served.add(new Served(json2, mutant, 200));
					}
				}
				// JSON-2 reports errors as an HTTP status with Odoo's {name, message, arguments, ...} as the body
				if (modelCall && errorData.isObject()) {
					for (FuzzMutations.Mutant mutant : mutations.mutate(errorData.toString(), false, PER_KIND)) {
						served.add(new Served(json2, mutant,
								JSON2_ERROR_STATUSES.get(random.nextInt(JSON2_ERROR_STATUSES.size()))));
					}
				}
				for (Served one : served) {
					cases++;
					byMutation.merge(one.mutant().kind(), 1, Integer::sum);
					server.faults().clear();
					if (one.status() == 200) {
						server.faults().rawBody(1, "application/json", one.mutant().body());
					}
					else {
						server.faults().httpError(1, one.status(), "application/json",
								new String(one.mutant().body(), StandardCharsets.UTF_8));
					}
					long callStart = System.nanoTime();
					String outcome = outcome(clients.get(one.call().protocol()), one.call());
					slowestNanos = Math.max(slowestNanos, System.nanoTime() - callStart);
					outcomes.merge(outcome, 1, Integer::sum);
					if (!outcome.startsWith("Odoo") && !outcome.equals("result")) {
						wrong.add("sample " + sample.number() + " " + sample.name() + " as " + one.call() + ", "
								+ one.mutant().kind() + ": " + outcome);
					}
				}
			}
		}
		finally {
			clients.values().forEach(ZenooClient::close);
		}
		long elapsed = OdooFaultClients.millisSince(start);
		System.out.printf("[fault] fuzz: %d cases in %d ms (slowest call %d ms); mutations %s; outcomes %s; "
				+ "wrong %d%n", cases, elapsed, slowestNanos / 1_000_000, byMutation, outcomes, wrong.size());
		wrong.stream().limit(30).forEach((line) -> System.out.println("[fault] fuzz wrong: " + line));
		assertThat(cases).isGreaterThan(2000);
		assertThat(wrong).isEmpty();
	}

	private record Served(Call call, FuzzMutations.Mutant mutant, int status) {
	}

	private static String outcome(ZenooClient client, Call call) {
		try {
			Object value = request(client, call).block(CALL_BOUND);
			return "result";
		}
		catch (OdooException ex) {
			return ex.getClass().getSimpleName();
		}
		catch (IllegalStateException ex) {
			if (String.valueOf(ex.getMessage()).startsWith("Timeout on blocking read")) {
				return "hang (no answer within " + CALL_BOUND.toMillis() + " ms)";
			}
			return describe(ex);
		}
		catch (Throwable ex) {
			return describe(ex);
		}
	}

	private static String describe(Throwable ex) {
		StackTraceElement top = (ex.getStackTrace().length > 0) ? ex.getStackTrace()[0] : null;
		String message = String.valueOf(ex.getMessage());
		message = (message.length() > 160) ? message.substring(0, 160) + "..." : message;
		return ex.getClass().getName() + ": " + message + ((top != null) ? " at " + top : "");
	}

	private static Mono<?> request(ZenooClient client, Call call) {
		String model = call.model();
		return switch (call.kind()) {
			case VERSION -> client.refreshVersion();
			case LOGIN -> client.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD).uid();
			case SEARCH_READ -> model.equals("res.partner") ? client.model(ResPartner.class).limit(5).all()
					: client.model(model).fields("name", "display_name").limit(5).all();
			case READ -> client.model(model).fields("name").getAll(List.of(1L, 3L));
			case COUNT -> client.model(model).count();
			case SEARCH -> client.model(model).ids();
			case FIELDS_GET -> client.refreshMetadata().then(client.model(model).fieldsGet("type", "string"));
			case NAME_SEARCH -> client.model(model).nameSearch("a");
			case READ_GROUP -> client.model(model).readGroup(List.of(), List.of("country_id"), true);
			case CREATE -> client.model(model).create(Map.of("name", "Fuzz"));
			case WRITE -> client.model(model).update(51L, Map.of("name", "Fuzz"));
			case UNLINK -> client.model(model).delete(54L);
			case CALL -> client.call(model, call.method(), List.of(), Map.of());
		};
	}

	private static Call call(RecordedExchange sample) {
		JsonNode request = parse(sample.requestBody());
		JsonNode params = (request != null) ? request.path("params") : MAPPER.missingNode();
		String path = sample.path();
		if (path.equals("/web/session/authenticate")) {
			return new Call(Kind.LOGIN, OdooProtocol.SESSION, "res.users", "authenticate");
		}
		if (path.startsWith("/web/dataset/call_kw")) {
			return modelCall(OdooProtocol.SESSION, params.path("model").asString("res.partner"),
					params.path("method").asString("search_count"));
		}
		if (path.equals("/jsonrpc")) {
			String service = params.path("service").asString("");
			String method = params.path("method").asString("");
			JsonNode args = params.path("args");
			if (service.equals("common")) {
				return (method.equals("authenticate") || method.equals("login"))
						? new Call(Kind.LOGIN, OdooProtocol.JSON_RPC, "res.users", method)
						: new Call(Kind.VERSION, OdooProtocol.JSON_RPC, "", method);
			}
			if (service.equals("object") && args.size() >= 5) {
				return modelCall(OdooProtocol.JSON_RPC, args.get(3).asString("res.partner"),
						args.get(4).asString("search_count"));
			}
			return new Call(Kind.VERSION, OdooProtocol.JSON_RPC, "", method);
		}
		return new Call(Kind.CALL, OdooProtocol.SESSION, "res.partner", "search_count");
	}

	private static Call modelCall(OdooProtocol protocol, String model, String method) {
		Kind kind = switch (method) {
			case "search_read" -> Kind.SEARCH_READ;
			case "read" -> Kind.READ;
			case "search_count" -> Kind.COUNT;
			case "search" -> Kind.SEARCH;
			case "fields_get" -> Kind.FIELDS_GET;
			case "name_search" -> Kind.NAME_SEARCH;
			case "read_group" -> Kind.READ_GROUP;
			case "create" -> Kind.CREATE;
			case "write" -> Kind.WRITE;
			case "unlink" -> Kind.UNLINK;
			default -> Kind.CALL;
		};
		return new Call(kind, protocol, model, method);
	}

	private static JsonNode member(RecordedExchange sample, String name) {
		JsonNode response = parse(sample.responseBody());
		return (response != null) ? response.path(name) : MAPPER.missingNode();
	}

	private static JsonNode parse(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
