package io.zenoo.client.domain;

/**
 * Escapes text for SQL LIKE patterns as PostgreSQL reads them (backslash is the default escape character).
 */
final class LikePatterns {

	private LikePatterns() {
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '%' || c == '_') {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

}
