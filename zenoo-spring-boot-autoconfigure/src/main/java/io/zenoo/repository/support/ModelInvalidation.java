package io.zenoo.repository.support;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drops a model's cached queries and annotation entries from every cache after a repository wrote to it, so that the
 * next read sees the write. Uses the cache manager's public model invalidation ({@code SCAN}+{@code UNLINK} on Redis,
 * L1 dropped on tiered caches, here and in other instances).
 */
public final class ModelInvalidation {

	private ModelInvalidation() {
	}

	/**
	 * Invalidate a model in every cache of the client's manager.
	 * @param client the client that wrote
	 * @param model the model written
	 * @return completes when done; never an error
	 */
	public static Mono<Void> afterWrite(ZenooClient client, String model) {
		ZenooCacheManager manager = client.cacheManager();
		if (manager == null) {
			return Mono.empty();
		}
		return Flux.fromIterable(manager.getCacheNames())
			.concatMap((name) -> manager.invalidate(name, null, model).onErrorResume((ex) -> Mono.just(0L)))
			.then();
	}

}
