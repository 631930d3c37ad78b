package io.zenoo.cache;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import io.netty.util.concurrent.FastThreadLocalThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cache.support.SimpleValueWrapper;

/**
 * Spring's synchronous and {@code CompletableFuture} cache contract on top of the reactive operations. The
 * synchronous reads of a remote cache wait for the backend (bounded by {@link #syncTimeout()}) and refuse to run on a
 * non-blocking (Reactor or Netty) thread; {@code put} and {@code evict} are sent in the background (a remote cache's
 * later reads of the same key in this JVM wait for them); {@code evictIfPresent} and {@code invalidate} wait unless on
 * a non-blocking thread.
 */
abstract class AbstractZenooCache implements ZenooCache {

	private static final Logger logger = LoggerFactory.getLogger(AbstractZenooCache.class);

	private final String name;

	private final ZenooCacheStatistics statistics = new ZenooCacheStatistics();

	private final RefreshAhead refreshAhead;

	private volatile CacheFreshness freshness = CacheFreshness.NONE;

	AbstractZenooCache(String name) {
		this.name = name;
		this.refreshAhead = new RefreshAhead(name, this.statistics);
	}

	@Override
	public final CacheFreshness freshness() {
		return this.freshness;
	}

	/**
	 * Set the stale-if-error and refresh-ahead settings; entries stored before keep the lifetime they were given.
	 * @throws InvalidCacheSpecException if this cache cannot honour them
	 */
	void freshness(CacheFreshness freshness) {
		if (freshness.isOn() && defaultTtl().isZero()) {
			String setting = freshness.staleIfError() ? "max-stale" : "refresh-ahead";
			throw new InvalidCacheSpecException(setting, "is set but the cache's default-ttl is 0 (entries never expire)",
					"Set a default-ttl such as 5m, or remove " + setting + ".");
		}
		this.freshness = freshness;
	}

	RefreshAhead refreshAhead() {
		return this.refreshAhead;
	}

	@Override
	public final String getName() {
		return this.name;
	}

	@Override
	public final ZenooCacheStatistics statistics() {
		return this.statistics;
	}

	/** @return how long a synchronous Spring call may wait for the backend */
	abstract Duration syncTimeout();

	/** @return the entries and estimated bytes of this cache; never an error */
	abstract Mono<Footprint> footprint();

	/**
	 * Remove the entries the filter selects.
	 * @return how many entries were removed (for a tiered cache: in Redis); never an error
	 */
	abstract Mono<Long> removeMatching(KeyFilter filter);

	@Override
	public @Nullable ValueWrapper get(Object key) {
		Object value = await(find(key, Object.class));
		return (value != null) ? new SimpleValueWrapper(value) : null;
	}

	@Override
	public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		Class<?> target = (type != null) ? type : Object.class;
		Object value = await(find(key, target));
		if (value != null && type != null && !type.isInstance(value)) {
			throw new IllegalStateException("Cached value for key '" + key + "' is not of required type ["
					+ type.getName() + "]: " + value.getClass().getName());
		}
		@SuppressWarnings("unchecked")
		T result = (T) value;
		return result;
	}

	@Override
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		@SuppressWarnings("unchecked")
		T cached = (T) await(find(key, Object.class));
		if (cached != null) {
			return cached;
		}
		T loaded;
		try {
			loaded = valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		if (loaded != null) {
			write(store(key, loaded, null));
		}
		return loaded;
	}

	@Override
	public CompletableFuture<?> retrieve(Object key) {
		return find(key, Object.class).toFuture();
	}

	@Override
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		return this.<T>findOrLoad(key, Object.class, () -> Mono.fromFuture(valueLoader), null).toFuture();
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		if (value == null) {
			evict(key);
			return;
		}
		write(store(key, value, null));
	}

	@Override
	public void evict(Object key) {
		write(remove(key).then());
	}

	@Override
	public boolean evictIfPresent(Object key) {
		CompletableFuture<Boolean> removal = remove(key).toFuture();
		if (!removal.isDone() && isNonBlockingThread()) {
			return false;
		}
		return Boolean.TRUE.equals(await(Mono.fromFuture(removal)));
	}

	@Override
	public void clear() {
		write(removeAll());
	}

	@Override
	public boolean invalidate() {
		CompletableFuture<Void> clearing = removeAll().toFuture();
		if (!clearing.isDone() && isNonBlockingThread()) {
			return false;
		}
		await(Mono.fromFuture(clearing));
		return true;
	}

	/**
	 * Reactor's non-blocking threads and Netty event loops (Lettuce's included: blocking one of those on a Redis
	 * reply can deadlock the connection).
	 */
	static boolean isNonBlockingThread() {
		return Schedulers.isInNonBlockingThread() || Thread.currentThread() instanceof FastThreadLocalThread;
	}

	/**
	 * Wait for a read. A memory cache's reads complete at once; a remote cache's reads must not run on a non-blocking
	 * thread.
	 */
	<T> @Nullable T await(Mono<T> mono) {
		CompletableFuture<T> future = mono.toFuture();
		if (future.isDone()) {
			return future.getNow(null);
		}
		if (isNonBlockingThread()) {
			future.cancel(false);
			throw new IllegalStateException("Synchronous read of cache '" + this.name + "' on non-blocking thread "
					+ Thread.currentThread().getName() + ": use find(), findOrLoad() or retrieve() from reactive code");
		}
		try {
			return future.get(syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Cache '{}': synchronous call gave up: {}", this.name, ex.toString());
			return null;
		}
	}

	/**
	 * Run a write of Spring's synchronous API in the background, never waiting (Spring allows {@code put} and
	 * {@code evict} to be asynchronous). A remote cache makes its own later reads of the key wait for it.
	 */
	void write(Mono<Void> mono) {
		mono.subscribe();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[name=" + this.name + ", type=" + type() + "]";
	}

}
