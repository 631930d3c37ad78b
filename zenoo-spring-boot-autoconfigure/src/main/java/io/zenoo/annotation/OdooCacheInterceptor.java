package io.zenoo.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.MethodClassKey;

/**
 * Applies {@link OdooCached}, {@link OdooCachePut} and {@link OdooCacheEvict} to method calls, on the Zenoo caches:
 * single-flight {@code findOrLoad} for {@code Mono} methods, a collected list (up to a cap) for {@code Flux} methods,
 * the synchronous path for plain methods. Hits and misses count in the cache's statistics like the fluent API's.
 * Without a cache manager, or with caching disabled, methods run as if not annotated.
 */
public class OdooCacheInterceptor implements MethodInterceptor {

	private final Supplier<@Nullable ZenooCacheManager> cacheManager;

	private final Supplier<@Nullable ZenooClient> defaultClient;

	private final int maxFluxElements;

	private final GenerationSource generations;

	private final @Nullable BeanFactory beanFactory;

	private final Map<MethodClassKey, Optional<CacheOperations>> operations;

	private final @Nullable String boundModel;

	private final @Nullable ZenooClient boundClient;

	/**
	 * Create an interceptor.
	 * @param cacheManager supplies the caches (looked up on each call, so the manager may be created late)
	 * @param defaultClient supplies the application's client, whose user scopes keys when nothing closer does
	 * @param maxFluxElements the most elements of a {@code Flux} result that are cached
	 * @param generations the generations of models that keys carry
	 * @param beanFactory resolves {@code @bean} references in expressions, or {@code null}
	 */
	public OdooCacheInterceptor(Supplier<@Nullable ZenooCacheManager> cacheManager,
			Supplier<@Nullable ZenooClient> defaultClient, int maxFluxElements, GenerationSource generations,
			@Nullable BeanFactory beanFactory) {
		this(cacheManager, defaultClient, maxFluxElements, generations, beanFactory, new ConcurrentHashMap<>(),
				null, null);
		if (maxFluxElements < 0) {
			throw new IllegalArgumentException("maxFluxElements must not be negative, got " + maxFluxElements);
		}
	}

	private OdooCacheInterceptor(Supplier<@Nullable ZenooCacheManager> cacheManager,
			Supplier<@Nullable ZenooClient> defaultClient, int maxFluxElements, GenerationSource generations,
			@Nullable BeanFactory beanFactory, Map<MethodClassKey, Optional<CacheOperations>> operations,
			@Nullable String boundModel, @Nullable ZenooClient boundClient) {
		this.cacheManager = cacheManager;
		this.defaultClient = defaultClient;
		this.maxFluxElements = maxFluxElements;
		this.generations = generations;
		this.beanFactory = beanFactory;
		this.operations = operations;
		this.boundModel = boundModel;
		this.boundClient = boundClient;
	}

	/**
	 * The interceptor of one repository: its keys default to the repository's model and are scoped to its client's
	 * user. Every annotated method of the interface is checked now, so a mistake stops startup.
	 * @param repositoryInterface the repository interface
	 * @param model the repository's model
	 * @param client the repository's client
	 * @return the interceptor
	 */
	public MethodInterceptor forRepository(Class<?> repositoryInterface, String model, ZenooClient client) {
		OdooCacheInterceptor bound = new OdooCacheInterceptor(this.cacheManager, this.defaultClient,
				this.maxFluxElements, this.generations, this.beanFactory, this.operations, model, client);
		for (Method method : repositoryInterface.getMethods()) {
			bound.operations(method, null);
		}
		return bound;
	}

	/**
	 * The operations of a method, read and checked on first use.
	 * @param method the method
	 * @param targetClass the bean class, or {@code null}
	 * @return whether the method has cache annotations
	 * @throws InvalidCacheAnnotationException if an annotation is wrong
	 */
	boolean isAnnotated(Method method, @Nullable Class<?> targetClass) {
		CacheOperations found = operations(method, targetClass);
		if (found != null && found.evict != null && found.evict.namesNothing() && this.boundModel == null) {
			throw new InvalidCacheAnnotationException(CacheOperations.describe(method) + ": @OdooCacheEvict names "
					+ "nothing to evict; give models, key, pattern or allEntries");
		}
		return found != null;
	}

