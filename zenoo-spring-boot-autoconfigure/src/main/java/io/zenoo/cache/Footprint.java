package io.zenoo.cache;

import org.jspecify.annotations.Nullable;

/**
 * How much a cache holds: entries and estimated bytes, each {@code null} when unknown.
 */
record Footprint(@Nullable Long size, @Nullable Long bytes) {

	static final Footprint UNKNOWN = new Footprint(null, null);

	/** Scale the average entry of a sample up to the whole cache. */
	static Footprint sampled(long size, long sampledBytes, int sampledEntries) {
		long bytes = (sampledEntries > 0) ? Math.round((double) sampledBytes / sampledEntries * size) : 0;
		return new Footprint(size, bytes);
	}

}
