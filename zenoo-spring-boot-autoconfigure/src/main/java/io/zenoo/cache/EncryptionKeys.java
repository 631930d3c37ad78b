package io.zenoo.cache;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The AES-256 keys of a Redis cache whose values are encrypted: the current key, which encrypts every value written,
 * and previous keys, which still decrypt values written before a rotation. Each key has an id, stored with every
 * value so that the value is decrypted with the key that encrypted it.
 * <p>
 * {@link #toString()} shows the key ids only; the key bytes never leave this object except into a {@code Cipher}.
 */
public final class EncryptionKeys {

	/** Bytes of an AES-256 key. */
	static final int KEY_BYTES = 32;

	/** Key ids: 1 to 64 characters among letters, digits, '.', '_' and '-'. */
	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final String currentId;

	private final byte[] currentIdBytes;

	private final SecretKey current;

	private final Map<String, SecretKey> byId;

	private EncryptionKeys(String currentId, SecretKey current, Map<String, SecretKey> byId) {
		this.currentId = currentId;
		this.currentIdBytes = currentId.getBytes(StandardCharsets.US_ASCII);
		this.current = current;
		this.byId = byId;
	}

	/**
	 * Checks and decodes the keys.
	 * @param keyId the id of the current key, stored with every value it encrypts
	 * @param base64Key the current key: 32 random bytes in base64 (for example {@code openssl rand -base64 32})
	 * @param previousKeys older keys by id, base64 too, that still decrypt values written before a rotation; may be
	 * {@code null}
	 * @return the keys
	 * @throws InvalidCacheSpecException naming the setting ({@code encryption.key}, {@code encryption.key-id} or
	 * {@code encryption.previous-keys.<id>}) if one is missing or malformed; the message never contains a key
	 */
	public static EncryptionKeys of(@Nullable String keyId, @Nullable String base64Key,
			@Nullable Map<String, String> previousKeys) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new InvalidCacheSpecException("encryption.key", "is not set",
					"Set a base64 AES-256 key, for example the output of 'openssl rand -base64 32'.");
		}
		checkId(keyId, "encryption.key-id");
		Map<String, SecretKey> byId = new LinkedHashMap<>();
		SecretKey current = decode(base64Key, "encryption.key");
		byId.put(keyId, current);
		if (previousKeys != null) {
			for (Map.Entry<String, String> previous : previousKeys.entrySet()) {
				String id = previous.getKey();
				String setting = "encryption.previous-keys." + id;
				checkId(id, setting);
				if (id.equals(keyId)) {
					throw new InvalidCacheSpecException(setting, "has the id of the current key",
							"Give every key its own id; the current key needs no entry among the previous keys.");
				}
				if (previous.getValue() == null || previous.getValue().isBlank()) {
					throw new InvalidCacheSpecException(setting, "is empty",
							"Set the base64 key that had this id, or remove the entry.");
				}
				byId.put(id, decode(previous.getValue(), setting));
			}
		}
		return new EncryptionKeys(keyId, current, Collections.unmodifiableMap(byId));
	}

	private static void checkId(@Nullable String id, String setting) {
		if (id == null || id.isBlank()) {
			throw new InvalidCacheSpecException(setting, "is missing",
					"Name the key with a short id such as 2026-11 (stored with every value, so keys can rotate).");
		}
		if (!KEY_ID.matcher(id).matches()) {
			throw new InvalidCacheSpecException(setting, "is '" + id + "', which is not a valid key id",
					"Use 1 to 64 letters, digits, '.', '_' or '-'.");
		}
	}

	private static SecretKey decode(String base64, String setting) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCacheSpecException(setting, "is not valid base64",
					"Set 32 random bytes in base64, for example the output of 'openssl rand -base64 32'.");
		}
		try {
			if (bytes.length != KEY_BYTES) {
				throw new InvalidCacheSpecException(setting,
						"decodes to " + bytes.length + " bytes, but an AES-256 key has " + KEY_BYTES,
						"Set 32 random bytes in base64, for example the output of 'openssl rand -base64 32'.");
			}
			return new SecretKeySpec(bytes, "AES");
		}
		finally {
			java.util.Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * The id of the key that encrypts new values.
	 * @return the current key id
	 */
	public String currentKeyId() {
		return this.currentId;
	}

	/**
	 * The ids of every key that can decrypt: the current one first, then the previous ones.
	 * @return the key ids
	 */
	public Set<String> keyIds() {
		return this.byId.keySet();
	}

	SecretKey current() {
		return this.current;
	}

	byte[] currentIdBytes() {
		return this.currentIdBytes;
	}

	@Nullable SecretKey byId(String id) {
		return this.byId.get(id);
	}

	@Override
	public String toString() {
		return "EncryptionKeys[current=" + this.currentId + ", keyIds=" + this.byId.keySet() + "]";
	}

}
