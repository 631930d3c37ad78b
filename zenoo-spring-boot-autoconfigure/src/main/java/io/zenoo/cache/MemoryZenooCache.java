package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * A memory cache on a Caffeine {@link AsyncCache}.
 * <p>
 * Size: at most {@code max-size} entries; beyond that Caffeine evicts by Window TinyLFU whatever the strategy (there
 * is no pure LRU or LFU in Caffeine). Time: every entry carries its own TTL (the cache's default when stored without
 * one; {@link Duration#ZERO} never expires). With {@link CacheStrategy#LRU} a read restarts the entry's TTL (idle
 * expiry); with {@link CacheStrategy#TTL} and {@link CacheStrategy#LFU} it does not (expiry after write).
 * <p>
 * Single flight comes from the {@code AsyncCache}: concurrent misses of one key share one loading future. The
 * instances stored are the instances handed out: store only immutable values.
 * <p>
 * With {@link CacheFreshness} set, entries are kept {@code max-stale} past their TTL (Caffeine's variable expiry) and
 * carry when refresh-ahead is due for them; neither costs a hit anything when off.
 * <p>
 * With {@link MemoryStorage#COMPACT} storage, values loaded through {@link #findOrLoad} are kept as Smile bytes
 * ({@link CompactValue}), decoded on their first hit and kept decoded while among the {@code decoded-entries} decoded
 * entries ({@link DecodedSet}); the caller that loaded a value gets the loaded instance itself.
 * Values stored without a type stay objects.
 */
final class MemoryZenooCache extends AbstractZenooCache {

	/**
	 * An entry with its own lifetime, in nanoseconds ({@link Long#MAX_VALUE}: never expires), counted from
	 * {@code loadedAt} (ticker time) when known: a loaded value's TTL starts when it was loaded, not when Caffeine
	 * gets round to handling the completed future, which may be later and on another thread. {@code refreshAfter}:
	 * how long after {@code loadedAt} a hit refreshes the entry in the background ({@link #NEVER}: never).
	 * {@code stale}: an expired value served because loading it again failed, handed to the callers waiting for that
	 * load but never kept. {@code value} holds either the value itself or, in a compact cache, its
	 * {@link CompactValue}: {@link #value()} always returns the value (decoding it if needed), {@link #held()} what is
	 * held.
	 */
	record Stored(Object value, long ttlNanos, long loadedAt, long refreshAfter, boolean stale) {

		/**
		 * The value, decoded first if it is held compact and not decoded now.
		 * @throws IllegalStateException if a compact value cannot be decoded (counted as a decode failure)
		 */
		@Override
		public Object value() {
			Object held = this.value;
			return (held instanceof CompactValue compact) ? compact.get() : held;
		}

		/** What the entry holds: the value, or its {@link CompactValue}. */
		Object held() {
			return this.value;
		}

		/** Drop the decoded form of a compact value for good (the entry left the cache). */
		void dropDecoded() {
			if (this.value instanceof CompactValue compact) {
				compact.drop();
			}
		}

		static final long UNKNOWN = Long.MIN_VALUE;

		static final long NEVER = Long.MAX_VALUE;

		static Stored of(Object value, Duration ttl) {
			return new Stored(value, ttl.isZero() ? Long.MAX_VALUE : saturatedNanos(ttl), UNKNOWN, NEVER, false);
		}

		/** An expired value handed out once because loading it again failed. */
		static Stored staleValue(Object value) {
			return new Stored(value, 0, UNKNOWN, NEVER, true);
		}

		Stored loadedAt(long time) {
			return new Stored(this.value, this.ttlNanos, time, this.refreshAfter, this.stale);
		}

		Stored refreshAfter(long nanos) {
			return new Stored(this.value, this.ttlNanos, this.loadedAt, nanos, this.stale);
		}

		/**
		 * Stamp the load time and when refresh-ahead is due, unless set already (a cache layered on this one sets
		 * the load time to when it read or wrote its own level, so that this entry never outlives that one).
		 */
		Stored stamp(long time, CacheFreshness freshness) {
			long refresh = (this.refreshAfter != NEVER) ? this.refreshAfter : freshness.refreshAfterNanos(this.ttlNanos);
			long loaded = (this.loadedAt != UNKNOWN) ? this.loadedAt : time;
			return new Stored(this.value, this.ttlNanos, loaded, refresh, this.stale);
		}

		long remainingAt(long currentTime) {
			return physicalRemainingAt(currentTime, 0);
		}

		/** How long the entry is kept from now: its TTL plus {@code keepNanos} (stale-if-error), from its load time. */
		long physicalRemainingAt(long currentTime, long keepNanos) {
			if (this.stale) {
				return 0;
			}
			if (this.ttlNanos == Long.MAX_VALUE) {
				return Long.MAX_VALUE;
			}
			long lifetime = saturatedAdd(this.ttlNanos, keepNanos);
			if (this.loadedAt == UNKNOWN) {
				return lifetime;
			}
			long elapsed = currentTime - this.loadedAt;
			return (elapsed <= 0) ? lifetime : Math.max(0, lifetime - elapsed);
		}

		/** Whether an expired entry is still within {@code keepNanos} past its TTL. */
		boolean usableStaleAt(long currentTime, long keepNanos) {
			return keepNanos > 0 && this.loadedAt != UNKNOWN && physicalRemainingAt(currentTime, keepNanos) > 0;
		}

		boolean refreshDueAt(long currentTime) {
			return this.refreshAfter != NEVER && this.loadedAt != UNKNOWN && currentTime - this.loadedAt >= this.refreshAfter;
		}

		private static long saturatedAdd(long a, long b) {
			long sum = a + b;
			return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
		}

		private static long saturatedNanos(Duration ttl) {
			try {
				return ttl.toNanos();
			}
			catch (ArithmeticException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

	private final MemoryCacheSpec spec;

	private final AsyncCache<Object, Stored> cache;

	private final Ticker ticker;

	/** Loads of expired entries kept for stale-if-error: one per key, each caller falling back on its own copy. */
	private final SingleFlight reloads = new SingleFlight();

	private volatile long keepStaleNanos;

	/** The compaction of a {@link MemoryStorage#COMPACT} cache, {@code null} with {@link MemoryStorage#OBJECTS}. */
	private final @Nullable DecodedSet decodedSet;

	MemoryZenooCache(MemoryCacheSpec spec) {
		this(spec, Ticker.systemTicker(), null);
	}

	MemoryZenooCache(MemoryCacheSpec spec, Ticker ticker, @Nullable Executor executor) {
		super(spec.name());
		this.spec = spec;
		this.ticker = ticker;
		Caffeine<Object, Object> builder = Caffeine.newBuilder()
			.maximumSize(spec.maxSize())
			.ticker(ticker)
			.recordStats();
		if (executor != null) {
			builder.executor(executor);
		}
		this.decodedSet = (spec.storage() == MemoryStorage.COMPACT)
				? new DecodedSet(spec.decodedEntries(), statistics()) : null;
		if (this.decodedSet != null) {
			// removed, replaced, cleared, expired or evicted: its decoded form goes (asynchronously, on the executor)
			builder.removalListener((key, value, cause) -> {
				if (value instanceof Stored stored) {
					stored.dropDecoded();
				}
			});
		}
		this.cache = builder.expireAfter(new EntryExpiry(spec.strategy() == CacheStrategy.LRU, () -> this.keepStaleNanos))
			.evictionListener((key, value, cause) -> {
				if (cause.wasEvicted()) {
					statistics().evicted();
				}
				if (value != null) {
					value.dropDecoded();
				}
			})
			.buildAsync();
	}

	@Override
	public CacheType type() {
		return CacheType.MEMORY;
	}

	@Override
	public Duration defaultTtl() {
		return this.spec.defaultTtl();
	}

	MemoryCacheSpec spec() {
		return this.spec;
	}

	@Override
	public Object getNativeCache() {
		return this.cache;
	}

	@Override
	Duration syncTimeout() {
		return Duration.ofSeconds(30);
	}

	@Override
	public <T> Mono<T> find(Object key, Type type) {
		CacheSpecChecks.requireKey(key);
		Class<?> required = ClassUtils.resolvePrimitiveIfNecessary(ResolvableType.forType(type).toClass());
		return Mono.defer(() -> {
			long start = statistics().start();
			CompletableFuture<Stored> future = this.cache.getIfPresent(key);
			if (future != null && isExpired(future)) {
				if (this.keepStaleNanos == 0) {
					this.cache.asMap().remove(key, future);
				}
				future = null;
			}
			if (future == null) {
				statistics().miss(key, start);
				return Mono.empty();
			}
			CompletableFuture<Stored> found = future;
			return Mono.fromFuture(future, true).onErrorResume((ex) -> Mono.empty()).<T>flatMap((stored) -> {
				Object held;
				try {
					held = stored.value();
				}
				catch (IllegalStateException ex) {
					// compact bytes that do not decode (counted): the entry is useless
					this.cache.asMap().remove(key, found);
					return Mono.empty();
				}
				if (!required.isInstance(held)) {
					statistics().decodeFailure();
					return Mono.empty();
				}
				statistics().hit(key, start);
				@SuppressWarnings("unchecked")
				T value = (T) held;
				return Mono.just(value);
			}).switchIfEmpty(Mono.fromRunnable(() -> statistics().miss(key, start)));
		});
	}

	@Override
	public Mono<Void> store(Object key, @Nullable Object value, @Nullable Duration ttl) {
		CacheSpecChecks.requireKey(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.spec.defaultTtl());
		return Mono.fromRunnable(() -> storeNow(key, value, effective));
	}

	void storeNow(Object key, @Nullable Object value, Duration ttl) {
		if (value == null) {
			this.cache.synchronous().invalidate(key);
			return;
		}
		storeNow(key, Stored.of(value, ttl));
	}

	/** Store an entry made by a cache layered on this one. */
	void storeNow(Object key, Stored stored) {
		this.cache.put(key, CompletableFuture.completedFuture(stored.stamp(this.ticker.read(), freshness())));
		statistics().put();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl) {
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.spec.defaultTtl());
		DecodedSet compaction = this.decodedSet;
		if (compaction == null) {
			return findOrLoadStored(key, () -> Mono.defer(loader).map((value) -> Stored.of(value, effective)));
		}
		// the caller whose loader ran gets the loaded instance itself, not a decoded copy of what was kept
		AtomicReference<@Nullable Object> loadedHere = new AtomicReference<>();
		return (Mono<T>) lookup(key, () -> Mono.defer(loader).map((value) -> {
			loadedHere.set(value);
			CompactValue compact = compaction.compact(value, type);
			return Stored.of((compact != null) ? compact : value, effective);
		}), true, loadedHere);
	}

	/** Single-flight lookup whose loader also decides the TTL of what it loads. */
	@SuppressWarnings("unchecked")
	<T> Mono<T> findOrLoadStored(Object key, Supplier<Mono<Stored>> loader) {
		return (Mono<T>) lookup(key, loader, true, null);
	}

	/**
	 * {@link #findOrLoadStored} handing out the entry itself, for a cache layered on this one: an entry marked
	 * {@link Stored#stale()} is an expired value served because loading failed, which the caller counts.
	 */
	@SuppressWarnings("unchecked")
	Mono<Stored> lookupStored(Object key, Supplier<Mono<Stored>> loader) {
		return (Mono<Stored>) (Mono<?>) lookup(key, loader, false, null);
	}

	/**
	 * The lookup; {@code unwrap}: return the value (counting a stale one) rather than the entry. {@code loadedHere}:
	 * where this caller's loader puts the instance it loaded, returned instead of the entry's (compact) value.
	 */
	private Mono<Object> lookup(Object key, Supplier<Mono<Stored>> loader, boolean unwrap,
			@Nullable AtomicReference<@Nullable Object> loadedHere) {
		CacheSpecChecks.requireKey(key);
		return Mono.deferContextual((context) -> {
			long start = statistics().start();
			CompletableFuture<Stored> previous = this.cache.getIfPresent(key);
			if (previous != null && previous.isDone()) {
				boolean fresh = isFresh(previous);
				if (fresh) {
					// the hot path: one lookup, no loader, no future plumbing
					Stored stored = previous.join();
					Object value = unwrap ? decodedOrNull(stored) : stored;
					if (value != null) {
						statistics().hit(key, start);
						if (stored.refreshAfter() != Stored.NEVER && stored.refreshDueAt(this.ticker.read())) {
							refreshInBackground(key, previous, loader, context);
						}
						return Mono.just(value);
					}
					// compact bytes that do not decode (counted as a decode failure): a miss, loaded again below
				}
				long keep = this.keepStaleNanos;
				if (!fresh && keep > 0 && !previous.isCompletedExceptionally()
						&& previous.join().usableStaleAt(this.ticker.read(), keep)) {
					return reloadStale(key, previous, loader, start)
						.map((stored) -> unwrap(stored, unwrap, loadedHere));
				}
				this.cache.asMap().remove(key, previous);
			}
			long loadStart = statistics().loadStart(start);
			AtomicBoolean ranLoader = new AtomicBoolean();
			CompletableFuture<Stored> future = this.cache.get(key, (k, executor) -> {
				ranLoader.set(true);
				return Mono.defer(loader).map((stored) -> stored.stamp(this.ticker.read(), freshness())).toFuture();
			});
			boolean loaded = ranLoader.get();
			if (loaded) {
				statistics().miss(key, start);
			}
			else {
				statistics().hit(key, start);
			}
			// Caffeine drops a failed future from a completion callback that may run after ours: drop it first so
			// that a caller arriving right after the failure loads again instead of seeing the old error.
			return Mono.fromFuture(future, true).doOnError((ex) -> this.cache.asMap().remove(key, future)).map((stored) -> {
				if (loaded && !stored.stale()) {
					statistics().put();
					statistics().missCompleted(loadStart);
				}
				return unwrap(stored, unwrap, loadedHere);
			});
		});
	}

	/** The entry's value, or {@code null} when it is held compact and does not decode (counted by the decoder). */
	private static @Nullable Object decodedOrNull(Stored stored) {
		try {
			return stored.value();
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private Object unwrap(Stored stored, boolean unwrap, @Nullable AtomicReference<@Nullable Object> loadedHere) {
		if (!unwrap) {
			return stored;
		}
		if (stored.stale()) {
			statistics().servedStale();
		}
		Object mine = (loadedHere != null && !stored.stale()) ? loadedHere.get() : null;
		return (mine != null) ? mine : stored.value();
	}

	/**
	 * Load an expired entry kept for stale-if-error again (one load per key, the expired entry staying in place
	 * meanwhile); when the load fails with a transport failure, hand out the expired value instead.
	 */
	private Mono<Stored> reloadStale(Object key, CompletableFuture<Stored> previous, Supplier<Mono<Stored>> loader,
			long start) {
		statistics().miss(key, start);
		long loadStart = statistics().loadStart(start);
		Stored expired = previous.join();
		return this.reloads.<Stored>run(key, () -> Mono.defer(loader).map((stored) -> {
			Stored stamped = stored.stamp(this.ticker.read(), freshness());
			// only over the expired entry: an entry removed meanwhile (invalidated) must not come back
			if (!stamped.stale() && this.cache.asMap().replace(key, previous, CompletableFuture.completedFuture(stamped))) {
				statistics().put();
			}
			return stamped;
		})).doOnNext((stored) -> statistics().missCompleted(loadStart))
			.onErrorResume(StaleIfError::allows, (ex) -> Mono.just(Stored.staleValue(expired.value())));
	}

	/** Load the entry again in the background and put it in place of the one that was hit, unless that is gone. */
	private void refreshInBackground(Object key, CompletableFuture<Stored> hit, Supplier<Mono<Stored>> loader,
			ContextView context) {
		refreshAhead().startIfCurrent(key, () -> this.cache.asMap().get(key) == hit, Mono.defer(loader).doOnNext((stored) -> {
			Stored stamped = stored.stamp(this.ticker.read(), freshness());
			if (!stamped.stale() && this.cache.asMap().replace(key, hit, CompletableFuture.completedFuture(stamped))) {
				statistics().put();
			}
		}), context);
	}

	@Override
	void freshness(CacheFreshness freshness) {
		if (freshness.isOn() && this.spec.strategy() == CacheStrategy.LRU) {
			String setting = freshness.staleIfError() ? "max-stale" : "refresh-ahead";
			throw new InvalidCacheSpecException(setting, "is set but the cache's strategy is lru (expiry restarts on every read)",
					"Use strategy ttl or lfu, or remove " + setting + ".");
		}
		super.freshness(freshness);
		this.keepStaleNanos = freshness.maxStaleNanos();
	}

	@Override
	public Mono<Boolean> remove(Object key) {
		CacheSpecChecks.requireKey(key);
		return Mono.fromSupplier(() -> dropped(this.cache.asMap().remove(key)));
	}

	/**
	 * Whether an entry was removed, dropping its decoded form at once (the removal listener, which does it too, runs
	 * later on the executor).
	 */
	private static boolean dropped(@Nullable CompletableFuture<Stored> removed) {
		if (removed == null) {
			return false;
		}
		if (removed.isDone() && !removed.isCompletedExceptionally()) {
			removed.join().dropDecoded();
		}
		return true;
	}

	/** Remove every key matching the predicate (used by tiered caches for their own keys). */
	void removeIf(Predicate<Object> keyPredicate) {
		this.cache.asMap().keySet().removeIf(keyPredicate);
	}

	@Override
	public Mono<Void> removeAll() {
		return Mono.fromRunnable(() -> this.cache.synchronous().invalidateAll());
	}

	/** Entries estimated from a sample of at most this many. */
	private static final int FOOTPRINT_SAMPLE = 64;

	@Override
	Mono<Footprint> footprint() {
		return Mono.fromSupplier(() -> {
			long sampled = 0;
			int count = 0;
			for (var entry : this.cache.asMap().entrySet()) {
				if (count == FOOTPRINT_SAMPLE) {
					break;
				}
				CompletableFuture<Stored> future = entry.getValue();
				if (future.isDone() && !future.isCompletedExceptionally()) {
					long bytes = HeapEstimator.entryBytes(entry.getKey(), future.join().held());
					if (bytes >= 0) {
						sampled += bytes;
						count++;
					}
				}
			}
			return Footprint.sampled(estimatedSize(), sampled, count);
		});
	}

	@Override
	Mono<Long> removeMatching(KeyFilter filter) {
		return Mono.fromSupplier(() -> {
			long removed = 0;
			for (Object key : this.cache.asMap().keySet()) {
				if (filter.matches(key) && dropped(this.cache.asMap().remove(key))) {
					removed++;
				}
			}
			return removed;
		});
	}

	long estimatedSize() {
		return this.cache.synchronous().estimatedSize();
	}

	/**
	 * The completed, unexpired entry, counted as a hit; {@code null} (and nothing counted) otherwise.
	 * The synchronous hot path of caches layered on this one.
	 */
	@Nullable Stored peekFresh(Object key) {
		long start = statistics().start();
		CompletableFuture<Stored> entry = this.cache.getIfPresent(key);
		if (entry != null && entry.isDone() && isFresh(entry)) {
			statistics().hit(key, start);
			return entry.join();
		}
		return null;
	}

	/** The completed entry under the key, if any, without counting a lookup (for identity checks). */
	@Nullable Stored peekQuietly(Object key) {
		CompletableFuture<Stored> entry = this.cache.asMap().get(key);
		return (entry != null && entry.isDone() && !entry.isCompletedExceptionally()) ? entry.join() : null;
	}

	/** Whether a hit on the entry should refresh it (see {@link Stored#refreshAfter()}). */
	boolean refreshDue(Stored stored) {
		return stored.refreshAfter() != Stored.NEVER && stored.refreshDueAt(this.ticker.read());
	}

	/** The ticker time. */
	long now() {
		return this.ticker.read();
	}

	private boolean isFresh(CompletableFuture<Stored> done) {
		return !done.isCompletedExceptionally() && !isExpired(done);
	}

	/**
	 * Whether a loaded entry's own deadline has passed. Caffeine sets a loaded entry's expiry in a completion
	 * callback that can run after callers already got the value (on another thread); until then the entry would look
	 * fresh forever, so reads check the deadline themselves. Idle expiry ({@code lru}) is left to Caffeine.
	 */
	private boolean isExpired(CompletableFuture<Stored> future) {
		if (!future.isDone() || future.isCompletedExceptionally()) {
			return false;
		}
		Stored stored = future.join();
		if (stored.stale()) {
			return true;
		}
		return this.spec.strategy() != CacheStrategy.LRU && stored.remainingAt(this.ticker.read()) == 0;
	}

	/** The compaction of a compact cache; {@code null} for {@link MemoryStorage#OBJECTS}. */
	@Nullable DecodedSet decodedSet() {
		return this.decodedSet;
	}

	void cleanUp() {
		this.cache.synchronous().cleanUp();
	}

	/**
	 * Each entry expires after its own TTL (plus max-stale with stale-if-error, the entry then being served only as a
	 * fallback); with idle expiry a read restarts it.
	 */
	private record EntryExpiry(boolean restartOnRead, LongSupplier keepStale) implements Expiry<Object, Stored> {

		@Override
		public long expireAfterCreate(Object key, Stored value, long currentTime) {
			return value.physicalRemainingAt(currentTime, this.keepStale.getAsLong());
		}

		@Override
		public long expireAfterUpdate(Object key, Stored value, long currentTime, long currentDuration) {
			return value.physicalRemainingAt(currentTime, this.keepStale.getAsLong());
		}

		@Override
		public long expireAfterRead(Object key, Stored value, long currentTime, long currentDuration) {
			return this.restartOnRead ? value.ttlNanos() : currentDuration;
		}

	}

}
