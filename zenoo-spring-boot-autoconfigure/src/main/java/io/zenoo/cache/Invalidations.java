package io.zenoo.cache;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The invalidation side of a {@link ZenooCacheManager}: model generations, related models, which methods mutate,
 * pattern removal over every cache, and the periodic invalidations. The manager's public methods delegate here.
 */
final class Invalidations implements AutoCloseable {

	/** {@code <model>:*}: every query of one model, which a generation bump reaches without a scan. */
	private static final Pattern WHOLE_MODEL = Pattern.compile("([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*):\\*");

	private final CacheRegistry registry;

	private final ModelGenerations generations;

	private final RelatedModels related = new RelatedModels();

	private final MutatingMethods mutating = new MutatingMethods();

	private final AutoInvalidations automatic = new AutoInvalidations();

	Invalidations(CacheRegistry registry, String sourceId) {
		this.registry = registry;
		this.generations = new ModelGenerations(sourceId);
	}

	ModelGenerations generations() {
		return this.generations;
	}

	<R> Mono<R> withGeneration(ZenooCache cache, String model, LongFunction<Mono<R>> read) {
		// a cache's source never changes once registered: looked up once, the subscription reads only the number
		GenerationSource source = this.generations.source(cache);
		return Mono.defer(() -> {
			if (source.ready()) {
				return read.apply(source.current(model));
			}
			return source.whenReady().then(Mono.defer(() -> read.apply(source.current(model))));
		});
	}

	/** The models, validated, with their related models, bumped once each. */
	Mono<Void> invalidateModels(Collection<String> models) {
		if (models == null) {
			throw new IllegalArgumentException("models must not be null");
		}
		for (String model : models) {
			ModelNames.require(model, "model");
		}
		return this.generations.bump(this.related.expand(models));
	}

	Mono<Long> invalidatePattern(String pattern) {
		KeyFilter filter = new KeyFilter(requirePattern(pattern), null);
		return Flux.fromIterable(this.registry.all()).concatMap((cache) -> removeMatching(cache, filter))
			.reduce(0L, Long::sum);
	}

	Mono<Long> clearCache(String cacheName, String pattern) {
		ZenooCache cache = requireCache(cacheName);
		return removeMatching(cache, new KeyFilter(requirePattern(pattern), null));
	}

	Mono<Long> invalidate(String cacheName, @Nullable String pattern, @Nullable String model) {
		ZenooCache cache = requireCache(cacheName);
		return removeMatching(cache, new KeyFilter(pattern, model));
	}

	private static Mono<Long> removeMatching(ZenooCache cache, KeyFilter filter) {
		return (cache instanceof AbstractZenooCache own) ? own.removeMatching(filter) : Mono.just(0L);
	}

	ZenooCache requireCache(@Nullable String cacheName) {
		ZenooCache cache = this.registry.get(cacheName);
		if (cache == null) {
			throw new IllegalArgumentException(
					"no cache named '" + cacheName + "'; known caches: " + this.registry.names());
		}
		return cache;
	}

	private static String requirePattern(@Nullable String pattern) {
		if (pattern == null) {
			throw new IllegalArgumentException("pattern must not be null");
		}
		if (pattern.isBlank()) {
			throw new IllegalArgumentException("pattern must not be blank");
		}
		return pattern;
	}

	/**
	 * Run a pattern's invalidation every interval: {@code <model>:*} bumps the model's generation (O(1), and other
	 * instances follow), any other pattern is removed from every cache.
	 */
	Disposable setupAutoInvalidation(String pattern, Duration interval, @Nullable Scheduler scheduler) {
		requirePattern(pattern);
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be a positive duration, was " + interval);
		}
		Matcher wholeModel = WHOLE_MODEL.matcher(pattern);
		Set<String> model = wholeModel.matches() ? Set.of(wholeModel.group(1)) : null;
		Supplier<Mono<?>> action = (model != null) ? () -> invalidateModels(model)
				: () -> invalidatePattern(pattern);
		return (scheduler != null) ? this.automatic.schedule(pattern, interval, action, scheduler)
				: this.automatic.schedule(pattern, interval, action);
	}

	int automaticInvalidations() {
		return this.automatic.size();
	}

	void addRelatedModels(String model, String... relatedModels) {
		if (relatedModels == null) {
			throw new IllegalArgumentException("relatedModels must not be null");
		}
		this.related.add(model, Arrays.asList(relatedModels));
	}

	Set<String> relatedModels(String model) {
		return this.related.of(model);
	}

	void addMutatingMethods(String... methods) {
		if (methods == null) {
			throw new IllegalArgumentException("methods must not be null");
		}
		this.mutating.add(Arrays.asList(methods));
	}

	boolean isMutatingMethod(String method) {
		return method != null && this.mutating.isMutating(method);
	}

	@Override
	public void close() {
		this.automatic.close();
		this.generations.close();
	}

}
