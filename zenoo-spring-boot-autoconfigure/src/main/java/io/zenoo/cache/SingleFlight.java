package io.zenoo.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Runs one piece of work per key at a time in this JVM: callers arriving while it runs share its outcome. The work
 * runs detached from any one caller, so a caller that cancels does not cancel it for the others. Outcomes are not
 * kept: the key is free again as soon as the work ends, errors included.
 */
final class SingleFlight {

	private final ConcurrentHashMap<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

	@SuppressWarnings("unchecked")
	<T> Mono<T> run(Object key, Supplier<Mono<T>> work) {
		return Mono.defer(() -> {
			CompletableFuture<Object> mine = new CompletableFuture<>();
			CompletableFuture<Object> running = this.inFlight.putIfAbsent(key, mine);
			if (running != null) {
				return Mono.fromFuture((CompletableFuture<T>) (CompletableFuture<?>) running, true);
			}
			Mono.defer(work).subscribe((value) -> {
				this.inFlight.remove(key, mine);
				mine.complete(value);
			}, (ex) -> {
				this.inFlight.remove(key, mine);
				mine.completeExceptionally(ex);
			}, () -> {
				if (this.inFlight.remove(key, mine)) {
					mine.complete(null);
				}
			});
			return Mono.fromFuture((CompletableFuture<T>) (CompletableFuture<?>) mine, true);
		});
	}

	int size() {
		return this.inFlight.size();
	}

}
