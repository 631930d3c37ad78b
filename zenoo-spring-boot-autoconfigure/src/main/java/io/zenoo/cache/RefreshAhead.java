package io.zenoo.cache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The background refreshes of one cache (see {@link CacheFreshness#refreshAhead()}): at most one per key at a time
 * in this JVM; hits arriving while one runs return the cached value and start nothing. A refresh runs with the
 * Reactor context of the hit that started it, detached from that hit: cancelling the hit does not cancel it. A
 * failed refresh is logged at debug level and counted; the entry it meant to replace stays until its TTL.
 * <p>
 * A hit that read the entry <em>before</em> a refresh of it completed must not start another one once that refresh
 * is over (it saw the old entry, which is no longer there). A memory tier checks that the entry it hit is still the
 * one in place ({@link #startIfCurrent}); a Redis cache, whose reads return copies, checks that no refresh of the key
 * completed since its lookup started ({@link #startIfNoneCompletedSince}, with {@link #completions()} read before
 * the lookup).
 */
final class RefreshAhead {

	private static final Logger logger = LoggerFactory.getLogger(RefreshAhead.class);

	/** Above this many remembered completions they are forgotten at once (costing at most a redundant refresh). */
	private static final int MAX_REMEMBERED = 4096;

	private final Set<Object> running = ConcurrentHashMap.newKeySet();

	private final AtomicLong completions = new AtomicLong();

	/** The value of {@link #completions} when each key's last refresh completed. */
	private final ConcurrentHashMap<Object, Long> completedAt = new ConcurrentHashMap<>();

	private final String cacheName;

	private final ZenooCacheStatistics statistics;

	RefreshAhead(String cacheName, ZenooCacheStatistics statistics) {
		this.cacheName = cacheName;
		this.statistics = statistics;
	}

	/** @return how many refreshes have completed so far: read it before a lookup, for {@link #startIfNoneCompletedSince} */
	long completions() {
		return this.completions.get();
	}

	/**
	 * Start a refresh of the key unless one is running or the entry that was hit is no longer in place (a refresh
	 * completed meanwhile, or the entry was removed).
	 * @param key the key
	 * @param current whether the entry that was hit is still the one in place
	 * @param refresh loads the value and stores it
	 * @param context the context of the hit
	 */
	void startIfCurrent(Object key, BooleanSupplier current, Mono<?> refresh, ContextView context) {
		if (!this.running.add(key)) {
			return;
		}
		// checked once the key is ours: a refresh that completed before replaced the entry before letting go of it
		if (!current.getAsBoolean()) {
			this.running.remove(key);
			return;
		}
		run(key, refresh, context);
	}

	/**
	 * Start a refresh of the key unless one is running or one completed since the lookup that hit started.
	 * @param key the key (a Redis cache passes its Redis key)
	 * @param lookupStartedAt {@link #completions()} read before the lookup
	 * @param refresh loads the value and stores it
	 * @param context the context of the hit
	 */
	void startIfNoneCompletedSince(Object key, long lookupStartedAt, Mono<?> refresh, ContextView context) {
		if (!this.running.add(key)) {
			return;
		}
		Long completed = this.completedAt.get(key);
		if (completed != null && completed > lookupStartedAt) {
			this.running.remove(key);
			return;
		}
		run(key, refresh, context);
	}

	private void run(Object key, Mono<?> refresh, ContextView context) {
		this.statistics.refreshStarted();
		Mono.defer(() -> refresh).contextWrite(context).doFinally((signal) -> {
			if (this.completedAt.size() >= MAX_REMEMBERED) {
				this.completedAt.clear();
			}
			this.completedAt.put(key, this.completions.incrementAndGet());
			this.running.remove(key);
		}).subscribe(null, (ex) -> {
			this.statistics.refreshFailed();
			logger.debug("Cache '{}': refresh-ahead of {} failed, keeping the entry until its TTL: {}", this.cacheName,
					key, ex.toString());
		});
	}

	/** @return refreshes running now */
	int running() {
		return this.running.size();
	}

}
