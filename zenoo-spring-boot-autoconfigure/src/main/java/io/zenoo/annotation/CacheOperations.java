package io.zenoo.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;

/**
 * What the cache annotations of one method ask for, read and checked once (at startup, when the method's bean is
 * proxied): any mistake is an {@link InvalidCacheAnnotationException} naming the method and the attribute.
 */
final class CacheOperations {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	/** How the method returns its result. */
	enum Shape {

		MONO, FLUX, PLAIN

	}

	/**
	 * An {@link OdooCached} or {@link OdooCachePut}.
	 * @param put whether the method always runs and stores ({@code @OdooCachePut}, or {@code refresh = true})
	 * @param single whether concurrent misses share one call (no {@code unless})
	 */
	record Store(@Nullable String cache, @Nullable Duration ttl, @Nullable Expression key,
			@Nullable Expression condition, @Nullable Expression unless, boolean put, @Nullable String model) {

	}

	/** An {@link OdooCacheEvict}. */
	record Evict(@Nullable String cache, List<String> models, @Nullable Expression key, @Nullable String keyModel,
			@Nullable String pattern, boolean allEntries, boolean beforeInvocation, @Nullable Expression condition) {

		boolean namesNothing() {
			return this.models.isEmpty() && this.key == null && this.pattern == null && !this.allEntries;
		}

	}

	final Method method;

	final String id;

	final Shape shape;

	/** What a cached value is decoded into: a Mono's element type, a list of a Flux's, a plain method's return type. */
	final Type valueType;

	final @Nullable Store store;

	final @Nullable Evict evict;

	private CacheOperations(Method method, Shape shape, Type valueType, @Nullable Store store,
			@Nullable Evict evict) {
		this.method = method;
		this.id = identity(method);
		this.shape = shape;
		this.valueType = valueType;
		this.store = store;
		this.evict = evict;
	}

	/**
	 * The operations of a method, or {@code null} when it has no cache annotation.
	 * @param method the method called (possibly an interface method)
	 * @param targetClass the class of the bean
	 * @param knownCache whether a cache name exists (unknown names fail)
	 */
	static @Nullable CacheOperations of(Method method, @Nullable Class<?> targetClass, Predicate<String> knownCache) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		OdooCached cached = find(specific, method, OdooCached.class);
		OdooCachePut put = find(specific, method, OdooCachePut.class);
		OdooCacheEvict evict = find(specific, method, OdooCacheEvict.class);
		if (cached == null && put == null && evict == null) {
			return null;
		}
		String name = describe(method);
		if (cached != null && (put != null || evict != null)) {
			throw new InvalidCacheAnnotationException(name + ": @OdooCached cannot be combined with @OdooCachePut or "
					+ "@OdooCacheEvict; put those on the methods that change the data");
		}
		ResolvableType returned = ResolvableType.forMethodReturnType(method);
		Class<?> raw = returned.resolve(Object.class);
		Shape shape = (raw == Mono.class) ? Shape.MONO : (raw == Flux.class) ? Shape.FLUX : Shape.PLAIN;
		Type valueType = switch (shape) {
			case MONO -> returned.getGeneric(0).getType();
			case FLUX -> ResolvableType.forClassWithGenerics(List.class, returned.getGeneric(0)).getType();
			// the generic type, so that a List<ResPartner> read back from Redis holds records, not maps
			case PLAIN -> raw.isPrimitive() ? ClassUtils.resolvePrimitiveIfNecessary(raw) : returned.getType();
		};
		Store store = null;
		if (cached != null) {
			store = new Store(cache(name, "cache", cached.cache(), knownCache), ttl(name, cached.ttl()),
					expression(name, "key", cached.key()), expression(name, "condition", cached.condition()),
					expression(name, "unless", cached.unless()), cached.refresh(), text(cached.model()));
		}
		else if (put != null) {
			store = new Store(cache(name, "cache", put.cache(), knownCache), ttl(name, put.ttl()),
					expression(name, "key", put.key()), expression(name, "condition", put.condition()),
					expression(name, "unless", put.unless()), true, text(put.model()));
		}
		if (store != null && (raw == void.class || raw == Void.class || valueType == Void.class
				|| ResolvableType.forType(valueType).resolve() == Void.class)) {
			throw new InvalidCacheAnnotationException(name + " returns nothing to cache (" + returned
					+ "): remove @OdooCached/@OdooCachePut or return the value");
		}
		Evict evictOperation = null;
		if (evict != null) {
			String pattern = text(evict.pattern());
			evictOperation = new Evict(cache(name, "cache", evict.cache(), knownCache),
					List.of(evict.models()), expression(name, "key", evict.key()), text(evict.model()), pattern,
					evict.allEntries(), evict.beforeInvocation(), expression(name, "condition", evict.condition()));
			for (String model : evict.models()) {
				if (model == null || model.isBlank()) {
					throw new InvalidCacheAnnotationException(name + ": @OdooCacheEvict(models) has a blank model");
				}
			}
		}
		return new CacheOperations(method, shape, valueType, store, evictOperation);
	}

	private static <A extends java.lang.annotation.Annotation> @Nullable A find(Method specific, Method method,
			Class<A> type) {
		A found = AnnotatedElementUtils.findMergedAnnotation(specific, type);
		return (found != null || specific == method) ? found : AnnotatedElementUtils.findMergedAnnotation(method, type);
	}

	private static @Nullable String cache(String method, String attribute, String cache, Predicate<String> known) {
		String name = text(cache);
		if (name != null && !known.test(name)) {
			throw new InvalidCacheAnnotationException(method + ": " + attribute + " = \"" + name
					+ "\" names no Zenoo cache; configure it under zenoo.cache.caches or name an existing one");
		}
		return name;
	}

	private static @Nullable Duration ttl(String method, String ttl) {
		String text = text(ttl);
		if (text == null) {
			return null;
		}
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCacheAnnotationException(method + ": ttl = \"" + ttl + "\" is not a duration; use 30s, "
					+ "5m, 1h, PT5M or 0 (never expires)", ex);
		}
		if (duration.isNegative()) {
			throw new InvalidCacheAnnotationException(method + ": ttl = \"" + ttl + "\" must not be negative");
		}
		return duration;
	}

	private static @Nullable Expression expression(String method, String attribute, String text) {
		String source = text(text);
		if (source == null) {
			return null;
		}
		try {
			return PARSER.parseExpression(source);
		}
		catch (ParseException ex) {
			throw new InvalidCacheAnnotationException(method + ": " + attribute + " = \"" + text
					+ "\" is not a valid SpEL expression: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName();
	}

	/** The method as part of a key: stable across JVMs, unique within the application. */
	private static String identity(Method method) {
		StringJoiner parameters = new StringJoiner(",", "(", ")");
		for (Class<?> type : method.getParameterTypes()) {
			parameters.add(type.getSimpleName());
		}
		return method.getDeclaringClass().getName() + "." + method.getName() + parameters;
	}

}
