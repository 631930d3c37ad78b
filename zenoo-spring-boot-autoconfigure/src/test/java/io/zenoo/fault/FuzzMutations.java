package io.zenoo.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutations of a recorded response body, each named for the report: truncation, a value of another type, a dropped
 * key, huge numbers, 10,000 levels of nesting, a wrong JSON-RPC {@code id}, {@code result} and {@code error} both or
 * neither, and invalid UTF-8. Deterministic for a given {@link Random}.
 */
final class FuzzMutations {

	/** One mutated body. */
	record Mutant(String kind, byte[] body) {
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String PLACEHOLDER = "__zenoo_fuzz_placeholder__";

	private static final int DEEP = 10_000;

	private static final List<String> HUGE_NUMBERS = List.of("1" + "0".repeat(400), "-1e400", "1e-400",
			"9".repeat(999), "1" + "0".repeat(5000), "18446744073709551616", "-9223372036854775809", "1.5",
			"NaN");

	private final Random random;

	FuzzMutations(Random random) {
		this.random = random;
	}

	/**
	 * Mutants of one body.
	 * @param body the recorded body
	 * @param jsonRpc whether it is a JSON-RPC envelope (adds the id and result/error mutations)
	 * @param perKind how many random mutants of each random kind
	 */
	List<Mutant> mutate(String body, boolean jsonRpc, int perKind) {
		List<Mutant> mutants = new ArrayList<>();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < perKind * 2 && bytes.length > 1; i++) {
			int cut = 1 + this.random.nextInt(bytes.length - 1);
			mutants.add(new Mutant("truncated", java.util.Arrays.copyOf(bytes, cut)));
		}
		mutants.add(new Mutant("empty", new byte[0]));
		for (int i = 0; i < 3; i++) {
			mutants.add(new Mutant("invalid UTF-8", invalidUtf8(bytes)));
		}
		JsonNode tree;
		try {
			tree = MAPPER.readTree(body);
		}
		catch (RuntimeException ex) {
			return mutants;
		}
		for (int i = 0; i < perKind; i++) {
			mutants.add(tree("type flipped", tree, (copy) -> replaceRandom(copy, flipped(randomValue(copy)))));
			mutants.add(tree("key dropped", tree, this::dropRandomKey));
			mutants.add(placeholder("huge number", tree,
					HUGE_NUMBERS.get(this.random.nextInt(HUGE_NUMBERS.size()))));
		}
		mutants.add(placeholder("deep arrays", tree, "[".repeat(DEEP) + "1" + "]".repeat(DEEP)));
		mutants.add(placeholder("deep objects", tree, "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)));
		if (jsonRpc && tree.isObject()) {
			for (JsonNode id : List.of(NODES.stringNode("x"), NODES.numberNode(987654321L), NODES.nullNode(),
					NODES.arrayNode())) {
				ObjectNode copy = (ObjectNode) tree.deepCopy();
				copy.set("id", id);
				mutants.add(new Mutant("wrong id", bytes(copy)));
			}
			ObjectNode noId = (ObjectNode) tree.deepCopy();
			noId.remove("id");
			mutants.add(new Mutant("wrong id", bytes(noId)));
			ObjectNode both = (ObjectNode) tree.deepCopy();
			both.set("result", tree.has("result") ? tree.get("result") : NODES.arrayNode().add(1));
			both.set("error", tree.has("error") ? tree.get("error") : error());
			mutants.add(new Mutant("result and error", bytes(both)));
			ObjectNode neither = (ObjectNode) tree.deepCopy();
			neither.remove("result");
			neither.remove("error");
			mutants.add(new Mutant("neither result nor error", bytes(neither)));
			ObjectNode bareError = (ObjectNode) tree.deepCopy();
			bareError.remove("result");
			bareError.set("error", NODES.objectNode().put("code", 200));
			mutants.add(new Mutant("error without data", bytes(bareError)));
		}
		return mutants;
	}

	private Mutant tree(String kind, JsonNode tree, java.util.function.Function<JsonNode, JsonNode> mutation) {
		return new Mutant(kind, bytes(mutation.apply(tree.deepCopy())));
	}

	private Mutant placeholder(String kind, JsonNode tree, String raw) {
		JsonNode copy = replaceRandom(tree.deepCopy(), NODES.stringNode(PLACEHOLDER));
		String text = MAPPER.writeValueAsString(copy).replace("\"" + PLACEHOLDER + "\"", raw);
		return new Mutant(kind, text.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] invalidUtf8(byte[] bytes) {
		byte[][] bad = { { (byte) 0xC3, (byte) 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xE2, (byte) 0x82 } };
		byte[] insert = bad[this.random.nextInt(bad.length)];
		// inside a string when there is one, where a decoder must look at it
		int quote = -1;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '"' && this.random.nextInt(4) == 0) {
				quote = i;
				break;
			}
		}
		int at = (quote >= 0) ? quote + 1 : this.random.nextInt(bytes.length + 1);
		byte[] result = new byte[bytes.length + insert.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(insert, 0, result, at, insert.length);
		System.arraycopy(bytes, at, result, at + insert.length, bytes.length - at);
		return result;
	}

	private JsonNode flipped(JsonNode value) {
		List<JsonNode> others = new ArrayList<>(List.of(NODES.stringNode("flipped"), NODES.numberNode(-7),
				NODES.numberNode(3.25), NODES.booleanNode(false), NODES.booleanNode(true), NODES.nullNode(),
				NODES.arrayNode(), NODES.arrayNode().add("a").add(2), NODES.objectNode(),
				NODES.objectNode().put("id", "x")));
		others.removeIf((other) -> other.getNodeType() == value.getNodeType());
		return others.get(this.random.nextInt(others.size()));
	}

	/** Every node but the root, with its parent, in document order. */
	private static List<Map.Entry<JsonNode, Object>> slots(JsonNode root) {
		List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
		collect(root, slots);
		return slots;
	}

	private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				slots.add(Map.entry(node, name));
				collect(node.get(name), slots);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				slots.add(Map.entry(node, i));
				collect(node.get(i), slots);
			}
		}
	}

	private JsonNode randomValue(JsonNode root) {
		List<Map.Entry<JsonNode, Object>> slots = slots(root);
		if (slots.isEmpty()) {
			return root;
		}
		Map.Entry<JsonNode, Object> slot = slots.get(this.random.nextInt(slots.size()));
		return (slot.getValue() instanceof String name) ? slot.getKey().get(name)
				: slot.getKey().get((Integer) slot.getValue());
	}

	/** Replaces a random node (the root when there is no other) with {@code replacement}. */
	private JsonNode replaceRandom(JsonNode root, JsonNode replacement) {
		List<Map.Entry<JsonNode, Object>> slots = slots(root);
		if (slots.isEmpty()) {
			return replacement;
		}
		Map.Entry<JsonNode, Object> slot = slots.get(this.random.nextInt(slots.size()));
		if (slot.getValue() instanceof String name) {
			((ObjectNode) slot.getKey()).set(name, replacement);
		}
		else {
			((ArrayNode) slot.getKey()).set((Integer) slot.getValue(), replacement);
		}
		return root;
	}

	private JsonNode dropRandomKey(JsonNode root) {
		List<Map.Entry<JsonNode, Object>> keys = slots(root).stream()
			.filter((slot) -> slot.getValue() instanceof String)
			.toList();
		if (!keys.isEmpty()) {
			Map.Entry<JsonNode, Object> slot = keys.get(this.random.nextInt(keys.size()));
			((ObjectNode) slot.getKey()).remove((String) slot.getValue());
		}
		return root;
	}

	private static ObjectNode error() {
		ObjectNode data = NODES.objectNode().put("name", "odoo.exceptions.UserError").put("message", "fuzz");
		ObjectNode error = NODES.objectNode().put("code", 200).put("message", "Odoo Server Error");
		error.set("data", data);
		return error;
	}

	private static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

}
