package io.zenoo.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zenoo.cache.CacheKeyText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache key of a piece of metadata: {@code zenoo.metadata:<kind>:<scope digest>[:<model>:<details digest>]}.
 * <p>
 * The scope is the server for the version, the server, database and user for everything else: field definitions and
 * the context depend on the user's groups and language. Scopes and details go into the key as 128-bit SHA-256 digests,
 * so that the text is short, shows no login, and two scopes cannot collide on a shared Redis. Metadata keys belong to
 * no model ({@link #model()} is {@code null}): record writes and model invalidation leave them alone.
 */
final class MetadataKey implements CacheKeyText {

	static final String PREFIX = "zenoo.metadata:";

	private final String text;

	private MetadataKey(String text) {
		this.text = text;
	}

	static MetadataKey version(String serverDigest) {
		return new MetadataKey(PREFIX + "version:" + serverDigest);
	}

	static MetadataKey userContext(String userDigest) {
		return new MetadataKey(PREFIX + "context:" + userDigest);
	}

	/**
	 * @param allFields the fields asked for ({@code allfields}), or {@code null} for all
	 * @param attributes the attributes asked for, empty for all
	 * @param context the query's context (the language changes labels)
	 * @param customKey a key named with {@code cacheKey(..)}, which replaces the query-derived details
	 */
	static MetadataKey fieldsGet(String userDigest, String model, @Nullable List<String> allFields,
			List<String> attributes, Map<String, Object> context, @Nullable String customKey) {
		String details = JsonMapper.shared()
			.writeValueAsString(Arrays.asList(customKey, allFields, attributes, new TreeMap<>(context)));
		return new MetadataKey(fieldsGetPrefix(userDigest) + model + ":" + digest(details));
	}

	/** The start of every {@code fields_get} key of one user, for a glob that drops them all. */
	static String fieldsGetPrefix(String userDigest) {
		return PREFIX + "fields_get:" + userDigest + ":";
	}

	/** A 128-bit SHA-256 digest in hex. */
	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	@Override
	public String cacheKeyText() {
		return this.text;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof MetadataKey that && this.text.equals(that.text);
	}

	@Override
	public int hashCode() {
		return this.text.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
