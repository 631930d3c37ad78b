package io.zenoo.client.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The tree behind a {@link Domain}, kept normalized so that equal domains have equal trees: conjunctions and
 * disjunctions are flattened and have at least two children, constants are folded away, double negations removed.
 */
sealed interface DomainNode {

	/** Matches every record: the empty domain. */
	Constant TRUE = new Constant(true);

	/** Matches no record: Odoo's {@code (0, '=', 1)}. */
	Constant FALSE = new Constant(false);

	/**
	 * One condition {@code (path, operator, value)}.
	 * @param path the dotted field path
	 * @param operator the canonical operator
	 * @param value the normalized wire value, or a {@link Domain} for {@code any}/{@code not any}
	 */
	record Term(String path, String operator, Object value) implements DomainNode {
	}

	/** All children match (at least two). */
	record And(List<DomainNode> children) implements DomainNode {
	}

	/** At least one child matches (at least two). */
	record Or(List<DomainNode> children) implements DomainNode {
	}

	/** The child does not match. */
	record Not(DomainNode child) implements DomainNode {
	}

	/** Odoo's {@code TRUE_LEAF} {@code (1, '=', 1)} or {@code FALSE_LEAF} {@code (0, '=', 1)}. */
	record Constant(boolean value) implements DomainNode {
	}

	static DomainNode and(DomainNode left, DomainNode right) {
		if (left == FALSE || right == FALSE) {
			return FALSE;
		}
		if (left == TRUE) {
			return right;
		}
		if (right == TRUE) {
			return left;
		}
		List<DomainNode> children = new ArrayList<>();
		addFlattened(children, left, true);
		addFlattened(children, right, true);
		return new And(List.copyOf(children));
	}

	static DomainNode or(DomainNode left, DomainNode right) {
		if (left == TRUE || right == TRUE) {
			return TRUE;
		}
		if (left == FALSE) {
			return right;
		}
		if (right == FALSE) {
			return left;
		}
		List<DomainNode> children = new ArrayList<>();
		addFlattened(children, left, false);
		addFlattened(children, right, false);
		return new Or(List.copyOf(children));
	}

	static DomainNode not(DomainNode node) {
		if (node == TRUE) {
			return FALSE;
		}
		if (node == FALSE) {
			return TRUE;
		}
		if (node instanceof Not not) {
			return not.child();
		}
		return new Not(node);
	}

	private static void addFlattened(List<DomainNode> children, DomainNode node, boolean conjunction) {
		if (conjunction && node instanceof And and) {
			children.addAll(and.children());
		}
		else if (!conjunction && node instanceof Or or) {
			children.addAll(or.children());
		}
		else {
			children.add(node);
		}
	}

}
