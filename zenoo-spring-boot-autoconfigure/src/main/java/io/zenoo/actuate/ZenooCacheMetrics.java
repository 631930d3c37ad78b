package io.zenoo.actuate;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheStatistics;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer's standard cache meters ({@code cache.gets}, {@code cache.puts}, {@code cache.evictions},
 * {@code cache.size}) for one Zenoo cache, from its live counters.
 */
final class ZenooCacheMetrics extends CacheMeterBinder<ZenooCache> {

	private final ZenooCacheStatistics statistics;

	ZenooCacheMetrics(ZenooCache cache, Iterable<Tag> tags) {
		super(cache, cache.getName(), tags);
		this.statistics = cache.statistics();
	}

	@Override
	protected @Nullable Long size() {
		ZenooCache cache = getCache();
		// only memory caches know their size without a network call; the binder counts Redis caches in the background
		return (cache != null && cache.getNativeCache() instanceof AsyncCache<?, ?> memory)
				? memory.synchronous().estimatedSize() : null;
	}

	@Override
	protected long hitCount() {
		return this.statistics.hits();
	}

	@Override
	protected Long missCount() {
		return this.statistics.misses();
	}

	@Override
	protected Long evictionCount() {
		return this.statistics.evictions();
	}

	@Override
	protected long putCount() {
		return this.statistics.puts();
	}

	@Override
	protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
	}

}
