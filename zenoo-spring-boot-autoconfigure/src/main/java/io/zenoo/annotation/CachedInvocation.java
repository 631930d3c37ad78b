package io.zenoo.annotation;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Marks, in the Reactor context, a call made by an {@code @OdooCached} method on a miss: the method's result is
 * cached under the annotation's key, so the fluent queries it runs skip their own cache (one entry and one miss per
 * call, not two).
 */
public final class CachedInvocation {

	private static final Object KEY = CachedInvocation.class;

	private CachedInvocation() {
	}

	/**
	 * Whether the context belongs to a call whose result an annotation caches.
	 * @param context the subscriber's context
	 * @return whether the call's own queries should skip the cache
	 */
	public static boolean isActive(ContextView context) {
		return context.hasKey(KEY);
	}

	/**
	 * The context of a call whose result an annotation caches.
	 * @param context the context to add the mark to
	 * @return the marked context
	 */
	static Context mark(Context context) {
		return context.put(KEY, Boolean.TRUE);
	}

}
