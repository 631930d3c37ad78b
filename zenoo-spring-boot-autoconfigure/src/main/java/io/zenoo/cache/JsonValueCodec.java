package io.zenoo.cache;

import java.lang.reflect.Type;

import tools.jackson.databind.json.JsonMapper;

/**
 * UTF-8 JSON through Jackson, without any type information in the payload.
 */
final class JsonValueCodec implements ValueCodec {

	private final JsonMapper mapper;

	JsonValueCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public byte[] encode(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	@Override
	public Object decode(byte[] bytes, Type type) {
		return this.mapper.readValue(bytes, this.mapper.getTypeFactory().constructType(type));
	}

}
