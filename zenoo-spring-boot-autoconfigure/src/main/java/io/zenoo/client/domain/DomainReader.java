package io.zenoo.client.domain;

import java.util.List;

import io.zenoo.client.mapping.OdooMappingException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a domain in Odoo's list form ({@code ['|', [f, op, v], [f, op, v]]}, terms as lists or tuples) into a
 * {@link DomainNode}, validating it. Elements side by side are ANDed, as Odoo does.
 */
final class DomainReader {

	private final List<?> items;

	private int index;

	private DomainReader(List<?> items) {
		this.items = items;
	}

	static DomainNode read(List<?> items) {
		if (items == null) {
			throw new DomainSyntaxException("A domain list must not be null");
		}
		DomainReader reader = new DomainReader(items);
		DomainNode result = DomainNode.TRUE;
		while (reader.index < items.size()) {
			result = DomainNode.and(result, reader.expression());
		}
		return result;
	}

	private DomainNode expression() {
		int at = this.index;
		Object item = this.items.get(this.index++);
		if (item instanceof String operator) {
			return switch (operator) {
				case Operators.AND -> DomainNode.and(operand(operator, at, 0, 2), operand(operator, at, 1, 2));
				case Operators.OR -> DomainNode.or(operand(operator, at, 0, 2), operand(operator, at, 1, 2));
				case Operators.NOT -> DomainNode.not(operand(operator, at, 0, 1));
				default -> throw error("unexpected string '" + operator + "' " + where(at)
						+ ": expected '&', '|', '!' or a (field, operator, value) term", at);
			};
		}
		if (item instanceof List<?> term) {
			return term(term, at);
		}
		throw error("unexpected " + describe(item) + " " + where(at)
				+ ": expected '&', '|', '!' or a (field, operator, value) term", at);
	}

	private DomainNode operand(String operator, int operatorIndex, int found, int expected) {
		if (this.index >= this.items.size()) {
			throw error("operator '" + operator + "' " + where(operatorIndex) + " needs " + expected
					+ " operand" + ((expected > 1) ? "s" : "") + ", found " + found, operatorIndex);
		}
		return expression();
	}

	private DomainNode term(List<?> term, int at) {
		if (term.size() != 3) {
			throw error("a term must have 3 elements (field, operator, value), found " + term.size() + " "
					+ where(at), at);
		}
		Object path = term.get(0);
		Object operatorValue = term.get(1);
		Object value = term.get(2);
		if (!(operatorValue instanceof String operatorText)) {
			throw error("the operator of the term " + where(at) + " must be a string, got " + describe(operatorValue),
					at);
		}
		String operator = Operators.canonical(operatorText);
		if (operator == null) {
			throw error("unknown operator '" + operatorText + "' " + where(at), at);
		}
		if (path instanceof Number number && !(path instanceof Double)) {
			return constant(number, operator, value, at);
		}
		if (!(path instanceof String field)) {
			throw error("the field path of the term " + where(at) + " must be a string, got " + describe(path), at);
		}
		Object resolved = termValue(operator, value, at);
		try {
			return Terms.term(field, operator, resolved);
		}
		catch (DomainSyntaxException ex) {
			throw error(ex.getMessage() + " " + where(at), at);
		}
		catch (OdooMappingException ex) {
			throw error("invalid value " + where(at) + ": " + ex.getMessage(), at);
		}
	}

	private @Nullable Object termValue(String operator, @Nullable Object value, int at) {
		if (!Operators.takesDomain(operator)) {
			return value;
		}
		if (!(value instanceof List<?> list)) {
			throw error("operator '" + operator + "' " + where(at) + " needs a sub-domain list, got "
					+ describe(value), at);
		}
		try {
			return new Domain(read(list));
		}
		catch (DomainSyntaxException ex) {
			int position = (list instanceof ParsedList) ? ex.position() : at;
			throw new DomainSyntaxException("Invalid domain: in the sub-domain of '" + operator + "' " + where(at)
					+ ": " + ex.getMessage().replaceFirst("^Invalid domain: ", ""), position);
		}
	}

	private DomainNode constant(Number path, String operator, @Nullable Object value, int at) {
		boolean one = value instanceof Number number && !(value instanceof Double) && number.longValue() == 1;
		if (operator.equals("=") && one && (path.longValue() == 1 || path.longValue() == 0)) {
			return (path.longValue() == 1) ? DomainNode.TRUE : DomainNode.FALSE;
		}
		throw error("the field path of the term " + where(at) + " must be a string; only (1, '=', 1) and "
				+ "(0, '=', 1) may use numbers", at);
	}

	private String where(int at) {
		return (this.items instanceof ParsedList parsed) ? "at position " + parsed.position(at) : "at element " + at;
	}

	private DomainSyntaxException error(String message, int at) {
		int position = (this.items instanceof ParsedList parsed) ? parsed.position(at) : at;
		return new DomainSyntaxException("Invalid domain: " + message, position);
	}

	static String describe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String text) {
			return "the string '" + text + "'";
		}
		if (value instanceof List<?>) {
			return "a list";
		}
		return "a " + value.getClass().getSimpleName();
	}

}
