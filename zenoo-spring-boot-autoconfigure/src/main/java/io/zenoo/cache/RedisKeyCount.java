package io.zenoo.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The number of entries of a Redis or tiered cache, for a gauge such as Micrometer's {@code cache.size}: counted in
 * the background with {@code SCAN} on the cache's key prefix (never {@code KEYS}), so that reading it never waits for
 * Redis. A read returns the last count and, when that count is older than the refresh interval and no count is
 * running, starts a new one; the first read starts the first count. Nothing runs while nobody reads, and nothing
 * after {@link #close()}.
 * <p>
 * The value is {@link Double#NaN} until the first count completed, and after a count that failed (Redis unreachable).
 * A tiered cache counts its Redis level: its memory level holds a subset of those entries.
 */
public final class RedisKeyCount implements AutoCloseable {

	/** How long a count is used before a read starts a new one, unless given otherwise. */
	public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

	private final Supplier<Mono<Footprint>> counter;

	private final long refreshNanos;

	private final LongSupplier nanoClock;

	private final Scheduler scheduler;

	private final AtomicBoolean counting = new AtomicBoolean();

	private volatile double value = Double.NaN;

	private volatile boolean started;

	private volatile long startedAt;

	private volatile boolean closed;

	private volatile @Nullable Disposable running;

	RedisKeyCount(Supplier<Mono<Footprint>> counter, Duration refresh, LongSupplier nanoClock, Scheduler scheduler) {
		if (refresh.isNegative() || refresh.isZero()) {
			throw new IllegalArgumentException("refresh must be positive, was " + refresh);
		}
		this.counter = counter;
		this.refreshNanos = refresh.toNanos();
		this.nanoClock = nanoClock;
		this.scheduler = scheduler;
	}

	/**
	 * Count the entries of a Redis or tiered cache, at most once per {@code refresh}.
	 * @param cache a Redis or tiered cache of a {@link ZenooCacheManager}
	 * @param refresh how long a count is used before a read starts a new one; positive
	 * @return the count, to be closed when no longer read
	 * @throws IllegalArgumentException if the cache is not a Redis or tiered cache of this library, or
	 * {@code refresh} is not positive
	 */
	public static RedisKeyCount of(ZenooCache cache, Duration refresh) {
		Objects.requireNonNull(cache, "cache must not be null");
		Objects.requireNonNull(refresh, "refresh must not be null");
		if (!(cache instanceof RedisZenooCache || cache instanceof TieredZenooCache)) {
			throw new IllegalArgumentException("cache '" + cache.getName() + "' is a " + cache.type()
					+ " cache; only Redis and tiered caches are counted with SCAN");
		}
		AbstractZenooCache counted = (AbstractZenooCache) cache;
		return new RedisKeyCount(counted::footprint, refresh, System::nanoTime, Schedulers.boundedElastic());
	}

	/**
	 * Return the last count, starting a new one in the background when it is due; never waits for Redis.
	 * @return the number of entries, or {@link Double#NaN} when not known (yet)
	 */
	public double value() {
		if (!this.closed && isDue() && this.counting.compareAndSet(false, true)) {
			// checked again: another reader may have started and finished a count meanwhile
			if (isDue() && !this.closed) {
				start();
			}
			else {
				this.counting.set(false);
			}
		}
		return this.value;
	}

	private boolean isDue() {
		return !this.started || this.nanoClock.getAsLong() - this.startedAt >= this.refreshNanos;
	}

	private void start() {
		this.startedAt = this.nanoClock.getAsLong();
		this.started = true;
		// subscribed on another thread: even getting a Redis connection must not hold up the reader (a scrape)
		this.running = this.counter.get()
			.subscribeOn(this.scheduler)
			.doFinally((signal) -> this.counting.set(false))
			.subscribe((footprint) -> this.value = (footprint.size() != null) ? footprint.size() : Double.NaN,
					(ex) -> this.value = Double.NaN);
	}

	/** Stop counting: a running count is cancelled, and reads start no new one. */
	@Override
	public void close() {
		this.closed = true;
		Disposable count = this.running;
		if (count != null) {
			count.dispose();
		}
	}

}
