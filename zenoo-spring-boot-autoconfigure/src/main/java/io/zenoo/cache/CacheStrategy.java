package io.zenoo.cache;

import java.util.Locale;

/**
 * How a memory cache expires its entries. Caffeine has no pure LRU or LFU eviction: whatever the strategy, an entry
 * beyond {@code max-size} is evicted by Window TinyLFU (a small LRU window in front of a main area whose admission
 * compares access frequencies). The strategies differ only in how time-based expiry works:
 * <ul>
 * <li>{@link #TTL}: an entry expires its TTL after it was written; reads do not extend it.</li>
 * <li>{@link #LFU}: the same expiry as {@link #TTL}; the name states that eviction is frequency-based (W-TinyLFU).</li>
 * <li>{@link #LRU}: an entry expires its TTL after it was last read or written (sliding, idle-based expiry), so
 * recently used entries stay.</li>
 * </ul>
 */
public enum CacheStrategy {

	/** Expire after write. */
	TTL,

	/** Expire after last access (read or write). */
	LRU,

	/** Expire after write; frequency-based size eviction (Caffeine's W-TinyLFU, as for every strategy). */
	LFU;

	/**
	 * Parse a strategy name ({@code ttl}, {@code lru}, {@code lfu}, any case).
	 * @param name the name
	 * @return the strategy
	 * @throws InvalidCacheSpecException if the name is unknown
	 */
	public static CacheStrategy parse(String name) {
		if (name != null) {
			for (CacheStrategy strategy : values()) {
				if (strategy.name().equalsIgnoreCase(name.trim())) {
					return strategy;
				}
			}
		}
		throw new InvalidCacheSpecException("strategy", "is '" + name + "', which is not a known cache strategy",
				"Use one of: ttl, lru, lfu.");
	}

	String lowerCaseName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
