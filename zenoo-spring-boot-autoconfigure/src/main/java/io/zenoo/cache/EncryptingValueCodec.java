package io.zenoo.cache;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts what another {@link ValueCodec} encodes, with AES-256-GCM. A stored value is
 * <pre>
 * 'Z' 'E' 0x01 | key id length (1 byte) | key id (ASCII) | nonce (12 random bytes) | ciphertext | tag (16 bytes)
 * </pre>
 * The Redis key and the header (marker, version, key id) are authenticated with the value (GCM's additional data), so
 * a value copied under another key, or relabelled with another key id, fails authentication like a tampered one.
 * Decrypting a value that is not in this form, names an unknown key id, or fails authentication throws an
 * {@link UndecryptableValueException}, which the cache treats like any value that does not decode: a miss, deleted and
 * counted.
 */
final class EncryptingValueCodec implements ValueCodec {

	private static final byte[] MARKER = { 'Z', 'E', 0x01 };

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int TAG_BYTES = TAG_BITS / 8;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	/** One cipher per thread: {@code Cipher.getInstance} costs more than encrypting a small value. */
	private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance(TRANSFORMATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(TRANSFORMATION + " is not available in this JVM", ex);
		}
	});

	private final ValueCodec plain;

	private final EncryptionKeys keys;

	private final SecureRandom random = new SecureRandom();

	EncryptingValueCodec(ValueCodec plain, EncryptionKeys keys) {
		this.plain = plain;
		this.keys = keys;
	}

	@Override
	public byte[] encode(Object value) {
		throw new UnsupportedOperationException("Encrypted values are bound to their Redis key: use encode(value, key)");
	}

	@Override
	public Object decode(byte[] bytes, Type type) {
		throw new UnsupportedOperationException("Encrypted values are bound to their Redis key: use decode(bytes, type, key)");
	}

	@Override
	public byte[] encode(Object value, String redisKey) {
		byte[] plaintext = this.plain.encode(value, redisKey);
		byte[] keyId = this.keys.currentIdBytes();
		int headerLength = MARKER.length + 1 + keyId.length;
		byte[] out = new byte[headerLength + NONCE_BYTES + plaintext.length + TAG_BYTES];
		System.arraycopy(MARKER, 0, out, 0, MARKER.length);
		out[MARKER.length] = (byte) keyId.length;
		System.arraycopy(keyId, 0, out, MARKER.length + 1, keyId.length);
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		System.arraycopy(nonce, 0, out, headerLength, NONCE_BYTES);
		try {
			Cipher cipher = CIPHERS.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(out, 0, headerLength);
			cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
			int written = cipher.doFinal(plaintext, 0, plaintext.length, out, headerLength + NONCE_BYTES);
			if (written != plaintext.length + TAG_BYTES) {
				throw new IllegalStateException("AES-GCM wrote " + written + " bytes instead of "
						+ (plaintext.length + TAG_BYTES));
			}
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a value with key id '" + this.keys.currentKeyId()
					+ "': " + ex.getClass().getSimpleName(), null);
		}
	}

	@Override
	public Object decode(byte[] bytes, Type type, String redisKey) {
		if (bytes.length < MARKER.length + 1 || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]
				|| bytes[2] != MARKER[2]) {
			throw new UndecryptableValueException("the value is not encrypted in Zenoo's format");
		}
		int keyIdLength = bytes[MARKER.length] & 0xFF;
		int headerLength = MARKER.length + 1 + keyIdLength;
		if (keyIdLength == 0 || bytes.length < headerLength + NONCE_BYTES + TAG_BYTES) {
			throw new UndecryptableValueException("the encrypted value is truncated");
		}
		String keyId = new String(bytes, MARKER.length + 1, keyIdLength, StandardCharsets.US_ASCII);
		SecretKey key = this.keys.byId(keyId);
		if (key == null) {
			throw new UndecryptableValueException("the value was encrypted with key id '" + printable(keyId)
					+ "', which is neither the current key nor a previous one");
		}
		byte[] plaintext;
		try {
			Cipher cipher = CIPHERS.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, headerLength, NONCE_BYTES));
			cipher.updateAAD(bytes, 0, headerLength);
			cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
			int offset = headerLength + NONCE_BYTES;
			plaintext = cipher.doFinal(bytes, offset, bytes.length - offset);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableValueException("the value under this key failed authentication with key id '"
					+ keyId + "' (tampered, truncated, or copied from another key)");
		}
		return this.plain.decode(plaintext, type, redisKey);
	}

	private static String printable(String keyId) {
		return keyId.replaceAll("[^A-Za-z0-9._-]", "?");
	}

	@Override
	public String toString() {
		return "EncryptingValueCodec[" + this.plain.getClass().getSimpleName() + ", " + this.keys + "]";
	}

	/** A stored value that cannot be decrypted: a miss for the cache, never an error for its caller. */
	static final class UndecryptableValueException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UndecryptableValueException(String message) {
			super(message, null, false, false);
		}

	}

}
