package io.zenoo.cache;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which entries a pattern or model invalidation removes: keys whose text ({@link CacheKeyText#cacheKeyText()}, else
 * {@code String.valueOf(key)}) matches a Redis-style glob ({@code *}, {@code ?}, {@code [abc]}, {@code \} escapes),
 * and/or keys of one Odoo model ({@link CacheKeyText#model()}).
 * @param glob the glob on the key text, or {@code null} for any
 * @param model the model, or {@code null} for any
 */
record KeyFilter(@Nullable String glob, @Nullable String model) {

	KeyFilter {
		if (glob == null && model == null) {
			throw new IllegalArgumentException("a key filter needs a pattern or a model");
		}
		if (glob != null && glob.isBlank()) {
			throw new IllegalArgumentException("pattern must not be blank");
		}
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
	}

	boolean matches(Object key) {
		if (this.model != null && !this.model.equals((key instanceof CacheKeyText text) ? text.model() : null)) {
			return false;
		}
		return this.glob == null || matchesText(textOf(key));
	}

	boolean matchesText(String text) {
		return this.glob == null || toRegex(this.glob).matcher(text).matches();
	}

	static String textOf(Object key) {
		return (key instanceof CacheKeyText text) ? text.cacheKeyText() : String.valueOf(key);
	}

	/** The Redis {@code SCAN MATCH} pattern of this filter under a key prefix. */
	String redisPattern(String keyPrefix) {
		String escapedPrefix = RedisZenooCache.escapeGlob(keyPrefix);
		if (this.model != null) {
			// a model's query keys start with "<model>:"; a pattern, if any, is checked on the text afterwards
			return escapedPrefix + RedisZenooCache.escapeGlob(this.model) + ":*";
		}
		return escapedPrefix + this.glob;
	}

	static Pattern toRegex(String glob) {
		StringBuilder regex = new StringBuilder(glob.length() + 16);
		boolean inClass = false;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (c == '\\' && i + 1 < glob.length()) {
				regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
			}
			else if (inClass) {
				if (c == ']') {
					inClass = false;
					regex.append(']');
				}
				else if (c == '^' || c == '[' || c == '&' || c == '\\') {
					regex.append('\\').append(c);
				}
				else {
					regex.append(c);
				}
			}
			else if (c == '*') {
				regex.append(".*");
			}
			else if (c == '?') {
				regex.append('.');
			}
			else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
				inClass = true;
				regex.append('[');
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

}
