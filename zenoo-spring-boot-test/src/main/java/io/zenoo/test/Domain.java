package io.zenoo.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed Odoo domain: prefix {@code & | !} operators over {@code [path, operator, value]} leaves, with adjacent
 * terms implicitly ANDed. Parsing validates the structure, operators and field paths the way Odoo 18 does.
 */
final class Domain {

	static final Set<String> OPERATORS = Set.of("=", "!=", "<>", ">", ">=", "<", "<=", "=?", "like", "not like",
			"ilike", "not ilike", "=like", "=ilike", "in", "not in", "child_of", "parent_of", "any", "not any");

	private Domain() {
	}

	/** A node of the domain tree. */
	interface Node {

	}

	record And(Node left, Node right) implements Node {
	}

	record Or(Node left, Node right) implements Node {
	}

	record Not(Node child) implements Node {
	}

	/** A constant leaf: {@code (1, '=', 1)} is {@code true}, {@code (0, '=', 1)} is {@code false}. */
	record Const(boolean value) implements Node {
	}

	/**
	 * A term.
	 * @param path the field path, split on dots
	 * @param operator the lower-case operator
	 * @param value the operand (JSON-like)
	 * @param original the term as sent, for error messages
	 */
	record Leaf(List<String> path, String operator, Object value, List<?> original) implements Node {
	}

	/** A domain with every leaf; an empty domain is {@code Const(true)}. */
	static Node parse(Object domain, ModelDef model, Store store) {
		if (domain == null || Boolean.FALSE.equals(domain)) {
			return new Const(true);
		}
		if (!(domain instanceof List<?> terms)) {
			throw OdooError.valueError("Invalid domain: " + Py.repr(domain));
		}
		Deque<Node> stack = new ArrayDeque<>();
		for (int i = terms.size() - 1; i >= 0; i--) {
			Object term = terms.get(i);
			if ("!".equals(term)) {
				stack.push(new Not(pop(stack, terms)));
			}
			else if ("&".equals(term) || "|".equals(term)) {
				Node left = pop(stack, terms);
				Node right = pop(stack, terms);
				stack.push("&".equals(term) ? new And(left, right) : new Or(left, right));
			}
			else {
				stack.push(leaf(term, model, store));
			}
		}
		if (stack.isEmpty()) {
			return new Const(true);
		}
		Node result = stack.pop();
		while (!stack.isEmpty()) {
			result = new And(result, stack.pop());
		}
		return result;
	}

	/** {@code true} if some leaf of the raw domain is on the given top-level field. */
	static boolean mentions(Object domain, String field) {
		if (domain instanceof List<?> terms) {
			for (Object term : terms) {
				if (term instanceof List<?> leaf && !leaf.isEmpty() && leaf.get(0) instanceof String path
						&& (path.equals(field) || path.startsWith(field + "."))) {
					return true;
				}
			}
		}
		return false;
	}

	private static Node pop(Deque<Node> stack, List<?> terms) {
		if (stack.isEmpty()) {
			throw OdooError.valueError("Domain " + Py.repr(terms) + " is syntactically not correct.");
		}
		return stack.pop();
	}

	private static Node leaf(Object term, ModelDef model, Store store) {
		if (Boolean.TRUE.equals(term)) {
			return new Const(true);
		}
		if (Boolean.FALSE.equals(term)) {
			return new Const(false);
		}
		if (!(term instanceof List<?> parts)) {
			throw OdooError.valueError("Invalid leaf " + Py.repr(term));
		}
		if (parts.size() < 3) {
			throw OdooError.valueError("not enough values to unpack (expected 3, got " + parts.size() + ")");
		}
		if (parts.size() > 3) {
			throw OdooError.valueError("too many values to unpack (expected 3)");
		}
		Object left = parts.get(0);
		Object op = parts.get(1);
		Object right = parts.get(2);
		if (left instanceof Number number && "=".equals(op) && right instanceof Number other) {
			if (number.longValue() == 1 && other.longValue() == 1) {
				return new Const(true);
			}
			if (number.longValue() == 0 && other.longValue() == 1) {
				return new Const(false);
			}
		}
		if (!(op instanceof String operatorText) || !OPERATORS.contains(operatorText.toLowerCase(Locale.ROOT))) {
			throw OdooError.valueError("Invalid leaf " + leafRepr(parts));
		}
		String operator = operatorText.toLowerCase(Locale.ROOT);
		if ("<>".equals(operator)) {
			operator = "!=";
		}
		if (!(left instanceof String path) || path.isEmpty()) {
			throw OdooError.valueError("Invalid leaf " + leafRepr(parts));
		}
		List<String> segments = List.of(path.split("\\."));
		validatePath(segments, model, store, parts);
		Object value = right;
		if (operator.equals("any") || operator.equals("not any")) {
			ModelDef target = lastModel(segments, model, store);
			FieldDef last = target.field(segments.get(segments.size() - 1));
			if (last == null || !last.isRelational()) {
				throw OdooError.valueError("Invalid leaf " + leafRepr(parts) + ": operator " + operator
						+ " requires a relational field");
			}
			ModelDef comodel = store.model(last.relation());
			if (comodel == null) {
				throw OdooError.valueError("Invalid leaf " + leafRepr(parts));
			}
			value = parse(right, comodel, store);
		}
		return new Leaf(segments, operator, value, new ArrayList<>(parts));
	}

	private static ModelDef lastModel(List<String> segments, ModelDef model, Store store) {
		ModelDef current = model;
		for (int i = 0; i < segments.size() - 1; i++) {
			current = store.model(current.field(segments.get(i)).relation());
		}
		return current;
	}

	private static void validatePath(List<String> segments, ModelDef model, Store store, List<?> parts) {
		ModelDef current = model;
		for (int i = 0; i < segments.size(); i++) {
			FieldDef field = current.field(segments.get(i));
			if (field == null) {
				throw OdooError.valueError("Invalid field " + current.name() + "." + segments.get(i) + " in leaf "
						+ leafRepr(parts));
			}
			if (i < segments.size() - 1) {
				ModelDef next = field.isRelational() ? store.model(field.relation()) : null;
				if (next == null) {
					throw OdooError.valueError("Invalid field " + current.name() + "." + segments.get(i + 1)
							+ " in leaf " + leafRepr(parts));
				}
				current = next;
			}
		}
	}

	static String leafRepr(List<?> parts) {
		return Py.tuple(parts);
	}

}
