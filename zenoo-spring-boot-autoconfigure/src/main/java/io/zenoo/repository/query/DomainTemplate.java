package io.zenoo.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zenoo.client.domain.Domain;

/**
 * An {@code @OdooQuery} domain with positional parameters ({@code ?0}, {@code ?1}, ...), parsed once at startup.
 * Each {@code ?n} outside a string literal is parsed as a marker value; binding replaces the markers in the parsed
 * list form with the arguments, so arguments are never spliced into text (a quote in an argument cannot change the
 * domain).
 */
final class DomainTemplate {

	private static final String MARKER = "\u0000zenoo-parameter-";

	private final List<Object> parsed;

	private final int parameterCount;

	private DomainTemplate(List<Object> parsed, int parameterCount) {
		this.parsed = parsed;
		this.parameterCount = parameterCount;
	}

	/**
	 * Parses a domain literal with placeholders.
	 * @param literal the literal
	 * @return the template
	 * @throws IllegalArgumentException if the literal does not parse or its placeholders skip an index
	 */
	static DomainTemplate parse(String literal) {
		StringBuilder text = new StringBuilder(literal.length() + 32);
		Map<Integer, Boolean> used = new TreeMap<>();
		char quote = 0;
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (quote != 0) {
				text.append(c);
				if (c == '\\' && i + 1 < literal.length()) {
					text.append(literal.charAt(++i));
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				text.append(c);
			}
			else if (c == '?' && i + 1 < literal.length() && Character.isDigit(literal.charAt(i + 1))) {
				int end = i + 1;
				while (end < literal.length() && Character.isDigit(literal.charAt(end))) {
					end++;
				}
				int index = Integer.parseInt(literal.substring(i + 1, end));
				used.put(index, true);
				// a one-element list parses wherever a value may stand, including after 'in'
				text.append("['").append(MARKER).append(index).append("']");
				i = end - 1;
			}
			else {
				text.append(c);
			}
		}
		int count = used.isEmpty() ? 0 : ((TreeMap<Integer, Boolean>) used).lastKey() + 1;
		if (used.size() != count) {
			throw new IllegalArgumentException("the placeholders " + used.keySet() + " skip an index: use ?0 to ?"
					+ (count - 1) + " each at least once");
		}
		return new DomainTemplate(Domain.parse(text.toString()).toList(), count);
	}

	int parameterCount() {
		return this.parameterCount;
	}

	/**
	 * The domain with the arguments in place of the placeholders.
	 * @param arguments the bindable arguments, in order
	 * @return the domain
	 */
	Domain bind(Object[] arguments) {
		if (this.parameterCount == 0) {
			return Domain.of(this.parsed);
		}
		return Domain.of(bindList(this.parsed, arguments));
	}

	private static List<Object> bindList(List<?> list, Object[] arguments) {
		List<Object> result = new ArrayList<>(list.size());
		for (Object item : list) {
			result.add(bindValue(item, arguments));
		}
		return result;
	}

	private static Object bindValue(Object item, Object[] arguments) {
		if (item instanceof List<?> list) {
			if (list.size() == 1 && list.get(0) instanceof String text && text.startsWith(MARKER)) {
				return arguments[Integer.parseInt(text.substring(MARKER.length()))];
			}
			return bindList(list, arguments);
		}
		return item;
	}

}
