package io.zenoo.test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.zenoo.test.samples.RecordedExchange;
import io.zenoo.test.samples.RecordedSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Replays every recorded Odoo 18 request (samples 01-85) against one server, in recorded order, and checks each answer
 * has the recorded status, content type, JSON shape and, except where listed, the recorded values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedSamplesContractTest {

	/** XML-RPC is not a protocol this product speaks. */
	private static final Set<Integer> EXCLUDED_XML_RPC = IntStream.rangeClosed(86, 99).boxed()
		.collect(Collectors.toCollection(TreeSet::new));

	/** Answers whose values legitimately differ: sequence-assigned ids, session info built for this server. */
	private static final Set<Integer> SHAPE_ONLY = Set.of(14, 15, 27, 60, 74, 80);

	/** Values from the recording clock: compared by format only. */
	private static final Map<Integer, Pattern> CLOCK_VALUES = Map.of(17,
			Pattern.compile("result\\[\\d+]\\.(create_date|write_date)"), 40,
			Pattern.compile("result\\[\\d+]\\.login_date"));

	/** Samples whose request or answer carries ids created earlier in the replay. */
	private static final Set<Integer> ID_DEPENDENT = Set.of(15, 16, 17, 18, 19, 20, 21, 28, 29, 61, 62, 63, 64, 65);

	private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

	private static final Pattern SESSION_COOKIE = Pattern.compile(
			"session_id=[A-Za-z0-9_-]+; Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; "
					+ "Max-Age=604800; HttpOnly; Path=/");

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<Long, Long> ids = new HashMap<>();

	private OdooTestServer server;

	private String recordedSession;

	private String actualSession;

	@BeforeAll
	void start() {
		this.server = OdooTestServer.startAsRecorded();
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void excludesExactlyTheXmlRpcSamples() {
		Set<Integer> excluded = RecordedSamples.all().stream().filter(RecordedExchange::isXmlRpc)
			.map(RecordedExchange::number).collect(Collectors.toCollection(TreeSet::new));
		assertThat(excluded).isEqualTo(EXCLUDED_XML_RPC);
		assertThat(RecordedSamples.all()).hasSize(99);
	}

	@TestFactory
	Stream<DynamicTest> replaysEveryRecordedExchangeInOrder() {
		List<RecordedExchange> replayed = RecordedSamples.all().stream()
			.filter((exchange) -> !EXCLUDED_XML_RPC.contains(exchange.number())).toList();
		assertThat(replayed).hasSize(85);
		return replayed.stream().map((exchange) -> DynamicTest.dynamicTest(
				String.format("%02d %s", exchange.number(), exchange.name()), () -> replay(exchange)));
	}

	private void replay(RecordedExchange exchange) {
		int number = exchange.number();
		String body = exchange.requestBody();
		if (ID_DEPENDENT.contains(number)) {
			body = substituteIds(body);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		String cookie = exchange.requestHeader("Cookie");
		if (cookie != null) {
			headers.put("Cookie", (this.recordedSession != null) ? cookie.replace(this.recordedSession,
					this.actualSession) : cookie);
		}
		HttpResponse<String> response = RawHttp.post(this.server.url() + exchange.path(),
				exchange.requestHeader("Content-Type"), body, headers);
		assertThat(response.statusCode()).as("HTTP status").isEqualTo(exchange.status());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		assertThat(contentType.split(";")[0]).as("content type").isEqualTo(exchange.responseMediaType());
		if (!exchange.responseMediaType().equals("application/json")) {
			assertThat(response.body()).as("raw body").isEqualTo(exchange.responseBody());
			return;
		}
		JsonNode expected = this.mapper.readTree(exchange.responseBody());
		JsonNode actual = this.mapper.readTree(response.body());
		learnIds(number, expected, actual);
		if (ID_DEPENDENT.contains(number)) {
			expected = this.mapper.readTree(substituteIds(exchange.responseBody()));
		}
		compare("", expected, actual, !SHAPE_ONLY.contains(number), CLOCK_VALUES.get(number));
		checkCookies(exchange, response);
	}

	private void checkCookies(RecordedExchange exchange, HttpResponse<String> response) {
		List<String> recorded = exchange.responseHeaders("Set-Cookie");
		List<String> actual = response.headers().allValues("Set-Cookie");
		if (exchange.number() == 74) {
			this.recordedSession = recorded.get(0).split(";")[0].substring("session_id=".length());
			this.actualSession = actual.get(0).split(";")[0].substring("session_id=".length());
		}
		if (List.of(74, 80, 85).contains(exchange.number())) {
			assertThat(actual).singleElement().asString().matches(SESSION_COOKIE);
		}
		if (exchange.number() == 83) {
			assertThat(actual).hasSize(2);
			assertThat(actual.get(0)).startsWith("cids=; Expires=").endsWith("; Max-Age=0; Path=/");
			assertThat(actual.get(1)).matches(SESSION_COOKIE).doesNotContain(this.actualSession);
		}
	}

	/** Maps ids created by this server onto the recorded ones, from the answers that create records. */
	private void learnIds(int number, JsonNode expected, JsonNode actual) {
		switch (number) {
			case 14, 60 -> this.ids.put(expected.get("result").asLong(), actual.get("result").asLong());
			case 15 -> {
				for (int i = 0; i < expected.get("result").size(); i++) {
					this.ids.put(expected.get("result").get(i).asLong(), actual.get("result").get(i).asLong());
				}
			}
			case 27 -> this.ids.put(expected.get("result").get(0).asLong(), actual.get("result").get(0).asLong());
			default -> {
			}
		}
	}

	private String substituteIds(String json) {
		JsonNode tree = this.mapper.readTree(json);
		JsonNode substituted = substitute(tree);
		String text = substituted.toString();
		for (Map.Entry<Long, Long> entry : this.ids.entrySet()) {
			text = text.replace("(Record: res.partner(" + entry.getKey() + ",)",
					"(Record: res.partner(" + entry.getValue() + ",)");
		}
		return text;
	}

	private JsonNode substitute(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = this.mapper.createObjectNode();
			object.properties().forEach((entry) -> copy.set(entry.getKey(),
					"id".equals(entry.getKey()) && !object.has("name") ? entry.getValue() : substitute(entry.getValue())));
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = this.mapper.createArrayNode();
			array.forEach((item) -> copy.add(substitute(item)));
			return copy;
		}
		if (node.isIntegralNumber() && this.ids.containsKey(node.asLong())) {
			long mapped = this.ids.get(node.asLong());
			return (mapped <= Integer.MAX_VALUE) ? IntNode.valueOf((int) mapped) : LongNode.valueOf(mapped);
		}
		return node;
	}

	private void compare(String path, JsonNode expected, JsonNode actual, boolean values, Pattern clock) {
		if (path.endsWith("debug")) {
			assertThat(actual.isString()).as(path + " is a string").isTrue();
			assertThat(actual.asString()).as(path).startsWith("Traceback (most recent call last):");
			return;
		}
		if (clock != null && clock.matcher(path).matches()) {
			assertThat(actual.asString()).as(path + " (clock value)").matches(DATETIME);
			return;
		}
		assertThat(type(actual)).as(path + " type").isEqualTo(type(expected));
		if (expected.isObject()) {
			Set<String> expectedKeys = new TreeSet<>(expected.propertyNames());
			Set<String> actualKeys = new TreeSet<>(actual.propertyNames());
			assertThat(actualKeys).as(path + " keys").isEqualTo(expectedKeys);
			for (String key : expectedKeys) {
				compare(path.isEmpty() ? key : path + "." + key, expected.get(key), actual.get(key), values, clock);
			}
		}
		else if (expected.isArray()) {
			if (values) {
				assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			}
			else if (expected.isEmpty() != actual.isEmpty()) {
				fail(path + ": one of the lists is empty: expected " + expected + " but was " + actual);
			}
			Iterator<JsonNode> left = expected.iterator();
			Iterator<JsonNode> right = actual.iterator();
			int index = 0;
			while (left.hasNext() && right.hasNext()) {
				compare(path + "[" + index++ + "]", left.next(), right.next(), values, clock);
			}
		}
		else if (values) {
			assertThat(actual).as(path).isEqualTo(expected);
		}
		else if (expected.isString() && DATETIME.matcher(expected.asString()).matches()) {
			assertThat(actual.asString()).as(path + " datetime format").matches(DATETIME);
		}
	}

	private static String type(JsonNode node) {
		if (node.isIntegralNumber()) {
			return "integer";
		}
		if (node.isFloatingPointNumber()) {
			return "float";
		}
		return node.getNodeType().name();
	}

}
