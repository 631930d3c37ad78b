package io.zenoo.cache;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * Turns values into bytes and back. The target type always comes from the caller, never from the bytes.
 */
interface ValueCodec {

	/**
	 * Encode a value.
	 * @throws RuntimeException if the value cannot be encoded
	 */
	byte[] encode(Object value);

	/**
	 * Decode bytes into the given type ({@code Object} gives the generic form: Map, List, String, Number, Boolean).
	 * @throws RuntimeException if the bytes are not a valid encoding of that type
	 */
	Object decode(byte[] bytes, Type type);

	/**
	 * Encode a value to be stored under a Redis key. Codecs that bind the value to its key (encryption) override it.
	 * @throws RuntimeException if the value cannot be encoded
	 */
	default byte[] encode(Object value, String redisKey) {
		return encode(value);
	}

	/**
	 * Decode bytes read from under a Redis key.
	 * @throws RuntimeException if the bytes are not a valid encoding of that type for that key
	 */
	default Object decode(byte[] bytes, Type type, String redisKey) {
		return decode(bytes, type);
	}

	static ValueCodec of(CacheSerializer serializer, tools.jackson.databind.json.JsonMapper mapper) {
		return switch (serializer) {
			case JSON -> new JsonValueCodec(mapper);
			case MSGPACK -> new MsgpackValueCodec(mapper);
		};
	}

	/** The serializer's codec, encrypting when there are keys. */
	static ValueCodec of(CacheSerializer serializer, tools.jackson.databind.json.JsonMapper mapper,
			@Nullable EncryptionKeys encryption) {
		ValueCodec plain = of(serializer, mapper);
		return (encryption != null) ? new EncryptingValueCodec(plain, encryption) : plain;
	}

}
