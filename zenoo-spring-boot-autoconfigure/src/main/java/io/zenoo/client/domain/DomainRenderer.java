package io.zenoo.client.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DomainNode} in Odoo's prefix notation, as a JSON-ready list or as a Python literal.
 * <p>
 * The top-level conjunction is written as terms side by side (Odoo ANDs them implicitly); every other operator is
 * explicit: a conjunction or disjunction of n children is n-1 operators followed by the children, so
 * {@code A or B or C} is {@code ['|', '|', A, B, C]} and {@code not (A and B)} is {@code ['!', '&', A, B]}.
 */
final class DomainRenderer {

	private static final List<Object> TRUE_LEAF = List.of(1L, "=", 1L);

	private static final List<Object> FALSE_LEAF = List.of(0L, "=", 1L);

	private DomainRenderer() {
	}

	static List<Object> toList(DomainNode root) {
		List<Object> elements = flatten(root);
		List<Object> out = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (element instanceof DomainNode.Term term) {
				Object value = (term.value() instanceof Domain sub) ? sub.toList() : term.value();
				out.add(List.of(term.path(), term.operator(), value));
			}
			else if (element instanceof DomainNode.Constant constant) {
				out.add(constant.value() ? TRUE_LEAF : FALSE_LEAF);
			}
			else {
				out.add(element);
			}
		}
		return Collections.unmodifiableList(out);
	}

	static String toPython(DomainNode root) {
		StringBuilder out = new StringBuilder(64);
		appendDomain(out, root);
		return out.toString();
	}

	/** The prefix-notation elements: operator strings, {@link DomainNode.Term terms} and constants. */
	private static List<Object> flatten(DomainNode root) {
		List<Object> out = new ArrayList<>();
		if (root instanceof DomainNode.And and) {
			for (DomainNode child : and.children()) {
				write(child, out);
			}
		}
		else if (root != DomainNode.TRUE) {
			write(root, out);
		}
		return out;
	}

	private static void write(DomainNode node, List<Object> out) {
		if (node instanceof DomainNode.And and) {
			writeOperands(Operators.AND, and.children(), out);
		}
		else if (node instanceof DomainNode.Or or) {
			writeOperands(Operators.OR, or.children(), out);
		}
		else if (node instanceof DomainNode.Not not) {
			out.add(Operators.NOT);
			write(not.child(), out);
		}
		else {
			out.add(node);
		}
	}

	private static void writeOperands(String operator, List<DomainNode> children, List<Object> out) {
		for (int i = 1; i < children.size(); i++) {
			out.add(operator);
		}
		for (DomainNode child : children) {
			write(child, out);
		}
	}

	private static void appendDomain(StringBuilder out, DomainNode root) {
		out.append('[');
		boolean first = true;
		for (Object element : flatten(root)) {
			if (!first) {
				out.append(", ");
			}
			first = false;
			if (element instanceof DomainNode.Term term) {
				out.append('(');
				appendString(out, term.path());
				out.append(", ");
				appendString(out, term.operator());
				out.append(", ");
				appendPython(out, term.value());
				out.append(')');
			}
			else if (element instanceof DomainNode.Constant constant) {
				out.append(constant.value() ? "(1, '=', 1)" : "(0, '=', 1)");
			}
			else {
				appendString(out, (String) element);
			}
		}
		out.append(']');
	}

	private static void appendPython(StringBuilder out, Object value) {
		if (value instanceof String text) {
			appendString(out, text);
		}
		else if (value instanceof Domain sub) {
			out.append(sub);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool ? "True" : "False");
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(", ");
				}
				appendPython(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(", ");
				}
				first = false;
				appendPython(out, entry.getKey());
				out.append(": ");
				appendPython(out, entry.getValue());
			}
			out.append('}');
		}
		else {
			// Long, BigInteger, Double: Java's text is valid Python ("1.0E20" included)
			out.append(value);
		}
	}

	private static void appendString(StringBuilder out, String text) {
		out.append('\'');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\'' -> out.append("\\'");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\x%02x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('\'');
	}

}
