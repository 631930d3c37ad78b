package io.zenoo.cache;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which Odoo methods change records, so that a successful generic call of one invalidates its model's cached queries:
 * {@code create}, {@code write}, {@code unlink}, {@code copy}, {@code name_create}, {@code toggle_active},
 * {@code action_archive}, {@code action_unarchive}, and every method whose name starts with {@code action_} or
 * {@code button_} (Odoo's convention for the methods behind buttons, which usually change the record). Applications
 * add their own methods, or prefixes ending with {@code *}.
 * <p>
 * Counting a read-only method as mutating costs only cache misses; missing a mutating one serves stale rows until
 * their TTL, so the rule errs on the side of invalidating.
 */
final class MutatingMethods {

	private static final Set<String> BUILT_IN = Set.of("create", "write", "unlink", "copy", "name_create",
			"toggle_active", "action_archive", "action_unarchive");

	private final List<String> names = new CopyOnWriteArrayList<>();

	private final List<String> prefixes = new CopyOnWriteArrayList<>(List.of("action_", "button_"));

	boolean isMutating(String method) {
		if (BUILT_IN.contains(method) || this.names.contains(method)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (method.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param methods method names, or prefixes ending with {@code *} (such as {@code message_*})
	 * @throws IllegalArgumentException if one is null, blank, contains white space or a {@code *} elsewhere than at
	 * its end
	 */
	void add(List<String> methods) {
		for (String method : methods) {
			check(method);
		}
		for (String method : methods) {
			if (method.endsWith("*")) {
				this.prefixes.add(method.substring(0, method.length() - 1));
			}
			else {
				this.names.add(method);
			}
		}
	}

	private static void check(String method) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("a mutating method must not be null or blank");
		}
		if (method.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("mutating method '" + method + "' contains white space");
		}
		int star = method.indexOf('*');
		if (star >= 0 && (star != method.length() - 1 || method.length() == 1)) {
			throw new IllegalArgumentException("mutating method '" + method
					+ "' may only end with * (a prefix such as message_*), and not be * alone");
		}
	}

}
