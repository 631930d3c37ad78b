package io.zenoo.client.domain;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The term operators Odoo accepts in a domain, and the logical operators.
 */
final class Operators {

	static final String AND = "&";

	static final String OR = "|";

	static final String NOT = "!";

	static final String IN = "in";

	static final String NOT_IN = "not in";

	static final String ANY = "any";

	static final String NOT_ANY = "not any";

	private static final Set<String> TERM_OPERATORS = Set.of("=", "!=", ">", ">=", "<", "<=", "=?", "like",
			"not like", "ilike", "not ilike", "=like", "=ilike", IN, NOT_IN, "child_of", "parent_of", ANY, NOT_ANY);

	private Operators() {
	}

	/**
	 * The canonical (lower-case, as Odoo normalizes it) form of a term operator, or {@code null} if Odoo has no such
	 * operator.
	 */
	static @Nullable String canonical(String operator) {
		String lower = operator.trim().toLowerCase(Locale.ROOT);
		return TERM_OPERATORS.contains(lower) ? lower : null;
	}

	static boolean takesList(String operator) {
		return operator.equals(IN) || operator.equals(NOT_IN);
	}

	static boolean takesDomain(String operator) {
		return operator.equals(ANY) || operator.equals(NOT_ANY);
	}

}
