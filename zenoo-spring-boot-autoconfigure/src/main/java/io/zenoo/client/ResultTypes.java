package io.zenoo.client;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import io.zenoo.client.model.Many2One;

import org.springframework.core.ResolvableType;

/**
 * The generic types of cached results, which a Redis cache decodes into (type information always comes from the
 * query, never from the stored bytes).
 */
final class ResultTypes {

	static final Type LIST_OF_LONG = ResolvableType.forClassWithGenerics(List.class, Long.class).getType();

	static final Type LIST_OF_MANY2ONE = ResolvableType.forClassWithGenerics(List.class, Many2One.class).getType();

	static final ResolvableType MAP_OF_OBJECTS = ResolvableType.forClassWithGenerics(Map.class, String.class,
			Object.class);

	static final Type LIST_OF_MAPS = ResolvableType.forClassWithGenerics(List.class, MAP_OF_OBJECTS).getType();

	static final Type FIELDS = ResolvableType
		.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class), MAP_OF_OBJECTS)
		.getType();

	private ResultTypes() {
	}

	static Type listOf(Class<?> elementType) {
		return ResolvableType.forClassWithGenerics(List.class, elementType).getType();
	}

}
