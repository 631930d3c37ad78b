package io.zenoo.client.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads a domain literal as Odoo users write it, in Python ({@code [('a', '=', True), '|', ...]}, tuples, single or
 * double quotes, {@code True}/{@code False}/{@code None}) or in JSON ({@code true}/{@code false}/{@code null}).
 * Integers read as {@link Long} (or {@link BigInteger}), decimals as {@link BigDecimal}. Python expressions
 * ({@code uid}, {@code context_today()}, {@code ref(...)}) are not evaluated: they are syntax errors.
 */
final class DomainParser {

	private static final int MAX_DEPTH = 64;

	private final String text;

	private int pos;

	private int depth;

	private DomainParser(String text) {
		this.text = text;
	}

	static ParsedList parse(String literal) {
		if (literal == null) {
			throw new DomainSyntaxException("A domain literal must not be null");
		}
		DomainParser parser = new DomainParser(literal);
		parser.skipWhitespace();
		if (parser.pos >= literal.length()) {
			throw new DomainSyntaxException("A domain literal must not be blank: use [] for a domain matching all", 0);
		}
		if (parser.peek() != '[') {
			throw parser.error("a domain must be a list starting with '['");
		}
		ParsedList result = (ParsedList) parser.value();
		parser.skipWhitespace();
		if (parser.pos < literal.length()) {
			throw parser.error("unexpected text after the end of the domain");
		}
		return result;
	}

