package io.zenoo.repository.support;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.repository.InvalidRepositoryException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.util.ReflectionUtils;

/**
 * What a repository needs to know about its record type: the model, the component holding the id, and whether a
 * record is new (its id is 0 or {@code null}).
 *
 * @param <T> the record type
 * @param <ID> the id type
 */
final class OdooEntityInformation<T, ID> implements EntityInformation<T, ID> {

	private final Class<T> type;

	private final Class<ID> idType;

	private final RecordMapper<T> mapper;

	private final Method idAccessor;

	@SuppressWarnings("unchecked")
	OdooEntityInformation(Class<T> type, Class<?> idType) {
		this.type = type;
		this.mapper = RecordMapper.of(type);
		this.mapper.model();
		if (idType != Long.class && idType != Integer.class) {
			throw new InvalidRepositoryException("The id type of a repository of " + type.getName()
					+ " must be Long or Integer, not " + idType.getName());
		}
		this.idType = (Class<ID>) idType;
		this.idAccessor = idAccessor(type, this.mapper);
	}

	private static Method idAccessor(Class<?> type, RecordMapper<?> mapper) {
		for (RecordComponent component : type.getRecordComponents()) {
			if ("id".equals(mapper.fieldOf(component.getName()))) {
				Method accessor = component.getAccessor();
				ReflectionUtils.makeAccessible(accessor);
				return accessor;
			}
		}
		throw new InvalidRepositoryException(type.getName() + " has no component mapping the field 'id': "
				+ "a repository needs one (long id)");
	}

	RecordMapper<T> mapper() {
		return this.mapper;
	}

	String model() {
		return this.mapper.model();
	}

	@Override
	public boolean isNew(T entity) {
		Number id = idOf(entity);
		return id == null || id.longValue() == 0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable ID getId(T entity) {
		Number id = idOf(entity);
		if (id == null) {
			return null;
		}
		return (ID) ((this.idType == Integer.class) ? (Object) id.intValue() : (Object) id.longValue());
	}

	@Nullable Number idOf(T entity) {
		return (Number) ReflectionUtils.invokeMethod(this.idAccessor, entity);
	}

	@Override
	public Class<ID> getIdType() {
		return this.idType;
	}

	@Override
	public Class<T> getJavaType() {
		return this.type;
	}

}
