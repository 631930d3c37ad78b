package io.zenoo.cache;

/**
 * How a Redis cache turns values into bytes. Both formats carry data only, never class names: the type to decode into
 * always comes from the caller. JDK serialization (Python's {@code pickle} equivalent) is deliberately not offered.
 */
public enum CacheSerializer {

	/** UTF-8 JSON written by Jackson. */
	JSON,

	/** MessagePack, converted from and to a Jackson tree. */
	MSGPACK;

	/**
	 * Parse a serializer name ({@code json}, {@code msgpack}, any case).
	 * @param name the name
	 * @return the serializer
	 * @throws InvalidCacheSpecException if the name is unknown or names {@code pickle}
	 */
	public static CacheSerializer parse(String name) {
		String trimmed = (name != null) ? name.trim() : "";
		if (trimmed.equalsIgnoreCase("pickle")) {
			throw new InvalidCacheSpecException("serializer",
					"is 'pickle', which has no safe Java equivalent: deserializing JDK-serialized data from a shared "
							+ "store is a remote-code-execution vector",
					"Use json (default) or msgpack.");
		}
		for (CacheSerializer serializer : values()) {
			if (serializer.name().equalsIgnoreCase(trimmed)) {
				return serializer;
			}
		}
		throw new InvalidCacheSpecException("serializer", "is '" + name + "', which is not a known serializer",
				"Use json or msgpack.");
	}

}
