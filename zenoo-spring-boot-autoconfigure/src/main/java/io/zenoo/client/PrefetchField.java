package io.zenoo.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zenoo.client.mapping.OdooMappingException;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooField;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * A many2one field named in {@link QueryBuilder#prefetch(String...)}: the field, the record type of the model it
 * points to, and how to take the related id from a row. Resolved and checked when the query names it, so that a wrong
 * name fails at once with a message saying what to do.
 */
final class PrefetchField {

	private static final MethodType ACCESSOR_TYPE = MethodType.methodType(Object.class, Object.class);

	private final String model;

	private final String field;

	private final Class<?> relatedType;

	private final String relatedModel;

	/** Reads the field from a typed row; {@code null} for untyped (map) rows. */
	private final @Nullable MethodHandle accessor;

	private PrefetchField(String model, String field, Class<?> relatedType, String relatedModel,
			@Nullable MethodHandle accessor) {
		this.model = model;
		this.field = field;
		this.relatedType = relatedType;
		this.relatedModel = relatedModel;
		this.accessor = accessor;
	}

	/**
	 * Checks a prefetched field against the query's row type.
	 * @param model the query's model
	 * @param listType the type of the query's list of rows ({@code List<ResPartner>}, {@code List<Map<...>>})
	 * @param field the Odoo field name
	 * @param relatedType the related record type, or {@code null} to take it from {@link OdooField#relation()}
	 * @throws IllegalArgumentException if the field is unknown or not a many2one, or its related type is unknown or is
	 * not an {@link io.zenoo.client.model.OdooModel} record
	 */
	static PrefetchField resolve(String model, Type listType, String field, @Nullable Class<?> relatedType) {
		if (field == null || field.isBlank()) {
			throw new IllegalArgumentException("prefetch field names must not be null or blank");
		}
		Class<?> rowType = ResolvableType.forType(listType).getGeneric(0).resolve(Object.class);
		if (!rowType.isRecord()) {
			if (relatedType == null) {
				throw new IllegalArgumentException("Cannot prefetch '" + field + "' on an untyped query of " + model
						+ " without knowing the related record type: use prefetch(\"" + field
						+ "\", TheRelatedRecord.class)");
			}
			return new PrefetchField(model, field, relatedType, relatedModel(field, relatedType), null);
		}
		RecordComponent component = RecordMapper.of(rowType).component(field);
		String owner = rowType.getSimpleName();
		if (component == null) {
			throw new IllegalArgumentException("Cannot prefetch '" + field + "': no component of " + owner
					+ " maps that Odoo field (prefetch takes Odoo field names, such as 'country_id')");
		}
		String described = owner + "." + component.getName();
		if (component.getType() != Many2One.class) {
			throw new IllegalArgumentException("Cannot prefetch '" + field + "': " + described + " is a "
					+ component.getGenericType().getTypeName() + ", not a Many2One; only many2one fields can be "
					+ "prefetched");
		}
		Class<?> related = (relatedType != null) ? relatedType : declaredRelation(component);
		if (related == null) {
			throw new IllegalArgumentException("Cannot prefetch '" + field + "': the record type " + described
					+ " points to is not declared; annotate it with @OdooField(relation = TheRelatedRecord.class) or "
					+ "use prefetch(\"" + field + "\", TheRelatedRecord.class)");
		}
		return new PrefetchField(model, field, related, relatedModel(field, related), accessor(component));
	}

	/**
	 * @param prefetched the fields a query prefetches so far
	 * @return them with this one, which replaces an earlier one of the same field name
	 */
	List<PrefetchField> addTo(List<PrefetchField> prefetched) {
		List<PrefetchField> all = new ArrayList<>(prefetched.size() + 1);
		for (PrefetchField existing : prefetched) {
			if (!existing.field.equals(this.field)) {
				all.add(existing);
			}
		}
		all.add(this);
		return List.copyOf(all);
	}

	/** @return the Odoo field name */
	String field() {
		return this.field;
	}

	/** @return the record type the related records are read into */
	Class<?> relatedType() {
		return this.relatedType;
	}

	/** @return the model the field points to */
	String relatedModel() {
		return this.relatedModel;
	}

	/**
	 * Checks that the query reads the field at all.
	 * @param fields the fields the query names, or {@code null} for its default fields
	 * @throws IllegalArgumentException if the query's {@code fields(...)} leave the field out
	 */
	void requireRead(@Nullable List<String> fields) {
		if (fields != null && !fields.contains(this.field)) {
			throw new IllegalArgumentException("Cannot prefetch '" + this.field + "' of " + this.model
					+ ": the query's fields(...) leave it out; add it to fields(...)");
		}
	}

	/**
	 * The id of the record a row points to.
	 * @param row a row of the query
	 * @return the id, or {@code null} when the field is empty
	 * @throws IllegalArgumentException if an untyped row's value is not a many2one {@code [id, name]} pair
	 */
	@Nullable Long relatedId(Object row) {
		if (this.accessor != null) {
			Many2One value = (Many2One) read(this.accessor, row);
			return (value != null) ? value.id() : null;
		}
		Object value = ((Map<?, ?>) row).get(this.field);
		if (value == null || Boolean.FALSE.equals(value)) {
			return null;
		}
		if (value instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number id
				&& pair.get(1) instanceof String) {
			return id.longValue();
		}
		throw new IllegalArgumentException("Cannot prefetch '" + this.field + "' of " + this.model
				+ ": its value is not a many2one [id, name] pair; only many2one fields can be prefetched");
	}

	private static @Nullable Object read(MethodHandle accessor, Object row) {
		try {
			return (Object) accessor.invokeExact(row);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("The accessor " + accessor + " failed", ex);
		}
	}

	private static @Nullable Class<?> declaredRelation(RecordComponent component) {
		OdooField annotation = component.getAnnotation(OdooField.class);
		return (annotation != null && annotation.relation() != void.class) ? annotation.relation() : null;
	}

	private static String relatedModel(String field, Class<?> relatedType) {
		try {
			return RecordMapper.of(relatedType).model();
		}
		catch (OdooMappingException ex) {
			throw new IllegalArgumentException("Cannot prefetch '" + field + "' into " + relatedType.getName() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static MethodHandle accessor(RecordComponent component) {
		try {
			Method method = component.getAccessor();
			method.setAccessible(true);
			return MethodHandles.lookup().unreflect(method).asType(ACCESSOR_TYPE);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot read " + component.getDeclaringRecord().getName() + "."
					+ component.getName() + ": make the record public or open its package", ex);
		}
	}

}
