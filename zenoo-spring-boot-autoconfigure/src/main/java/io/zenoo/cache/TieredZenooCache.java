package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A memory cache (L1) in front of a Redis cache (L2). Reads try L1, then L2 (filling L1 back with a TTL of the
 * smaller of L1's default TTL and what the entry has left in L2), then the loader. Writes and removes reach both tiers
 * and are published on the {@code <namespace>:invalidations} channel so that other instances evict their L1 copy. L1
 * is cleared whenever the invalidation subscription is lost or Redis recovers from an outage, since invalidations may
 * have been missed meanwhile.
 * <p>
 * The L1 memory cache may be shared with direct users: this cache's L1 entries live under keys of their own.
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

	@Override
	public <T> Mono<T> find(Object key, Type type) {
		L1Key l1Key = l1Key(key);
		return Mono.defer(() -> {
			long start = statistics().start();
			return this.l1.<T>find(l1Key, type)
				.switchIfEmpty(Mono.defer(() -> this.l2.<T>findWithTtl(key, type).map((timed) -> {
					this.l1.storeNow(l1Key, timed.value(), l1Ttl(timed.remaining()));
					return timed.value();
				})))
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
		return this.l2.store(key, value, effective)
			.then(Mono.fromRunnable(() -> {
				this.l1.storeNow(l1Key, value, l1Ttl(effective));
				statistics().put();
			}))
			.then(this.invalidations.publishKey(this.l2.redisKey(key)));
	}

	@Override
	public <T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl) {
		L1Key l1Key = l1Key(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.l2.defaultTtl());
		return Mono.defer(() -> {
			long start = statistics().start();
			Object inL1 = this.l1.peekFresh(l1Key);
			if (inL1 != null) {
				// the hot path: an L1 hit costs what a memory-cache hit costs
				statistics().hit(key, start);
				@SuppressWarnings("unchecked")
				T value = (T) inL1;
				return Mono.just(value);
			}
			long loadStart = statistics().loadStart(start);
			AtomicBoolean loaded = new AtomicBoolean();
			return this.l1.<T>findOrLoadStored(l1Key, () -> this.l2.<T>findWithTtl(key, type)
				.map((timed) -> MemoryZenooCache.Stored.of(timed.value(), l1Ttl(timed.remaining())))
				.switchIfEmpty(Mono.defer(() -> {
					loaded.set(true);
					return Mono.defer(loader)
						.flatMap((value) -> this.l2.store(key, value, effective)
							.then(this.invalidations.publishKey(this.l2.redisKey(key)))
							.thenReturn(MemoryZenooCache.Stored.of(value, l1Ttl(effective))));
				}))).doOnNext((value) -> {
					if (loaded.get()) {
						statistics().miss(key, start);
						statistics().put();
						statistics().missCompleted(loadStart);
					}
					else {
						statistics().hit(key, start);
					}
				});
		});
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
