package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.zenoo.cache.warmup.WarmUpTask;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.domain.DomainSyntaxException;
import io.zenoo.client.mapping.OdooMappingException;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.model.OdooModel;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Turns {@code zenoo.cache.warm-up} into warm-up tasks, checking every query first: a wrong one fails startup with a
 * {@link ZenooConfigurationException} naming {@code zenoo.cache.warm-up[i].<setting>} and the fix.
 */
final class WarmUpQueries {

	private static final String PREFIX = "zenoo.cache.warm-up";

	private final Collection<String> cacheNames;

	private final ClassLoader classLoader;

	/**
	 * @param cacheNames the caches a query may name
	 * @param classLoader loads the record types
	 */
	WarmUpQueries(Collection<String> cacheNames, ClassLoader classLoader) {
		this.cacheNames = cacheNames;
		this.classLoader = classLoader;
	}

	List<WarmUpTask> tasks(List<ZenooWarmUpProperties.Query> queries) {
		List<WarmUpTask> tasks = new ArrayList<>(queries.size());
		for (int i = 0; i < queries.size(); i++) {
			tasks.add(task(i, queries.get(i)));
		}
		return tasks;
	}

	private WarmUpTask task(int index, ZenooWarmUpProperties.Query query) {
		String at = PREFIX + "[" + index + "]";
		Class<?> type = recordType(at, query.getType());
		String model = model(at, query.getModel(), type);
		Domain filter = filter(at, query.getFilter());
		List<String> fields = fields(at, query.getFields());
		String order = query.getOrder();
		if (order != null && order.isBlank()) {
			throw new ZenooConfigurationException(at + ".order", "is blank",
					"Give an order such as 'name' or 'create_date desc, id', or leave it out.");
		}
		Integer limit = query.getLimit();
		if (limit != null && limit < 1) {
			throw new ZenooConfigurationException(at + ".limit", "is " + limit + ", below 1",
					"Give a positive limit, or leave it out to read every matching row.");
		}
		String cache = query.getCache();
		if (cache != null && !this.cacheNames.contains(cache)) {
			throw new ZenooConfigurationException(at + ".cache",
					"names the cache '" + cache + "', which is not configured", "Use one of " + this.cacheNames
							+ ", configure it under zenoo.cache.caches, or leave it out for the default cache.");
		}
		Duration ttl = query.getTtl();
		if (ttl != null && ttl.isNegative()) {
			throw new ZenooConfigurationException(at + ".ttl", "is negative",
					"Give a duration such as 24h, 0 for no expiry, or leave it out for the cache's default TTL.");
		}
		String name = (query.getName() != null && !query.getName().isBlank()) ? query.getName()
				: "warm-up[" + index + "] " + model;
		Shape shape = new Shape(filter, fields, order, limit, cache, ttl);
		return new WarmUpTask(name, (client) -> shape.apply(query(client, type, model)).all());
	}

	private static QueryBuilder<?> query(ZenooClient client, @Nullable Class<?> type, String model) {
		return (type != null) ? client.model(type) : client.model(model);
	}

	private @Nullable Class<?> recordType(String at, @Nullable String typeName) {
		if (typeName == null || typeName.isBlank()) {
			return null;
		}
		Class<?> type;
		try {
			type = ClassUtils.forName(typeName.trim(), this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new ZenooConfigurationException(at + ".type",
					"names the class '" + typeName + "', which cannot be loaded",
					"Give the fully qualified name of an @OdooModel record class, such as com.example.ResPartner.");
		}
		if (!type.isAnnotationPresent(OdooModel.class)) {
			throw new ZenooConfigurationException(at + ".type", "names " + type.getName() + ", which has no @OdooModel",
					"Annotate the record with @OdooModel(\"<model>\"), or leave type out to warm an untyped query.");
		}
		try {
			RecordMapper.of(type);
		}
		catch (OdooMappingException ex) {
			throw new ZenooConfigurationException(at + ".type",
					"names a class that cannot be mapped: " + ex.getMessage(),
					"Fix the record class, or leave type out to warm an untyped query.");
		}
		return type;
	}

	private static String model(String at, @Nullable String model, @Nullable Class<?> type) {
		String typeModel = (type != null) ? type.getAnnotation(OdooModel.class).value() : null;
		if (model == null || model.isBlank()) {
			if (typeModel == null) {
				throw new ZenooConfigurationException(at + ".model", "is missing",
						"Name the Odoo model, such as res.partner, or the type of an @OdooModel record.");
			}
			return typeModel;
		}
		if (typeModel != null && !typeModel.equals(model)) {
			throw new ZenooConfigurationException(at + ".model",
					"is '" + model + "' but the type " + type.getName() + " maps '" + typeModel + "'",
					"Leave model out when type is set, or make them agree.");
		}
		return model;
	}

	private static @Nullable Domain filter(String at, @Nullable String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		try {
			return Domain.parse(filter);
		}
		catch (DomainSyntaxException ex) {
			throw new ZenooConfigurationException(at + ".filter", "is not a valid Odoo domain: " + ex.getMessage(),
					"Write the domain as Odoo does, such as \"[('is_company','=',True)]\" (quote it in YAML).");
		}
	}

	private static @Nullable List<String> fields(String at, @Nullable List<String> fields) {
		if (fields == null) {
			return null;
		}
		for (String field : fields) {
			if (field == null || field.isBlank()) {
				throw new ZenooConfigurationException(at + ".fields", "contains a blank field name",
						"List Odoo field names, such as [name, email], or leave fields out.");
			}
		}
		return List.copyOf(fields);
	}

	/** What a warm-up query adds to the client's query builder. */
	private record Shape(@Nullable Domain filter, @Nullable List<String> fields, @Nullable String order,
			@Nullable Integer limit, @Nullable String cache, @Nullable Duration ttl) {

		<T> QueryBuilder<T> apply(QueryBuilder<T> query) {
			QueryBuilder<T> result = query;
			if (this.filter != null) {
				result = result.filter(this.filter);
			}
			if (this.fields != null) {
				result = result.fields(this.fields);
			}
			if (this.order != null) {
				result = result.orderBy(this.order);
			}
			if (this.limit != null) {
				result = result.limit(this.limit);
			}
			if (this.cache != null) {
				result = result.cache(this.cache);
			}
			if (this.ttl != null) {
				result = result.cacheTtl(this.ttl);
			}
			return result;
		}

	}

}
