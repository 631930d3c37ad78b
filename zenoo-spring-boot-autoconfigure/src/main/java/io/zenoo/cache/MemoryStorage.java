package io.zenoo.cache;

import java.util.Locale;

/**
 * How a memory cache keeps its values.
 * <ul>
 * <li>{@link #COMPACT} (the default): a value stored with its type ({@link ZenooCache#findOrLoad}: the client's
 * queries, metadata reads, {@code @OdooCached}) is kept as Smile bytes (Jackson's binary JSON), decoded again on its
 * first hit and kept decoded while it is among the cache's {@code decoded-entries} decoded entries (a CLOCK spares
 * those hit since it last passed). Values stored without a type ({@link ZenooCache#store}, Spring's {@code put}, {@code Object}-typed loads)
 * and values that do not come back equal stay objects.</li>
 * <li>{@link #OBJECTS}: every value is kept as the instance stored.</li>
 * </ul>
 */
public enum MemoryStorage {

	/** Typed values as bytes, hot entries also decoded. */
	COMPACT,

	/** Values as stored. */
	OBJECTS;

	/**
	 * Parse a storage name ({@code compact}, {@code objects}, any case).
	 * @param name the name
	 * @return the storage
	 * @throws InvalidCacheSpecException if the name is unknown
	 */
	public static MemoryStorage parse(String name) {
		if (name != null) {
			for (MemoryStorage storage : values()) {
				if (storage.name().equalsIgnoreCase(name.trim())) {
					return storage;
				}
			}
		}
		throw new InvalidCacheSpecException("storage", "is '" + name + "', which is not a known memory storage",
				"Use one of: compact, objects.");
	}

	String lowerCaseName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
