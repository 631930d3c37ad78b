package io.zenoo.cache;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The heap one value takes, found by walking its object graph: each object reached once, priced by its class's
 * layout on a 64-bit JVM with compressed references (12-byte headers, 4-byte references, 8-byte alignment).
 * <p>
 * Records are read through their accessors, other classes through their fields; JDK classes whose fields cannot be
 * read (strings, boxed numbers, collections, dates) are priced from what their public API tells (length, size). A
 * value holding an object of another class that cannot be read is not estimated here ({@code -1}): the caller falls
 * back to the JSON-based estimate. Values shared by every entry (small boxed numbers, enum constants, empty immutable
 * collections) cost nothing.
 */
final class ObjectGraphSize {

	/** More objects than this in one value: not walked (the caller falls back). */
	static final int MAX_OBJECTS = 1_000_000;

	private static final int HEADER = 12;

	private static final int REFERENCE = 4;

	private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {

		@Override
		protected Layout computeValue(Class<?> type) {
			return Layout.of(type);
		}

	};

	private ObjectGraphSize() {
	}

	/**
	 * The heap of {@code value} and everything it reaches.
	 * @param value the value
	 * @return bytes, or {@code -1} when part of it cannot be read
	 */
	static long of(@Nullable Object value) {
		if (value == null) {
			return 0;
		}
		IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
		Deque<Object> pending = new ArrayDeque<>();
		pending.push(value);
		long total = 0;
		while (!pending.isEmpty()) {
			Object next = pending.pop();
			if (seen.put(next, Boolean.TRUE) != null) {
				continue;
			}
			if (seen.size() > MAX_OBJECTS) {
				return -1;
			}
			long bytes = visit(next, pending);
			if (bytes < 0) {
				return -1;
			}
			total += bytes;
		}
		return total;
	}

	/** The object's own bytes; what it refers to is pushed onto {@code pending}. */
	private static long visit(Object object, Deque<Object> pending) {
		if (object instanceof String text) {
			return HeapEstimator.stringBytes(text.length(), HeapEstimator.isLatin1(text));
		}
		if (object instanceof Number || object instanceof Boolean || object instanceof Character) {
			return boxedBytes(object);
		}
		if (object instanceof Enum<?> || object instanceof Class<?>) {
			return 0;
		}
		Class<?> type = object.getClass();
		if (type.isArray()) {
			return arrayBytes(object, pending);
		}
		if (object instanceof Map<?, ?> map) {
			return mapBytes(map, pending);
		}
		if (object instanceof Collection<?> collection) {
			return collectionBytes(collection, pending);
		}
		if (object instanceof Optional<?> optional) {
			optional.ifPresent(pending::push);
			return 16;
		}
		Long fixed = jdkValueBytes(object);
		if (fixed != null) {
			return fixed;
		}
		return LAYOUTS.get(type).visit(object, pending);
	}

	private static long boxedBytes(Object boxed) {
		if (boxed instanceof Boolean) {
			return 0;
		}
		if (boxed instanceof Character c) {
			return (c <= 127) ? 0 : 16;
		}
		if (boxed instanceof Long || boxed instanceof Integer || boxed instanceof Short || boxed instanceof Byte) {
			long value = ((Number) boxed).longValue();
			if (value >= -128 && value <= 127) {
				return 0;
			}
			return (boxed instanceof Long) ? 24 : 16;
		}
		if (boxed instanceof Double) {
			return 24;
		}
		if (boxed instanceof Float) {
			return 16;
		}
		if (boxed instanceof BigDecimal decimal) {
			// scale, precision, the compact long and a reference to a BigInteger only when it does not fit a long
			return 40 + ((decimal.unscaledValue().bitLength() < 63) ? 0 : bigIntegerBytes(decimal.unscaledValue()));
		}
		if (boxed instanceof BigInteger integer) {
			return bigIntegerBytes(integer);
		}
		return 24;
	}

	private static long bigIntegerBytes(BigInteger integer) {
		return 40 + align(16 + 4L * ((integer.bitLength() + 31) / 32));
	}

	/** Immutable JDK values with a fixed layout, or {@code null}. */
	private static @Nullable Long jdkValueBytes(Object object) {
		String name = object.getClass().getName();
		return switch (name) {
			case "java.time.LocalDate", "java.time.LocalTime", "java.time.Instant", "java.time.Duration",
					"java.time.YearMonth" -> 24L;
			case "java.time.LocalDateTime" -> 72L;
			case "java.time.OffsetDateTime" -> 96L;
			case "java.time.ZonedDateTime" -> 104L;
			case "java.util.UUID" -> 32L;
			case "java.util.Date", "java.sql.Date", "java.sql.Timestamp" -> 24L;
			default -> (object instanceof UUID) ? 32L : null;
		};
	}

	private static long arrayBytes(Object array, Deque<Object> pending) {
		int length = Array.getLength(array);
		Class<?> component = array.getClass().getComponentType();
		if (component.isPrimitive()) {
			return align(16 + (long) width(component) * length);
		}
		Object[] elements = (Object[]) array;
		for (Object element : elements) {
			if (element != null) {
				pending.push(element);
			}
		}
		return align(16 + (long) REFERENCE * length);
	}

