package io.zenoo.cache;

/**
 * Test access to a memory cache's spec from other packages.
 */
public final class CompactStorageAccess {

	private CompactStorageAccess() {
	}

	/**
	 * The spec a memory cache was built from.
	 * @param cache a memory cache
	 * @return its spec
	 */
	public static MemoryCacheSpec spec(ZenooCache cache) {
		return ((MemoryZenooCache) cache).spec();
	}

}
