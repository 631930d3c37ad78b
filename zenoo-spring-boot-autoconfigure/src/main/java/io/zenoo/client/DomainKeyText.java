package io.zenoo.client;

import java.util.List;

import io.zenoo.client.domain.Domain;

/**
 * The readable form of a domain inside a cache key, matching the Python client's invalidation patterns: terms as
 * {@code field<op>value} with Python literals ({@code is_company=True}), joined by {@code ,}, prefix operators kept
 * ({@code |,name=A,name=B}); the empty domain is {@code all}.
 */
final class DomainKeyText {

	private DomainKeyText() {
	}

	static String render(Domain domain) {
		List<Object> literal = domain.toList();
		if (literal.isEmpty()) {
			return "all";
		}
		StringBuilder text = new StringBuilder();
		for (Object element : literal) {
			if (text.length() > 0) {
				text.append(',');
			}
			if (element instanceof List<?> term && term.size() == 3) {
				text.append(term.get(0));
				String operator = String.valueOf(term.get(1));
				boolean word = Character.isLetter(operator.charAt(0));
				text.append(word ? " " + operator + " " : operator);
				appendValue(text, term.get(2));
			}
			else {
				text.append(element);
			}
		}
		return text.toString();
	}

	private static void appendValue(StringBuilder text, Object value) {
		if (value instanceof Boolean bool) {
			text.append(bool ? "True" : "False");
		}
		else if (value == null) {
			text.append("None");
		}
		else if (value instanceof List<?> list) {
			text.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					text.append(',');
				}
				Object item = list.get(i);
				if (item instanceof List<?> nested && nested.size() == 3 && nested.get(0) instanceof String) {
					text.append(nested.get(0)).append(nested.get(1));
					appendValue(text, nested.get(2));
				}
				else {
					appendValue(text, item);
				}
			}
			text.append(']');
		}
		else {
			text.append(value);
		}
	}

}
