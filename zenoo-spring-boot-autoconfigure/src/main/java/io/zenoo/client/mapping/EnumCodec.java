package io.zenoo.client.mapping;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.zenoo.client.model.OdooValue;
import org.jspecify.annotations.Nullable;

/**
 * The Odoo selection keys of one enum type: {@link OdooValue} when present, else the constant's name.
 */
final class EnumCodec {

	private static final ClassValue<EnumCodec> CODECS = new ClassValue<>() {
		@Override
		protected EnumCodec computeValue(Class<?> type) {
			return new EnumCodec(type);
		}
	};

	private final Class<?> type;

	private final Map<Enum<?>, String> keys = new HashMap<>();

	private final Map<String, Enum<?>> byKey = new HashMap<>();

	private final Map<String, Enum<?>> byLowerCaseName = new HashMap<>();

	private EnumCodec(Class<?> type) {
		this.type = type;
		for (Object constant : type.getEnumConstants()) {
			Enum<?> e = (Enum<?>) constant;
			String key = e.name();
			try {
				Field field = type.getField(e.name());
				OdooValue annotation = field.getAnnotation(OdooValue.class);
				if (annotation != null) {
					key = annotation.value();
				}
			}
			catch (NoSuchFieldException ex) {
				// cannot happen for an enum constant; the name is the key
			}
			this.keys.put(e, key);
			this.byKey.put(key, e);
			this.byLowerCaseName.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
		}
	}

	static EnumCodec of(Class<?> enumType) {
		Class<?> type = enumType.isEnum() ? enumType : enumType.getSuperclass();
		return CODECS.get(type);
	}

	String key(Enum<?> constant) {
		return this.keys.get(constant);
	}

	@Nullable Enum<?> constant(String key) {
		Enum<?> constant = this.byKey.get(key);
		return (constant != null) ? constant : this.byLowerCaseName.get(key.toLowerCase(Locale.ROOT));
	}

	String describe() {
		return this.type.getSimpleName() + " " + this.byKey.keySet();
	}

}
