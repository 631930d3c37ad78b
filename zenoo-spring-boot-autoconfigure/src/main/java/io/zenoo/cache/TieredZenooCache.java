package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A memory cache (L1) in front of a Redis cache (L2). Reads try L1, then L2 (filling L1 back with a TTL of the
 * smaller of L1's default TTL and what the entry has left in L2), then the loader. Writes and removes reach both tiers
 * and are published on the {@code <namespace>:invalidations} channel so that other instances evict their L1 copy. L1
 * is cleared whenever the invalidation subscription is lost or Redis recovers from an outage, since invalidations may
 * have been missed meanwhile.
 * <p>
 * The L1 memory cache may be shared with direct users: this cache's L1 entries live under keys of their own.
 * <p>
 * With {@link CacheFreshness} set on this cache, entries live in Redis {@code max-stale} past their TTL (their
 * freshness read back from {@code PTTL}); L1 never holds an expired entry, and an L1 entry carries when refresh-ahead
 * is due for it.
 */
final class TieredZenooCache extends AbstractZenooCache {

	private final MemoryZenooCache l1;

	private final RedisZenooCache l2;

	private final InvalidationChannel invalidations;

	private final Disposable connectionWatch;

	TieredZenooCache(String name, MemoryZenooCache l1, RedisZenooCache l2, String sourceId) {
		super(name);
		this.l1 = l1;
		this.l2 = l2;
		this.invalidations = new InvalidationChannel(l2.connectionFactory(), l2.spec().namespace(), name, sourceId,
				statistics(), (redisKey) -> evictFromL1(l1, l2, name, redisKey), this::clearL1);
		l2.onRecovery(this::clearL1);
		this.connectionWatch = ConnectionEvents.onConnectionLost(l2.connectionFactory(), this::clearL1);
	}

	/**
	 * This cache's L1 keys: distinct from any key a direct user of the memory cache could use. They hold the caller's
	 * key object itself, so that an L1 hit costs its (precomputed) hash and equality only; the Redis key text is built
	 * on the way to L2, for writes, and for invalidations.
	 */
	record L1Key(String tieredCache, Object key) implements CacheKeyText {

		@Override
		public String cacheKeyText() {
			return (this.key instanceof CacheKeyText text) ? text.cacheKeyText() : String.valueOf(this.key);
		}

		@Override
		public @Nullable String model() {
			return (this.key instanceof CacheKeyText text) ? text.model() : null;
		}

	}

	private L1Key l1Key(Object key) {
		return new L1Key(getName(), key);
	}

	/**
	 * Drops the L1 entry another instance changed. Messages carry the Redis key text; the L1 keys whose text it is
	 * are found by a pass over this cache's L1 entries (their texts were built, and kept, when they were filled).
	 */
	private static void evictFromL1(MemoryZenooCache l1, RedisZenooCache l2, String name, String redisKey) {
		String prefix = l2.spec().keyPrefix();
		if (!redisKey.startsWith(prefix)) {
			return;
		}
		String text = redisKey.substring(prefix.length());
		l1.removeIf((key) -> key instanceof L1Key l1Key && l1Key.tieredCache().equals(name)
				&& l1Key.cacheKeyText().equals(text));
	}

	void clearL1() {
		String name = getName();
		this.l1.removeIf((key) -> key instanceof L1Key l1Key && l1Key.tieredCache().equals(name));
	}

	Mono<Void> subscribed() {
		return this.invalidations.subscribed();
	}

	MemoryZenooCache l1() {
		return this.l1;
	}

	RedisZenooCache l2() {
		return this.l2;
	}

	@Override
	public CacheType type() {
		return CacheType.TIERED;
	}

	@Override
	public Duration defaultTtl() {
		return this.l2.defaultTtl();
	}

	@Override
	public Object getNativeCache() {
		return this;
	}

	@Override
	Duration syncTimeout() {
		return this.l2.syncTimeout();
	}

	/** L1 keeps an entry no longer than its own default TTL nor than the entry has left in L2. */
	private Duration l1Ttl(Duration remainingInL2) {
		Duration l1Default = this.l1.defaultTtl();
		if (remainingInL2.isZero()) {
			return l1Default;
		}
		if (l1Default.isZero()) {
			return remainingInL2;
		}
		return (remainingInL2.compareTo(l1Default) < 0) ? remainingInL2 : l1Default;
	}

	/**
	 * How long an entry read from L2 stays fresh: what it has left in L2 less what this cache keeps it past its TTL
	 * for stale-if-error ({@link Duration#ZERO}: no expiry; negative or zero for an expired entry kept for
	 * stale-if-error, which is never {@link Duration#ZERO} since such an entry has an expiry).
	 */
	private Duration freshIn(RedisZenooCache.Timed<?> timed) {
		if (timed.remaining().isZero()) {
			return Duration.ZERO;
		}
		Duration fresh = timed.remaining().minus(freshness().maxStale());
		return (fresh.isZero()) ? Duration.ofNanos(-1) : fresh;
	}

	@Override
	public <T> Mono<T> find(Object key, Type type) {
		L1Key l1Key = l1Key(key);
		return Mono.defer(() -> {
			long start = statistics().start();
			return this.l1.<T>find(l1Key, type).switchIfEmpty(Mono.defer(() -> {
				long readAt = this.l1.now();
				return this.l2.<T>findWithTtl(key, type).<T>handle((timed, sink) -> {
					Duration fresh = freshIn(timed);
					if (fresh.isNegative()) {
						return;
					}
					this.l1.storeNow(l1Key, MemoryZenooCache.Stored.of(timed.value(), l1Ttl(fresh)).loadedAt(readAt));
					sink.next(timed.value());
				});
			}))
				.doOnNext((value) -> statistics().hit(key, start))
				.switchIfEmpty(Mono.fromRunnable(() -> statistics().miss(key, start)));
		});
	}

	@Override
	public Mono<Void> store(Object key, @Nullable Object value, @Nullable Duration ttl) {
		L1Key l1Key = l1Key(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.l2.defaultTtl());
		if (value == null) {
			return remove(key).then();
		}
		return Mono.defer(() -> {
			// L1's copy lives no longer than the Redis entry: its TTL counts from before the write
			long writtenAt = this.l1.now();
			return this.l2.storeKeeping(key, value, effective, freshness().maxStale())
				.then(Mono.fromRunnable(() -> {
					this.l1.storeNow(l1Key, l1Entry(value, effective, effective, freshness()).loadedAt(writtenAt));
					statistics().put();
				}));
		}).then(this.invalidations.publishKey(this.l2.redisKey(key)));
	}

	@Override
	public <T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl) {
		L1Key l1Key = l1Key(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.l2.defaultTtl());
		return Mono.deferContextual((context) -> {
			long start = statistics().start();
			MemoryZenooCache.Stored inL1 = this.l1.peekFresh(l1Key);
			if (inL1 != null) {
				// the hot path: an L1 hit costs what a memory-cache hit costs
				statistics().hit(key, start);
				if (this.l1.refreshDue(inL1)) {
					refreshInBackground(key, () -> this.l1.peekQuietly(l1Key) == inL1, loader, effective, context);
				}
				@SuppressWarnings("unchecked")
				T value = (T) inL1.value();
				return Mono.just(value);
			}
			long loadStart = statistics().loadStart(start);
			AtomicBoolean loaded = new AtomicBoolean();
			CacheFreshness freshness = freshness();
			return this.l1.lookupStored(l1Key, () -> fromL2OrLoad(key, type, loader, effective, freshness, loaded))
				.map((stored) -> {
					if (stored.stale()) {
						statistics().miss(key, start);
						statistics().servedStale();
					}
					else if (loaded.get()) {
						statistics().miss(key, start);
						statistics().put();
						statistics().missCompleted(loadStart);
					}
					else {
						statistics().hit(key, start);
					}
					@SuppressWarnings("unchecked")
					T value = (T) stored.value();
					return value;
				});
		});
	}

	/**
	 * The L1 entry of a key L1 does not hold: from L2 when fresh there, else loaded (and stored in L2, published);
	 * when that load fails with a transport failure and L2 still keeps the expired entry, that entry, marked stale.
	 * L1's copy lives no longer than the Redis entry: its TTL counts from before the read or the write.
	 */
	private <T> Mono<MemoryZenooCache.Stored> fromL2OrLoad(Object key, Type type, Supplier<Mono<T>> loader,
			Duration ttl, CacheFreshness freshness, AtomicBoolean loaded) {
		return Mono.defer(() -> {
			long readAt = this.l1.now();
			return this.l2.<T>findWithTtl(key, type)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((found) -> {
					if (found.isPresent()) {
						Duration fresh = freshIn(found.get());
						if (!fresh.isNegative()) {
							return Mono.just(l1Entry(found.get().value(), fresh, ttl, freshness).loadedAt(readAt));
						}
					}
					loaded.set(true);
					Mono<MemoryZenooCache.Stored> load = Mono.defer(loader).flatMap((value) -> {
						long writtenAt = this.l1.now();
						return this.l2.storeKeeping(key, value, ttl, freshness.maxStale())
							.then(this.invalidations.publishKey(this.l2.redisKey(key)))
							.thenReturn(l1Entry(value, ttl, ttl, freshness).loadedAt(writtenAt));
					});
					if (found.isEmpty()) {
						return load;
					}
					Object expired = found.get().value();
					return load.onErrorResume(StaleIfError::allows,
							(ex) -> Mono.just(MemoryZenooCache.Stored.staleValue(expired)));
				});
		});
	}

	/**
	 * The L1 entry of a value fresh for {@code fresh} more ({@link Duration#ZERO}: no expiry) whose TTL is
	 * {@code ttl}: kept in L1 no longer than it is fresh, and due for refresh-ahead when what it has left falls to
	 * {@code 1 - refresh-ahead} of its TTL.
	 */
	private MemoryZenooCache.Stored l1Entry(Object value, Duration fresh, Duration ttl, CacheFreshness freshness) {
		MemoryZenooCache.Stored stored = MemoryZenooCache.Stored.of(value, l1Ttl(fresh));
		if (!freshness.refreshesAhead() || fresh.isZero() || ttl.isZero()) {
			return stored;
		}
		long refreshWhenLeft = (long) (ttl.toNanos() * (1 - freshness.refreshAhead()));
		return stored.refreshAfter(Math.max(0, fresh.toNanos() - refreshWhenLeft));
	}

	/** Load the value again and store it in both levels (publishing it), once per key at a time. */
	private <T> void refreshInBackground(Object key, BooleanSupplier hitStillInL1, Supplier<Mono<T>> loader,
			Duration ttl, ContextView context) {
		refreshAhead().startIfCurrent(this.l2.redisKey(key), hitStillInL1,
				Mono.defer(loader).flatMap((value) -> store(key, value, ttl)), context);
	}

	@Override
	public Mono<Boolean> remove(Object key) {
		L1Key l1Key = l1Key(key);
		return Mono.zip(this.l1.remove(l1Key), this.l2.remove(key), (inL1, inL2) -> inL1 || inL2)
			.flatMap((removed) -> this.invalidations.publishKey(this.l2.redisKey(key)).thenReturn(removed));
	}

	@Override
	public Mono<Void> removeAll() {
		return Mono.fromRunnable(this::clearL1).then(this.l2.removeAll()).then(this.invalidations.publishAll());
	}

	/** L2's entries and bytes: L1 holds a subset of them. */
	@Override
	Mono<Footprint> footprint() {
		return this.l2.footprint();
	}

	/**
	 * Remove the matching entries from Redis and all of this cache's L1 entries, here and (through the channel) in
	 * other instances: L1 keys carry no model, and dropping more of L1 than needed is only a few extra Redis reads.
	 */
	@Override
	Mono<Long> removeMatching(KeyFilter filter) {
		return Mono.fromRunnable(this::clearL1)
			.then(this.l2.removeMatching(filter))
			.flatMap((removed) -> this.invalidations.publishAll().thenReturn(removed));
	}

	void close() {
		this.connectionWatch.dispose();
		this.invalidations.close();
	}

}
