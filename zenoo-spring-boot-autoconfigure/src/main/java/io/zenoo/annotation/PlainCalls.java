package io.zenoo.annotation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.concurrent.FastThreadLocalThread;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The synchronous path of annotated methods that return a plain value: the method runs on the caller's thread; the
 * cache is read and written by waiting for the cache's own operations. A memory cache answers at once on any thread;
 * a Redis cache cannot be waited for on a Reactor or Netty thread, which is refused with an error saying so.
 */
final class PlainCalls {

	private static final Logger logger = LoggerFactory.getLogger(PlainCalls.class);

	/** Redis commands time out on their own well before this; it only bounds a wait that should never be long. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private PlainCalls() {
	}

	static @Nullable Object invoke(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager, OdooCacheInterceptor interceptor) throws Throwable {
		CacheOperations.Evict evict = ops.evict;
		boolean evicting = evict != null && call.isTrue(evict.condition());
		if (evicting && evict.beforeInvocation()) {
			await(interceptor.evict(evict, call, manager), ops);
		}
		Object result = store(ops, invocation, call, manager, interceptor);
		if (evicting && !evict.beforeInvocation()) {
			await(interceptor.evict(evict, call, manager), ops);
		}
		return result;
	}

	private static @Nullable Object store(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager, OdooCacheInterceptor interceptor) throws Throwable {
		CacheOperations.Store store = ops.store;
		ZenooCache cache = (store != null) ? OdooCacheInterceptor.cache(manager, store.cache()) : null;
		if (store == null || cache == null || !call.isTrue(store.condition())) {
			return invocation.proceed();
		}
		await(call.generationReady(store.model(), cache), ops);
		OdooCacheKey key = call.key(store.key(), store.model(), cache);
		if (!store.put()) {
			Object hit = await(cache.find(key, ops.valueType), ops);
			if (hit != null) {
				return hit;
			}
		}
		Object result = invocation.proceed();
		if (result != null) {
			await(interceptor.storeUnless(cache, key, result, store, call), ops);
		}
		return result;
	}

	private static <T> @Nullable T await(Mono<T> mono, CacheOperations ops) {
		CompletableFuture<T> future = mono.toFuture();
		if (!future.isDone() && isNonBlockingThread()) {
			future.cancel(false);
			throw new IllegalStateException(CacheOperations.describe(ops.method) + " returns a plain value and was "
					+ "called on non-blocking thread " + Thread.currentThread().getName() + ", where its cache cannot "
					+ "be waited for: return Mono or Flux, or call it from a blocking thread");
		}
		try {
			return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Cache call of {} gave up: {}", ops.id, ex.toString());
			return null;
		}
	}

	private static boolean isNonBlockingThread() {
		return Schedulers.isInNonBlockingThread() || Thread.currentThread() instanceof FastThreadLocalThread;
	}

}
