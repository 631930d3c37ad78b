package io.zenoo.repository.query;

import java.lang.reflect.Method;

/**
 * How messages name repository methods.
 */
final class QueryMethods {

	private QueryMethods() {
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName();
	}

}
