package io.zenoo.annotation;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.data.repository.Repository;

/**
 * Puts the {@link OdooCacheInterceptor} in front of every Spring bean method annotated with {@link OdooCached},
 * {@link OdooCachePut} or {@link OdooCacheEvict}. Repositories are left out: their factory adds an interceptor bound
 * to their model and client. Annotations are checked when a bean is proxied, so a mistake stops startup.
 */
public class OdooCacheAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient OdooCacheInterceptor interceptor;

	private final transient Pointcut pointcut;

	/**
	 * Create the advisor.
	 * @param interceptor the interceptor to apply
	 */
	public OdooCacheAdvisor(OdooCacheInterceptor interceptor) {
		this.interceptor = interceptor;
		this.pointcut = new StaticMethodMatcherPointcut() {

			@Override
			public ClassFilter getClassFilter() {
				return (type) -> !Repository.class.isAssignableFrom(type);
			}

			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return interceptor.isAnnotated(method, targetClass);
			}

		};
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
