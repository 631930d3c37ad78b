package io.zenoo.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Map;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * MessagePack through msgpack-core: a value becomes a Jackson tree, the tree becomes MessagePack (and back). There is
 * no Jackson 3 MessagePack data format, hence the tree. Decimals are written as strings (MessagePack has no decimal
 * type); Jackson reads them back into {@code BigDecimal} fields.
 */
final class MsgpackValueCodec implements ValueCodec {

	private static final int MAX_DEPTH = 500;

	private final JsonMapper mapper;

	MsgpackValueCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public byte[] encode(Object value) {
		JsonNode tree = this.mapper.valueToTree(value);
		try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
			write(tree, packer);
			return packer.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Object decode(byte[] bytes, Type type) {
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
			JsonNode tree = read(unpacker, 0);
			if (unpacker.hasNext()) {
				throw new IllegalArgumentException("Trailing bytes after a MessagePack value");
			}
			return this.mapper.treeToValue(tree, this.mapper.getTypeFactory().constructType(type));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(JsonNode node, MessageBufferPacker packer) throws IOException {
		switch (node.getNodeType()) {
			case OBJECT -> {
				packer.packMapHeader(node.size());
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					packer.packString(property.getKey());
					write(property.getValue(), packer);
				}
			}
			case ARRAY -> {
				packer.packArrayHeader(node.size());
				for (JsonNode element : node.values()) {
					write(element, packer);
				}
			}
			case STRING -> packer.packString(node.stringValue());
			case BOOLEAN -> packer.packBoolean(node.booleanValue());
			case BINARY -> {
				byte[] data = node.binaryValue();
				packer.packBinaryHeader(data.length);
				packer.writePayload(data);
			}
			case NUMBER -> writeNumber(node, packer);
			case POJO -> write(this.mapper.valueToTree(node), packer);
			default -> packer.packNil();
		}
	}

	private void writeNumber(JsonNode node, MessageBufferPacker packer) throws IOException {
		if (node.isBigDecimal()) {
			packer.packString(node.decimalValue().toString());
		}
		else if (node.isIntegralNumber()) {
			if (node.canConvertToLong()) {
				packer.packLong(node.longValue());
			}
			else {
				packer.packBigInteger(node.bigIntegerValue());
			}
		}
		else if (node.isFloat()) {
			packer.packFloat(node.floatValue());
		}
		else {
			packer.packDouble(node.doubleValue());
		}
	}

	/** Integers come back as the smallest of int, long and BigInteger, as Jackson reads JSON numbers. */
	private static JsonNode readInteger(MessageUnpacker unpacker, MessageFormat format, JsonNodeFactory nodes)
			throws IOException {
		if (format == MessageFormat.UINT64) {
			BigInteger value = unpacker.unpackBigInteger();
			if (value.bitLength() >= 64) {
				return nodes.numberNode(value);
			}
			return nodes.numberNode(value.longValue());
		}
		long value = unpacker.unpackLong();
		return (value == (int) value) ? nodes.numberNode((int) value) : nodes.numberNode(value);
	}

	private JsonNode read(MessageUnpacker unpacker, int depth) throws IOException {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("MessagePack value nested deeper than " + MAX_DEPTH);
		}
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		MessageFormat format = unpacker.getNextFormat();
		ValueType valueType = format.getValueType();
		switch (valueType) {
			case NIL:
				unpacker.unpackNil();
				return nodes.nullNode();
			case BOOLEAN:
				return nodes.booleanNode(unpacker.unpackBoolean());
			case INTEGER:
				return readInteger(unpacker, format, nodes);
			case FLOAT:
				return nodes.numberNode(unpacker.unpackDouble());
			case STRING:
				return nodes.stringNode(unpacker.unpackString());
			case BINARY:
				return nodes.binaryNode(unpacker.readPayload(unpacker.unpackBinaryHeader()));
			case ARRAY: {
				int size = unpacker.unpackArrayHeader();
				ArrayNode array = nodes.arrayNode(Math.min(size, 1024));
				for (int i = 0; i < size; i++) {
					array.add(read(unpacker, depth + 1));
				}
				return array;
			}
			case MAP: {
				int size = unpacker.unpackMapHeader();
				ObjectNode object = nodes.objectNode();
				for (int i = 0; i < size; i++) {
					JsonNode key = read(unpacker, depth + 1);
					object.set(key.isString() ? key.stringValue() : key.toString(), read(unpacker, depth + 1));
				}
				return object;
			}
			default:
				throw new IllegalArgumentException("Unsupported MessagePack value type " + valueType);
		}
	}

}