	private @Nullable CacheOperations operations(Method method, @Nullable Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Optional<CacheOperations> found = this.operations.get(key);
		if (found == null) {
			// not computeIfAbsent: checking the cache names may create the cache manager, whose creation asks this
			// interceptor about other beans' methods (a recursive update of the map)
			found = Optional.ofNullable(CacheOperations.of(method, targetClass, this::knownCache));
			Optional<CacheOperations> earlier = this.operations.putIfAbsent(key, found);
			if (earlier != null) {
				found = earlier;
			}
		}
		return found.orElse(null);
	}

	private boolean knownCache(String name) {
		ZenooCacheManager manager = this.cacheManager.get();
		return manager == null || manager.getCacheNames().isEmpty() || manager.getCache(name) != null;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		CacheOperations ops = operations(invocation.getMethod(), (target != null) ? AopUtils.getTargetClass(target)
				: null);
		ZenooCacheManager manager = this.cacheManager.get();
		if (ops == null || manager == null || manager.getCacheNames().isEmpty()) {
			return invocation.proceed();
		}
		return switch (ops.shape) {
			case MONO -> Mono.deferContextual((context) -> mono(ops, invocation, call(ops, invocation, context), manager));
			case FLUX -> Flux.deferContextual((context) -> flux(ops, invocation, call(ops, invocation, context), manager));
			case PLAIN -> PlainCalls.invoke(ops, invocation, call(ops, invocation, null), manager, this);
		};
	}

	private CallContext call(CacheOperations ops, MethodInvocation invocation, @Nullable ContextView context) {
		return new CallContext(ops, invocation, context, this.boundClient, this.defaultClient.get(), this.boundModel,
				this.generations, this.beanFactory);
	}

	// ---------------------------------------------------------------- Mono

	private Mono<Object> mono(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager) {
		Mono<Object> result = monoStore(ops, invocation, call, manager);
		CacheOperations.Evict evict = ops.evict;
		if (evict == null || !call.isTrue(evict.condition())) {
			return result;
		}
		Mono<Void> eviction = Mono.defer(() -> evict(evict, call, manager));
		if (evict.beforeInvocation()) {
			return eviction.then(result);
		}
		return result.flatMap((value) -> eviction.thenReturn(value)).switchIfEmpty(eviction.then(Mono.empty()));
	}

	private Mono<Object> monoStore(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager) {
		CacheOperations.Store store = ops.store;
		ZenooCache cache = (store != null) ? cache(manager, store.cache()) : null;
		if (store == null || cache == null || !call.isTrue(store.condition())) {
			return proceedMono(invocation);
		}
		return call.generationReady(store.model(), cache)
			.then(Mono.defer(() -> monoStore(ops, invocation, call, store, cache)));
	}

	private Mono<Object> monoStore(CacheOperations ops, MethodInvocation invocation, CallContext call,
			CacheOperations.Store store, ZenooCache cache) {
		OdooCacheKey key = call.key(store.key(), store.model(), cache);
		Mono<Object> load = proceedMono(invocation).contextWrite(CachedInvocation::mark);
		if (store.put()) {
			return load.flatMap((value) -> storeUnless(cache, key, value, store, call).thenReturn(value));
		}
		if (store.unless() == null) {
			return cache.findOrLoad(key, ops.valueType, () -> load, store.ttl());
		}
		return cache.find(key, ops.valueType)
			.switchIfEmpty(load.flatMap((value) -> storeUnless(cache, key, value, store, call).thenReturn(value)));
	}

	// ---------------------------------------------------------------- Flux

	private Flux<Object> flux(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager) {
		Flux<Object> result = fluxStore(ops, invocation, call, manager);
		CacheOperations.Evict evict = ops.evict;
		if (evict == null || !call.isTrue(evict.condition())) {
			return result;
		}
		Mono<Void> eviction = Mono.defer(() -> evict(evict, call, manager));
		return evict.beforeInvocation() ? eviction.thenMany(result) : result.concatWith(eviction.then(Mono.empty()));
	}

	private Flux<Object> fluxStore(CacheOperations ops, MethodInvocation invocation, CallContext call,
			ZenooCacheManager manager) {
		CacheOperations.Store store = ops.store;
		ZenooCache cache = (store != null) ? cache(manager, store.cache()) : null;
		if (store == null || cache == null || !call.isTrue(store.condition())) {
			return proceedFlux(invocation);
		}
		return call.generationReady(store.model(), cache)
			.thenMany(Flux.defer(() -> fluxStore(ops, invocation, call, store, cache)));
	}

