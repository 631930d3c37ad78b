package io.zenoo.annotation;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.zenoo.cache.ZenooCache;
import io.zenoo.client.ZenooClient;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * One call of an annotated method: its arguments, the caller's scope, and the SpEL evaluation of the annotation's
 * expressions ({@code #name}, {@code #p0}, {@code #a0}, {@code #root.args}, {@code #root.method}, {@code @bean},
 * {@code #result}).
 */
final class CallContext {

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private final CacheOperations operations;

	private final MethodInvocation invocation;

	private final String scope;

	private final @Nullable String defaultModel;

	private final GenerationSource generations;

	private final @Nullable BeanFactory beanFactory;

	CallContext(CacheOperations operations, MethodInvocation invocation, @Nullable ContextView reactorContext,
			@Nullable ZenooClient boundClient, @Nullable ZenooClient defaultClient, @Nullable String defaultModel,
			GenerationSource generations, @Nullable BeanFactory beanFactory) {
		this.operations = operations;
		this.invocation = invocation;
		this.defaultModel = defaultModel;
		this.generations = generations;
		this.beanFactory = beanFactory;
		this.scope = scope(invocation.getArguments(), reactorContext, boundClient, defaultClient);
	}

	/**
	 * The caller's scope: a client argument, the repository's client, a client in the Reactor context, or the
	 * application's client, in that order.
	 */
	private static String scope(Object[] arguments, @Nullable ContextView context, @Nullable ZenooClient bound,
			@Nullable ZenooClient fallback) {
		for (Object argument : arguments) {
			if (argument instanceof ZenooClient client) {
				return client.scope();
			}
		}
		if (bound != null) {
			return bound.scope();
		}
		if (context != null && context.getOrDefault(ZenooClient.class, null) instanceof ZenooClient client) {
			return client.scope();
		}
		return (fallback != null) ? fallback.scope() : "-";
	}

	boolean isTrue(@Nullable Expression condition) {
		return condition == null || Boolean.TRUE.equals(condition.getValue(evaluation(null, false), Boolean.class));
	}

	boolean vetoes(@Nullable Expression unless, @Nullable Object result) {
		return unless != null && Boolean.TRUE.equals(unless.getValue(evaluation(result, true), Boolean.class));
	}

	/**
	 * The key of an entry.
	 * @param expression the key expression, or {@code null} for the method and its arguments
	 * @param model the annotation's model, or {@code null} for the repository's (if any)
	 * @param cache the cache the key is for: generations are kept per cache backend
	 */
	Mono<Void> generationReady(@Nullable String model, ZenooCache cache) {
		String keyModel = (model != null) ? model : this.defaultModel;
		return (keyModel != null) ? this.generations.ready(cache, keyModel) : Mono.empty();
	}

	OdooCacheKey key(@Nullable Expression expression, @Nullable String model, ZenooCache cache) {
		String keyModel = (model != null) ? model : this.defaultModel;
		long generation = (keyModel != null) ? this.generations.generation(cache, keyModel) : 0L;
		if (expression != null) {
			return new OdooCacheKey(this.scope, keyModel, "key", expression.getValue(evaluation(null, false)),
					generation);
		}
		return new OdooCacheKey(this.scope, keyModel, this.operations.id, arguments(), generation);
	}

	@Nullable String defaultModel() {
		return this.defaultModel;
	}

	/** The arguments as key parts: clients left out (the scope stands for them), arrays as lists. */
	private List<Object> arguments() {
		Object[] arguments = this.invocation.getArguments();
		List<Object> parts = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			if (!(argument instanceof ZenooClient)) {
				parts.add(keyPart(argument));
			}
		}
		return parts;
	}

	private static @Nullable Object keyPart(@Nullable Object argument) {
		if (argument == null || !argument.getClass().isArray()) {
			return argument;
		}
		int length = Array.getLength(argument);
		List<Object> list = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			list.add(keyPart(Array.get(argument, i)));
		}
		return list;
	}

	private EvaluationContext evaluation(@Nullable Object result, boolean withResult) {
		Object target = this.invocation.getThis();
		Method method = this.operations.method;
		Root root = new Root(method, this.invocation.getArguments(), target,
				(target != null) ? AopUtils.getTargetClass(target) : method.getDeclaringClass());
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(root, method,
				this.invocation.getArguments(), PARAMETER_NAMES);
		if (this.beanFactory != null) {
			context.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
		}
		if (withResult) {
			context.setVariable("result", result);
		}
		return context;
	}

	/** The root object of the expressions: {@code #root.method}, {@code #root.args}, {@code #root.target}. */
	public static final class Root {

		private final Method method;

		private final Object[] args;

		private final @Nullable Object target;

		private final Class<?> targetClass;

		Root(Method method, Object[] args, @Nullable Object target, Class<?> targetClass) {
			this.method = method;
			this.args = args;
			this.target = target;
			this.targetClass = targetClass;
		}

		/** @return the method called */
		public Method getMethod() {
			return this.method;
		}

		/** @return the method's name */
		public String getMethodName() {
			return this.method.getName();
		}

		/** @return the arguments */
		public Object[] getArgs() {
			return this.args;
		}

		/** @return the bean called */
		public @Nullable Object getTarget() {
			return this.target;
		}

		/** @return the bean's class */
		public Class<?> getTargetClass() {
			return this.targetClass;
		}

	}

}
