package io.zenoo.annotation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.zenoo.cache.CacheKeyText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key of an annotated method's entry: the caller's scope (server, database, user), the model, the method (or
 * {@code key} for a key expression, so that methods can share entries), the arguments or the key's value, and the
 * model's generation.
 * <p>
 * The text ({@code res.partner:@PartnerRepository.findByName(String):["Azure"]:g0:<scope digest>}) starts with the
 * model, so the model and pattern invalidations of the fluent API find annotation entries too. Arguments are written
 * as JSON (stable across JVMs, by content); long ones are shortened with a SHA-256 digest of the whole. The scope is
 * a digest: it never shows in Redis.
 */
final class OdooCacheKey implements CacheKeyText {

	private static final int MAX_VALUE_TEXT = 100;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final String scope;

	private final @Nullable String model;

	private final String name;

	private final @Nullable Object value;

	private final long generation;

	private final int hash;

	private volatile @Nullable String text;

	/**
	 * @param scope who asks
	 * @param model the model, or {@code null}
	 * @param name the method's identity, or {@code "key"} for a key expression
	 * @param value the arguments (a list) or the key expression's value
	 * @param generation the model's generation: entries of an older generation are never found again
	 */
	OdooCacheKey(String scope, @Nullable String model, String name, @Nullable Object value, long generation) {
		this.scope = scope;
		this.model = model;
		this.name = name;
		this.value = value;
		this.generation = generation;
		int h = scope.hashCode();
		h = 31 * h + Objects.hashCode(model);
		h = 31 * h + name.hashCode();
		h = 31 * h + Objects.hashCode(value);
		h = 31 * h + Long.hashCode(generation);
		this.hash = h;
	}

	@Override
	public String cacheKeyText() {
		String result = this.text;
		if (result == null) {
			result = ((this.model != null) ? this.model : "_") + ":@" + this.name + ":" + valueText() + ":g"
					+ this.generation + ":" + digest(this.scope).substring(0, 16);
			this.text = result;
		}
		return result;
	}

	private String valueText() {
		String json;
		try {
			json = JSON.writeValueAsString(this.value);
		}
		catch (RuntimeException ex) {
			json = String.valueOf(this.value);
		}
		if (json.length() <= MAX_VALUE_TEXT) {
			return json;
		}
		return json.substring(0, 60) + "~" + digest(json).substring(0, 32);
	}

	private static String digest(String text) {
		try {
			byte[] bytes = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public @Nullable String model() {
		return this.model;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof OdooCacheKey that && this.hash == that.hash && this.generation == that.generation
				&& this.name.equals(that.name) && this.scope.equals(that.scope)
				&& Objects.equals(this.model, that.model) && Objects.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return cacheKeyText();
	}

}