	private Flux<Object> fluxStore(CacheOperations ops, MethodInvocation invocation, CallContext call,
			CacheOperations.Store store, ZenooCache cache) {
		OdooCacheKey key = call.key(store.key(), store.model(), cache);
		Flux<Object> load = collecting(proceedFlux(invocation).contextWrite(CachedInvocation::mark), cache, key,
				store, call);
		if (store.put()) {
			return load;
		}
		return cache.<List<Object>>find(key, ops.valueType)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMapMany((hit) -> hit.isPresent() ? Flux.fromIterable(hit.get()) : load);
	}

	/**
	 * Streams the elements through as they come and stores them as one list when the Flux completes, unless there
	 * were more than the cap: then nothing is kept and nothing is stored.
	 */
	private Flux<Object> collecting(Flux<Object> source, ZenooCache cache, OdooCacheKey key,
			CacheOperations.Store store, CallContext call) {
		return Flux.defer(() -> {
			List<Object> buffer = new ArrayList<>();
			boolean[] overflow = new boolean[1];
			return source.doOnNext((element) -> {
				if (!overflow[0]) {
					if (buffer.size() < this.maxFluxElements) {
						buffer.add(element);
					}
					else {
						overflow[0] = true;
						buffer.clear();
					}
				}
			}).concatWith(Mono.defer(() -> overflow[0] ? Mono.empty()
					: storeUnless(cache, key, List.copyOf(buffer), store, call).then(Mono.empty())));
		});
	}

	// ---------------------------------------------------------------- shared

	Mono<Void> storeUnless(ZenooCache cache, OdooCacheKey key, Object value, CacheOperations.Store store,
			CallContext call) {
		if (call.vetoes(store.unless(), value)) {
			return Mono.empty();
		}
		return cache.store(key, value, store.ttl());
	}

	/** Removes what an {@link OdooCacheEvict} names. */
	Mono<Void> evict(CacheOperations.Evict evict, CallContext call, ZenooCacheManager manager) {
		List<Mono<?>> work = new ArrayList<>();
		List<String> names = (evict.cache() != null) ? List.of(evict.cache()) : List.copyOf(manager.getCacheNames());
		if (evict.allEntries()) {
			work.add((evict.cache() != null) ? cache(manager, evict.cache()).removeAll() : manager.clearAllCaches());
		}
		List<String> models = evict.models();
		if (evict.namesNothing() && call.defaultModel() != null) {
			models = List.of(call.defaultModel());
		}
		for (String model : models) {
			names.forEach((name) -> work.add(manager.invalidate(name, null, model)));
		}
		if (evict.pattern() != null) {
			names.forEach((name) -> work.add(manager.invalidate(name, evict.pattern(), null)));
		}
		if (evict.key() != null) {
			ZenooCache cache = cache(manager, evict.cache());
			if (cache != null) {
				work.add(cache.remove(call.key(evict.key(), evict.keyModel(), cache)));
			}
		}
		return Flux.concat(work).then();
	}

	static @Nullable ZenooCache cache(ZenooCacheManager manager, @Nullable String name) {
		return (name != null) ? manager.getCache(name) : manager.getDefaultCache();
	}

	@SuppressWarnings("unchecked")
	private static Mono<Object> proceedMono(MethodInvocation invocation) {
		return Mono.defer(() -> {
			Object result = proceed(invocation);
			return (result != null) ? (Mono<Object>) result : Mono.empty();
		});
	}

	@SuppressWarnings("unchecked")
	private static Flux<Object> proceedFlux(MethodInvocation invocation) {
		return Flux.defer(() -> {
			Object result = proceed(invocation);
			return (result != null) ? (Flux<Object>) result : Flux.empty();
		});
	}

	/** Runs the method; a copy of the invocation each time, since a subscriber may subscribe more than once. */
	private static @Nullable Object proceed(MethodInvocation invocation) {
		try {
			return (invocation instanceof ProxyMethodInvocation proxied) ? proxied.invocableClone().proceed()
					: invocation.proceed();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

}
