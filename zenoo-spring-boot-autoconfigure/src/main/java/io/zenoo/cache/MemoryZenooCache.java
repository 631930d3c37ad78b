package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

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
 */
final class MemoryZenooCache extends AbstractZenooCache {

	/**
	 * An entry with its own lifetime, in nanoseconds ({@link Long#MAX_VALUE}: never expires), counted from
	 * {@code loadedAt} (ticker time) when known: a loaded value's TTL starts when it was loaded, not when Caffeine
	 * gets round to handling the completed future, which may be later and on another thread.
	 */
	record Stored(Object value, long ttlNanos, long loadedAt) {

		static final long UNKNOWN = Long.MIN_VALUE;

		static Stored of(Object value, Duration ttl) {
			return new Stored(value, ttl.isZero() ? Long.MAX_VALUE : saturatedNanos(ttl), UNKNOWN);
		}

		Stored loadedAt(long time) {
			return new Stored(this.value, this.ttlNanos, time);
		}

		long remainingAt(long currentTime) {
			if (this.ttlNanos == Long.MAX_VALUE || this.loadedAt == UNKNOWN) {
				return this.ttlNanos;
			}
			long elapsed = currentTime - this.loadedAt;
			return (elapsed <= 0) ? this.ttlNanos : Math.max(0, this.ttlNanos - elapsed);
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
		this.cache = builder.expireAfter(new EntryExpiry(spec.strategy() == CacheStrategy.LRU))
			.evictionListener((key, value, cause) -> {
				if (cause.wasEvicted()) {
					statistics().evicted();
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
				this.cache.asMap().remove(key, future);
				future = null;
			}
			if (future == null) {
				statistics().miss(key, start);
				return Mono.empty();
			}
			return Mono.fromFuture(future, true).onErrorResume((ex) -> Mono.empty()).<T>flatMap((stored) -> {
				if (!required.isInstance(stored.value())) {
					statistics().decodeFailure();
					return Mono.empty();
				}
				statistics().hit(key, start);
				@SuppressWarnings("unchecked")
				T value = (T) stored.value();
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
		this.cache.put(key, CompletableFuture.completedFuture(Stored.of(value, ttl)));
		statistics().put();
	}

	@Override
	public <T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl) {
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.spec.defaultTtl());
		return findOrLoadStored(key, () -> Mono.defer(loader).map((value) -> Stored.of(value, effective)));
	}

	/** Single-flight lookup whose loader also decides the TTL of what it loads. */
	<T> Mono<T> findOrLoadStored(Object key, Supplier<Mono<Stored>> loader) {
		CacheSpecChecks.requireKey(key);
		return Mono.defer(() -> {
			long start = statistics().start();
			CompletableFuture<Stored> previous = this.cache.getIfPresent(key);
			if (previous != null && previous.isDone()) {
				if (isFresh(previous)) {
					// the hot path: one lookup, no loader, no future plumbing
					statistics().hit(key, start);
					@SuppressWarnings("unchecked")
					T value = (T) previous.join().value();
					return Mono.just(value);
				}
				this.cache.asMap().remove(key, previous);
			}
			long loadStart = statistics().loadStart(start);
			AtomicBoolean loadedHere = new AtomicBoolean();
			CompletableFuture<Stored> future = this.cache.get(key, (k, executor) -> {
				loadedHere.set(true);
				return Mono.defer(loader).map((stored) -> stored.loadedAt(this.ticker.read())).toFuture();
			});
			boolean loaded = loadedHere.get();
			if (loaded) {
				statistics().miss(key, start);
			}
			else {
				statistics().hit(key, start);
			}
			// Caffeine drops a failed future from a completion callback that may run after ours: drop it first so
			// that a caller arriving right after the failure loads again instead of seeing the old error.
			return Mono.fromFuture(future, true).doOnError((ex) -> this.cache.asMap().remove(key, future)).map((stored) -> {
				if (loaded) {
					statistics().put();
					statistics().missCompleted(loadStart);
				}
				@SuppressWarnings("unchecked")
				T value = (T) stored.value();
				return value;
			});
		});
	}

	@Override
	public Mono<Boolean> remove(Object key) {
		CacheSpecChecks.requireKey(key);
		return Mono.fromSupplier(() -> this.cache.asMap().remove(key) != null);
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
					long bytes = HeapEstimator.entryBytes(entry.getKey(), future.join().value());
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
				if (filter.matches(key) && this.cache.asMap().remove(key) != null) {
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
	 * The value of a completed, unexpired entry, counted as a hit; {@code null} (and nothing counted) otherwise.
	 * The synchronous hot path of caches layered on this one.
	 */
	@Nullable Object peekFresh(Object key) {
		long start = statistics().start();
		CompletableFuture<Stored> entry = this.cache.getIfPresent(key);
		if (entry != null && entry.isDone() && isFresh(entry)) {
			statistics().hit(key, start);
			return entry.join().value();
		}
		return null;
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
		if (this.spec.strategy() == CacheStrategy.LRU || !future.isDone() || future.isCompletedExceptionally()) {
			return false;
		}
		return future.join().remainingAt(this.ticker.read()) == 0;
	}

	void cleanUp() {
		this.cache.synchronous().cleanUp();
	}

	/** Each entry expires after its own TTL; with idle expiry a read restarts it. */
	private record EntryExpiry(boolean restartOnRead) implements Expiry<Object, Stored> {

		@Override
		public long expireAfterCreate(Object key, Stored value, long currentTime) {
			return value.remainingAt(currentTime);
		}

		@Override
		public long expireAfterUpdate(Object key, Stored value, long currentTime, long currentDuration) {
			return value.remainingAt(currentTime);
		}

		@Override
		public long expireAfterRead(Object key, Stored value, long currentTime, long currentDuration) {
			return this.restartOnRead ? value.ttlNanos() : currentDuration;
		}

	}

}
