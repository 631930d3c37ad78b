package io.zenoo.cache;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.dataformat.smile.SmileWriteFeature;

import org.springframework.core.ResolvableType;

/**
 * The compaction of one {@link MemoryStorage#COMPACT} memory cache: encodes the values stored with a type into
 * {@link CompactValue}s and keeps at most {@code capacity} of them decoded.
 * <p>
 * The decoded entries sit in a ring swept by a CLOCK hand: a hit on a decoded entry takes no lock and only marks the
 * entry referenced (a plain write, skipped when it is marked already). Admitting an entry into a full ring moves the
 * hand past referenced entries, unmarking them (a second chance), and drops the decoded form of the first unmarked
 * one (its bytes stay; its next hit decodes it again). Only decoding an entry takes the lock; concurrent first hits
 * of one entry may both decode, and the first to take the lock wins: both callers get its instance.
 * <p>
 * Values are Smile (Jackson's binary JSON; untyped integers read back as {@code Long}, as a Redis cache's JSON codec
 * reads them), read back into the type the caller stored them with (never a type named in the bytes). A value is kept as bytes only if it encodes and reads
 * back equal to itself; otherwise (a type Jackson cannot write or read, a value that does not survive the trip) it
 * stays an object.
 */
final class DecodedSet {

	private static final Logger logger = LoggerFactory.getLogger(DecodedSet.class);

	/**
	 * Smile (Jackson's binary JSON) with shared property names and short shared string values: each row's field
	 * names, and values repeated across rows, are written once per value and referenced after that; reads and
	 * writes are as fast as JSON's.
	 */
	private static final SmileMapper SMILE = SmileMapper.builder()
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.enable(SmileWriteFeature.CHECK_SHARED_NAMES, SmileWriteFeature.CHECK_SHARED_STRING_VALUES)
		.build();

	private final int capacity;

	private final ZenooCacheStatistics statistics;

	private final Object lock = new Object();

	/** Grows up to {@link #capacity}; guarded by {@link #lock}. */
	private @Nullable CompactValue[] ring;

	/** Slots used so far until the ring is full; guarded by {@link #lock}. */
	private int filled;

	/** The next slot to reuse once the ring is full; guarded by {@link #lock}. */
	private int hand;

	DecodedSet(long capacity, ZenooCacheStatistics statistics) {
		this.capacity = (int) Math.min(capacity, Integer.MAX_VALUE - 8);
		this.statistics = statistics;
		this.ring = new CompactValue[Math.min(this.capacity, 64)];
	}

	int capacity() {
		return this.capacity;
	}

	/**
	 * The compact form of a value stored with the given type, or {@code null} when it must stay an object
	 * ({@code Object} as its type, or a value that does not encode or read back equal).
	 */
	@Nullable CompactValue compact(Object value, @Nullable Type type) {
		if (type == null || type == Object.class) {
			return null;
		}
		try {
			byte[] bytes = SMILE.writeValueAsBytes(value);
			Object back = decode(bytes, type);
			if (!value.equals(back)) {
				logger.debug("Keeping a {} as an object: it does not read back equal from Smile", value.getClass().getName());
				return null;
			}
			return new CompactValue(bytes, type, this);
		}
		catch (RuntimeException | StackOverflowError ex) {
			logger.debug("Keeping a {} as an object: {}", value.getClass().getName(), ex.toString());
			return null;
		}
	}

	/**
	 * Decode into the type. A list, set or map asked for by its interface comes back unmodifiable, as the client's own
	 * results are: the decoded instance is handed to every reader.
	 */
	private static Object decode(byte[] bytes, Type type) {
		Object value = SMILE.readValue(bytes, SMILE.getTypeFactory().constructType(type));
		Class<?> raw = ResolvableType.forType(type).resolve(Object.class);
		if (!raw.isInterface()) {
			return value;
		}
		if (value instanceof List<?> list) {
			return Collections.unmodifiableList(list);
		}
		if (value instanceof Set<?> set) {
			return Collections.unmodifiableSet(set);
		}
		if (value instanceof Map<?, ?> map) {
			return Collections.unmodifiableMap(map);
		}
		if (value instanceof Collection<?> collection) {
			return Collections.unmodifiableCollection(collection);
		}
		return value;
	}

	/** Decode an entry that is not decoded (or was not when its hit read it) and admit it into the ring. */
	Object materialize(CompactValue value) {
		Object fresh;
		try {
			fresh = Objects.requireNonNull(decode(value.bytes, value.type));
		}
		catch (RuntimeException | StackOverflowError ex) {
			this.statistics.decodeFailure();
			throw new IllegalStateException("Cannot decode a cached " + value.type.getTypeName(), ex);
		}
		this.statistics.decoded();
		synchronized (this.lock) {
			Object existing = value.decoded;
			if (existing != null) {
				return existing;
			}
			if (value.slot == CompactValue.REMOVED) {
				return fresh;
			}
			admit(value);
			value.decoded = fresh;
		}
		return fresh;
	}

	/** Give the value a slot, dropping the decoded form of the slot's current holder; under the lock. */
	private void admit(CompactValue value) {
		int slot;
		if (this.filled < this.capacity) {
			if (this.filled == this.ring.length) {
				this.ring = Arrays.copyOf(this.ring, (int) Math.min(this.capacity, 2L * this.ring.length));
			}
			slot = this.filled++;
		}
		else {
			slot = this.hand;
			// second chance: at most one sweep, after which every entry is unmarked
			for (int swept = 0; swept < this.capacity; swept++) {
				CompactValue candidate = this.ring[slot];
				if (candidate == null || !candidate.referenced) {
					break;
				}
				candidate.referenced = false;
				slot = (slot + 1 == this.capacity) ? 0 : slot + 1;
			}
			this.hand = (slot + 1 == this.capacity) ? 0 : slot + 1;
			CompactValue previous = this.ring[slot];
			if (previous != null) {
				previous.decoded = null;
				previous.slot = CompactValue.OUTSIDE;
			}
		}
		this.ring[slot] = value;
		value.slot = slot;
	}

	/** Forget the entry's decoded form for good (the entry left the cache). */
	void drop(CompactValue value) {
		synchronized (this.lock) {
			int slot = value.slot;
			if (slot >= 0 && this.ring[slot] == value) {
				this.ring[slot] = null;
			}
			value.slot = CompactValue.REMOVED;
			value.decoded = null;
		}
	}

	/** How many entries are decoded now. */
	int decodedCount() {
		synchronized (this.lock) {
			int count = 0;
			for (int i = 0; i < this.filled; i++) {
				CompactValue value = this.ring[i];
				if (value != null && value.decoded != null) {
					count++;
				}
			}
			return count;
		}
	}

}
