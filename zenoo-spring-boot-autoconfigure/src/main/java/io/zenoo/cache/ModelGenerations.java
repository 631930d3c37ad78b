package io.zenoo.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The per-model generations of one {@link ZenooCacheManager}: every query key carries its model's generation, so
 * giving a model a new one makes all its cached queries unreachable at once, in O(1), whatever the number of entries
 * (they leave by TTL or size eviction).
 * <p>
 * Memory caches take their numbers from a {@link LocalGenerations}; Redis and tiered caches from the
 * {@link RedisGenerations} of their Redis backend (connection factory and namespace), shared by every instance using
 * it. A bump reaches all of them; another instance's bump heard on a backend also moves the memory caches' number.
 */
final class ModelGenerations implements AutoCloseable {

	private final String sourceId;

	private final LocalGenerations local = new LocalGenerations();

	private final Map<Backend, RedisGenerations> backends = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<ZenooCache, GenerationSource> sources = new ConcurrentHashMap<>();

	private volatile Duration bumpWait = Duration.ZERO;

	/** A Redis backend: the caches on it share their generations. */
	private record Backend(ReactiveRedisConnectionFactory factory, String namespace) {
	}

	ModelGenerations(String sourceId) {
		this.sourceId = sourceId;
	}

	/** Give a new cache its source of generations (before any query can use it). */
	void register(ZenooCache cache) {
		RedisZenooCache redis = (cache instanceof TieredZenooCache tiered) ? tiered.l2()
				: (cache instanceof RedisZenooCache plain) ? plain : null;
		this.sources.put(cache, (redis != null) ? backend(redis) : this.local);
	}

	/** Forget a cache whose registration failed. */
	void unregister(ZenooCache cache) {
		this.sources.remove(cache);
	}

	private synchronized RedisGenerations backend(RedisZenooCache cache) {
		Backend backend = new Backend(cache.connectionFactory(), cache.spec().namespace());
		RedisGenerations existing = this.backends.get(backend);
		if (existing != null) {
			return existing;
		}
		RedisGenerations created = new RedisGenerations(backend.factory(), backend.namespace(),
				cache.spec().commandTimeout(), this.sourceId, cache.statistics(), new RedisGenerations.Listener() {

					@Override
					public void modelChanged(String model) {
						ModelGenerations.this.local.bump(model);
					}

					@Override
					public void anyModelMayHaveChanged() {
						ModelGenerations.this.local.bumpAll();
					}

				});
		this.backends.put(backend, created);
		if (created.bumpWait().compareTo(this.bumpWait) > 0) {
			this.bumpWait = created.bumpWait();
		}
		return created;
	}

	GenerationSource source(ZenooCache cache) {
		GenerationSource source = this.sources.get(cache);
		return (source != null) ? source : this.local;
	}

	long current(ZenooCache cache, String model) {
		return source(cache).current(model);
	}

	/**
	 * Give the models new generations: in this JVM when subscribed to, then in Redis on every backend. Completes once
	 * Redis confirmed and published them, or refused (the bump is then sent again later), or after a short bound.
	 */
	Mono<Void> bump(Collection<String> models) {
		return Mono.defer(() -> {
			List<CompletableFuture<Void>> remote = new ArrayList<>();
			for (String model : models) {
				this.local.bump(model);
				for (RedisGenerations backend : this.backends.values()) {
					remote.add(backend.bump(model));
				}
			}
			if (remote.isEmpty()) {
				return Mono.empty();
			}
			return Mono.fromFuture(CompletableFuture.allOf(remote.toArray(CompletableFuture[]::new)), true)
				.timeout(this.bumpWait, Mono.empty());
		});
	}

	@Override
	public void close() {
		this.backends.values().forEach(RedisGenerations::close);
	}

}