	private static long collectionBytes(Collection<?> collection, Deque<Object> pending) {
		int size = collection.size();
		for (Object element : collection) {
			if (element != null) {
				pending.push(element);
			}
		}
		String name = collection.getClass().getName();
		boolean immutable = name.startsWith("java.util.ImmutableCollections");
		if (size == 0 && (immutable || name.startsWith("java.util.Collections$Empty"))) {
			return 0;
		}
		long wrapper = name.startsWith("java.util.Collections$Unmodifiable") ? 24 : 0;
		if (collection instanceof Set<?>) {
			if (immutable) {
				// SetN: an array of twice the elements (open addressing); Set12: one object
				return (size <= 2) ? 24 : 24 + align(16 + REFERENCE * 2L * size);
			}
			// a HashSet wraps a HashMap: its table and one node per element (LinkedHashSet: linked nodes)
			return wrapper + 16 + hashMapBytes(size, name.contains("Linked"));
		}
		if (immutable && size <= 2) {
			return 24;
		}
		// ArrayList or ListN: the object and its element array (ArrayList's spare capacity is not known: not counted)
		return wrapper + 24 + align(16 + (long) REFERENCE * size);
	}

	private static long mapBytes(Map<?, ?> map, Deque<Object> pending) {
		int size = map.size();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (entry.getKey() != null) {
				pending.push(entry.getKey());
			}
			if (entry.getValue() != null) {
				pending.push(entry.getValue());
			}
		}
		String name = map.getClass().getName();
		boolean immutable = name.startsWith("java.util.ImmutableCollections");
		if (size == 0 && (immutable || name.startsWith("java.util.Collections$Empty"))) {
			return 0;
		}
		if (immutable) {
			// MapN: keys and values in one array of four references per entry; Map1: one object
			return (size == 1) ? 24 : 24 + align(16 + REFERENCE * 4L * size);
		}
		long wrapper = name.startsWith("java.util.Collections$Unmodifiable") ? 24 : 0;
		if (name.equals("java.util.TreeMap")) {
			return wrapper + 48 + 40L * size;
		}
		return wrapper + hashMapBytes(size, name.contains("Linked"));
	}

	/** A HashMap (or LinkedHashMap): the object, its table (load factor 0.75) and one node per entry. */
	private static long hashMapBytes(int size, boolean linked) {
		long table = (size == 0) ? 0 : align(16 + (long) REFERENCE * tableSizeFor((int) Math.ceil(size / 0.75)));
		return (linked ? 56 : 48) + table + (linked ? 40L : 32L) * size;
	}

	private static int tableSizeFor(int capacity) {
		int n = -1 >>> Integer.numberOfLeadingZeros(Math.max(1, capacity) - 1);
		return Math.max(16, (n < 0) ? 1 : n + 1);
	}

	private static int width(Class<?> type) {
		if (type == long.class || type == double.class) {
			return 8;
		}
		if (type == int.class || type == float.class) {
			return 4;
		}
		if (type == short.class || type == char.class) {
			return 2;
		}
		if (type == byte.class || type == boolean.class) {
			return 1;
		}
		return REFERENCE;
	}

	private static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

	/**
	 * How instances of one class are priced and walked: their shallow size and the readers of their references, or
	 * nothing when a reference cannot be read.
	 */
	private record Layout(long shallowBytes, List<Reader> references, boolean readable) {

		static final Layout UNREADABLE = new Layout(0, List.of(), false);

		static Layout of(Class<?> type) {
			if (type.getName().startsWith("java.") || type.getName().startsWith("javax.")
					|| type.getName().startsWith("jdk.") || type.getName().startsWith("sun.")) {
				// JDK internals are not open to reflection, and the common ones are priced above
				return UNREADABLE;
			}
			long bytes = HEADER;
			List<Reader> references = new ArrayList<>();
			for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					if (Modifier.isStatic(field.getModifiers())) {
						continue;
					}
					bytes += width(field.getType());
					if (!field.getType().isPrimitive()) {
						Reader reader = reader(type, c, field);
						if (reader == null) {
							return UNREADABLE;
						}
						references.add(reader);
					}
				}
			}
			return new Layout(align(bytes), List.copyOf(references), true);
		}

		private static @Nullable Reader reader(Class<?> type, Class<?> declaring, Field field) {
			if (type.isRecord() && declaring == type) {
				for (RecordComponent component : type.getRecordComponents()) {
					if (component.getName().equals(field.getName())) {
						Method accessor = component.getAccessor();
						if (Modifier.isPublic(type.getModifiers()) && Modifier.isPublic(accessor.getModifiers())
								&& type.getModule().isExported(type.getPackageName())) {
							return accessor::invoke;
						}
						return accessor.trySetAccessible() ? accessor::invoke : null;
					}
				}
			}
			return field.trySetAccessible() ? field::get : null;
		}

		long visit(Object object, Deque<Object> pending) {
			if (!this.readable) {
				return -1;
			}
			try {
				for (Reader reader : this.references) {
					Object referenced = reader.read(object);
					if (referenced != null) {
						pending.push(referenced);
					}
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return -1;
			}
			return this.shallowBytes;
		}

	}

	/** Reads one reference of an object. */
	@FunctionalInterface
	private interface Reader {

		Object read(Object object) throws ReflectiveOperationException;

	}

}
