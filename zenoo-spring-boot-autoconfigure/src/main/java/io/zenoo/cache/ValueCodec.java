package io.zenoo.cache;

import java.lang.reflect.Type;

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

	static ValueCodec of(CacheSerializer serializer, tools.jackson.databind.json.JsonMapper mapper) {
		return switch (serializer) {
			case JSON -> new JsonValueCodec(mapper);
			case MSGPACK -> new MsgpackValueCodec(mapper);
		};
	}

}
