package io.zenoo.cache;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Estimates the Java heap that a memory cache entry takes: the value's object graph as {@link ObjectGraphSize} walks it
 * (typed records, maps, lists, strings, numbers, on a 64-bit JVM with compressed references), or, for a value with
 * objects that cannot be read, its JSON form (written by Jackson) with each JSON token priced as the Java object the
 * client makes of it for an untyped row (an unmodifiable {@code LinkedHashMap} per object, an unmodifiable
 * {@code ArrayList} per array, a {@code String}, {@code Long} or {@code Double} per scalar, field names shared). A
 * compact entry is its bytes plus, while it is decoded, the decoded value. Only sampled entries are estimated, when
 * statistics are asked for: puts pay nothing.
 */
final class HeapEstimator {

	private static final Logger logger = LoggerFactory.getLogger(HeapEstimator.class);

	/** Caffeine's node, the completed future, the stored record and the hash table slot of one entry. */
	static final long ENTRY_OVERHEAD = 176;

	/** A structured key (the client's query key with its query shape). */
	static final long KEY_OBJECT = 160;

	/** A {@link CompactValue}: header, three references, the volatile reference and the slot. */
	static final long COMPACT_HOLDER = 32;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HeapEstimator() {
	}

	/**
	 * The estimated heap of one entry.
	 * @return bytes, or {@code -1} when the value cannot be written as JSON
	 */
	static long entryBytes(Object key, Object value) {
		long valueBytes = valueBytes(value);
		return (valueBytes < 0) ? -1 : ENTRY_OVERHEAD + keyBytes(key) + valueBytes;
	}

	static long keyBytes(Object key) {
		if (key instanceof String text) {
			return stringBytes(text.length(), isLatin1(text));
		}
		return KEY_OBJECT;
	}

	static long valueBytes(Object value) {
		if (value instanceof CompactValue compact) {
			return compactBytes(compact);
		}
		long walked = ObjectGraphSize.of(value);
		return (walked >= 0) ? walked : jsonBytes(value);
	}

	/**
	 * The fallback for values whose objects cannot all be read: each JSON token of the value priced as the object
	 * the client would make of it for an untyped row.
	 */
	static long jsonBytes(Object value) {
		try {
			byte[] json = JSON.writeValueAsBytes(value);
			try (JsonParser parser = JSON.createParser(json)) {
				return walk(parser);
			}
		}
		catch (JacksonException ex) {
			logger.debug("Cannot estimate the size of a {}: {}", value.getClass().getName(), ex.getOriginalMessage());
			return -1;
		}
	}

	/**
	 * A compact memory cache's value: the holder ({@value #COMPACT_HOLDER} bytes), its byte array and, when decoded
	 * now, the decoded form (estimated as above).
	 */
	static long compactBytes(CompactValue compact) {
		long bytes = COMPACT_HOLDER + align(16 + compact.bytes.length);
		Object decoded = compact.decoded;
		if (decoded != null) {
			long decodedBytes = valueBytes(decoded);
			if (decodedBytes > 0) {
				bytes += decodedBytes;
			}
		}
		return bytes;
	}

	private static long walk(JsonParser parser) {
		long total = 0;
		// element counts of the open containers
		Deque<int[]> open = new ArrayDeque<>();
		JsonToken token;
		while ((token = parser.nextToken()) != null) {
			switch (token) {
				case START_OBJECT, START_ARRAY -> {
					countElement(open);
					open.push(new int[1]);
				}
				case END_OBJECT -> total += mapBytes(open.pop()[0]);
				case END_ARRAY -> total += listBytes(open.pop()[0]);
				case PROPERTY_NAME -> {
					// names are canonical strings shared by every row: only the map entry costs (in mapBytes)
				}
				case VALUE_STRING -> {
					countElement(open);
					String text = parser.getString();
					total += stringBytes(text.length(), isLatin1(text));
				}
				case VALUE_NUMBER_INT -> {
					countElement(open);
					total += isSmallCached(parser) ? 0 : 16;
				}
				case VALUE_NUMBER_FLOAT -> {
					countElement(open);
					total += 16;
				}
				default -> countElement(open);
			}
		}
		return total;
	}

	private static void countElement(Deque<int[]> open) {
		int[] parent = open.peek();
		if (parent != null) {
			parent[0]++;
		}
	}

	private static boolean isSmallCached(JsonParser parser) {
		if (parser.getNumberType() != JsonParser.NumberType.INT && parser.getNumberType() != JsonParser.NumberType.LONG) {
			return false;
		}
		long value = parser.getLongValue();
		return value >= -128 && value <= 127;
	}

	/** Unmodifiable wrapper + LinkedHashMap + its table (sized for twice the entries) + one node per entry. */
	static long mapBytes(int entries) {
		int table = tableSizeFor(Math.max(4, entries * 2));
		return 32 + 56 + align(16 + 4L * table) + 40L * entries;
	}

	/** Unmodifiable wrapper + ArrayList + its array. */
	static long listBytes(int elements) {
		return 24 + 24 + align(16 + 4L * elements);
	}

	static long stringBytes(int length, boolean latin1) {
		return 24 + align(16 + (latin1 ? length : 2L * length));
	}

	static boolean isLatin1(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	private static int tableSizeFor(int capacity) {
		int n = -1 >>> Integer.numberOfLeadingZeros(capacity - 1);
		return (n < 0) ? 1 : n + 1;
	}

	private static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

}