	private @Nullable Object value() {
		skipWhitespace();
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of the literal: expected a value");
		}
		char c = peek();
		switch (c) {
			case '[':
				return sequence(']');
			case '(':
				return sequence(')');
			case '{':
				return dict();
			case '\'':
			case '"':
				return string();
			default:
				break;
		}
		if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
			return number();
		}
		if ((c == 'u' || c == 'U') && this.pos + 1 < this.text.length()
				&& (this.text.charAt(this.pos + 1) == '\'' || this.text.charAt(this.pos + 1) == '"')) {
			this.pos++;
			return string();
		}
		if (Character.isLetter(c) || c == '_') {
			return name();
		}
		throw error("unexpected character '" + c + "'");
	}

	private Object sequence(char close) {
		int start = this.pos;
		if (++this.depth > MAX_DEPTH) {
			throw error("the literal nests more than " + MAX_DEPTH + " levels");
		}
		this.pos++;
		List<@Nullable Object> elements = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		boolean trailingComma = false;
		while (true) {
			skipWhitespace();
			if (this.pos < this.text.length() && peek() == close) {
				this.pos++;
				break;
			}
			if (!elements.isEmpty()) {
				expect(',', close);
				trailingComma = true;
				skipWhitespace();
				if (this.pos < this.text.length() && peek() == close) {
					this.pos++;
					break;
				}
			}
			trailingComma = false;
			skipWhitespace();
			positions.add(this.pos);
			elements.add(value());
		}
		this.depth--;
		if (close == ')' && elements.size() == 1 && !trailingComma) {
			// (x) is x in Python; only (x,) is a tuple
			return elements.get(0);
		}
		int[] offsets = positions.stream().mapToInt(Integer::intValue).toArray();
		return new ParsedList(elements, offsets, start);
	}

	private Map<String, @Nullable Object> dict() {
		if (++this.depth > MAX_DEPTH) {
			throw error("the literal nests more than " + MAX_DEPTH + " levels");
		}
		this.pos++;
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		while (true) {
			skipWhitespace();
			if (this.pos < this.text.length() && peek() == '}') {
				this.pos++;
				break;
			}
			if (!map.isEmpty()) {
				expect(',', '}');
				skipWhitespace();
				if (this.pos < this.text.length() && peek() == '}') {
					this.pos++;
					break;
				}
			}
			int keyAt = this.pos;
			if (!(value() instanceof String key)) {
				this.pos = keyAt;
				throw error("a dictionary key must be a string");
			}
			skipWhitespace();
			expect(':', '}');
			map.put(key, value());
		}
		this.depth--;
		return map;
	}

	private void expect(char expected, char close) {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of the literal: expected '" + expected + "' or '" + close + "'");
		}
		if (peek() != expected) {
			throw error("expected '" + expected + "' or '" + close + "' but found '" + peek() + "'");
		}
		this.pos++;
	}

	private String string() {
		char quote = peek();
		int start = this.pos++;
		StringBuilder out = new StringBuilder();
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos++);
			if (c == quote) {
				return out.toString();
			}
			if (c == '\n') {
				break;
			}
			if (c == '\\') {
				escape(out);
			}
			else {
				out.append(c);
			}
		}
		this.pos = start;
		throw error("unterminated string");
	}

	private void escape(StringBuilder out) {
		if (this.pos >= this.text.length()) {
			return;
		}
		char c = this.text.charAt(this.pos++);
		switch (c) {
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case '0' -> out.append('\0');
			case '\\', '\'', '"', '/' -> out.append(c);
			case 'x' -> out.append((char) hex(2));
			case 'u' -> out.append((char) hex(4));
			case 'U' -> out.appendCodePoint(hex(8));
			default -> out.append('\\').append(c);
		}
	}

	private int hex(int digits) {
		int start = this.pos - 2;
		if (this.pos + digits > this.text.length()) {
			this.pos = start;
			throw error("truncated escape sequence");
		}
		try {
			int value = Integer.parseInt(this.text.substring(this.pos, this.pos + digits), 16);
			if (!Character.isValidCodePoint(value)) {
				throw new NumberFormatException();
			}
			this.pos += digits;
			return value;
		}
		catch (NumberFormatException ex) {
			this.pos = start;
			throw error("invalid escape sequence");
		}
	}

	private Object number() {
		int start = this.pos;
		if (peek() == '-' || peek() == '+') {
			this.pos++;
		}
		boolean decimal = false;
		while (this.pos < this.text.length()) {
			char c = peek();
			if (c >= '0' && c <= '9' || c == '_') {
				this.pos++;
			}
			else if (c == '.' || c == 'e' || c == 'E'
					|| ((c == '-' || c == '+') && (this.text.charAt(this.pos - 1) | 0x20) == 'e')) {
				decimal = true;
				this.pos++;
			}
			else {
				break;
			}
		}
		String token = this.text.substring(start, this.pos).replace("_", "");
		try {
			if (decimal) {
				return DomainValues.canonicalDecimal(new BigDecimal(token));
			}
			BigInteger integer = new BigInteger(token);
			return (integer.bitLength() < 64) ? (Object) integer.longValue() : integer;
		}
		catch (NumberFormatException ex) {
			this.pos = start;
			throw error("invalid number '" + token + "'");
		}
	}

	private @Nullable Object name() {
		int start = this.pos;
		while (this.pos < this.text.length()
				&& (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.')) {
			this.pos++;
		}
		String name = this.text.substring(start, this.pos);
		switch (name) {
			case "True", "true":
				return Boolean.TRUE;
			case "False", "false":
				return Boolean.FALSE;
			case "None", "null":
				return null;
			default:
				this.pos = start;
				throw error("'" + name + "' is not a literal value: Python expressions (uid, context_today(), "
						+ "ref(...)) are not evaluated, pass their values instead");
		}
	}

	private char peek() {
		return this.text.charAt(this.pos);
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private DomainSyntaxException error(String problem) {
		int at = Math.min(this.pos, this.text.length());
		int from = Math.max(0, at - 20);
		int to = Math.min(this.text.length(), at + 20);
		String near = ((from > 0) ? "..." : "") + this.text.substring(from, to)
				+ ((to < this.text.length()) ? "..." : "");
		return new DomainSyntaxException("Invalid domain literal at position " + at + ": " + problem + " (near: "
				+ near + ")", at);
	}

}
