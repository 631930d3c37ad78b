package io.zenoo.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caches of a {@link ZenooCacheManager} by name, in set-up order, and the listeners told about each one exactly
 * once (whether it was set up before or after the listener was added).
 */
final class CacheRegistry {

	private static final Logger logger = LoggerFactory.getLogger(CacheRegistry.class);

	private final Map<String, ZenooCache> caches = new LinkedHashMap<>();

	private final List<Consumer<ZenooCache>> listeners = new ArrayList<>();

	synchronized @Nullable ZenooCache get(@Nullable String name) {
		return (name != null) ? this.caches.get(name) : null;
	}

	synchronized boolean contains(@Nullable String name) {
		return name != null && this.caches.containsKey(name);
	}

	synchronized List<String> names() {
		return List.copyOf(this.caches.keySet());
	}

	synchronized List<ZenooCache> all() {
		return List.copyOf(this.caches.values());
	}

	synchronized boolean isEmpty() {
		return this.caches.isEmpty();
	}

	void requireFreeName(String name) {
		if (contains(name)) {
			throw new InvalidCacheSpecException("name", "'" + name + "' is already taken by another cache",
					"Give every cache a unique name.");
		}
	}

	/** Add a cache, then tell the listeners (outside the lock). */
	void add(ZenooCache cache) {
		List<Consumer<ZenooCache>> toNotify;
		synchronized (this) {
			requireFreeName(cache.getName());
			this.caches.put(cache.getName(), cache);
			toNotify = List.copyOf(this.listeners);
		}
		toNotify.forEach((listener) -> notify(listener, cache));
	}

	void addListener(Consumer<ZenooCache> listener) {
		List<ZenooCache> existing;
		synchronized (this) {
			this.listeners.add(listener);
			existing = List.copyOf(this.caches.values());
		}
		existing.forEach((cache) -> notify(listener, cache));
	}

	private static void notify(Consumer<ZenooCache> listener, ZenooCache cache) {
		try {
			listener.accept(cache);
		}
		catch (RuntimeException ex) {
			logger.warn("A cache listener failed for cache '{}': {}", cache.getName(), ex.toString());
		}
	}

	/** The existing cache a tiered cache names as a level, of the type that level needs. */
	ZenooCache tier(String setting, @Nullable String cacheName, CacheType required) {
		String kind = required.name().toLowerCase(Locale.ROOT);
		if (cacheName == null || cacheName.isBlank()) {
			throw new InvalidCacheSpecException(setting, "is missing",
					"Name the " + kind + " cache to use as " + setting + ".");
		}
		ZenooCache cache = get(cacheName);
		if (cache == null) {
			throw new InvalidCacheSpecException(setting, "names cache '" + cacheName + "', which does not exist",
					"Name a " + kind + " cache defined before the tiered cache.");
		}
		if (cache.type() != required) {
			throw new InvalidCacheSpecException(setting, "names cache '" + cacheName + "' of type "
					+ cache.type().name().toLowerCase(Locale.ROOT) + ", but " + setting + " must be a " + kind
					+ " cache", "Name a " + kind + " cache.");
		}
		return cache;
	}

}
