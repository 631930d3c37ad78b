package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cache warm-up, from {@code zenoo.cache.warm-up}, {@code zenoo.cache.warm-up-fail-fast} and
 * {@code zenoo.cache.warm-up-parallelism}. Bound to the same prefix as {@link ZenooCacheProperties}, of which it is the
 * warm-up part.
 */
@ConfigurationProperties("zenoo.cache")
public class ZenooWarmUpProperties {

	/**
	 * Queries run to fill the caches: after startup, and again on POST /actuator/zenoo. Each has a model (or the type
	 * of an @OdooModel record) and optionally a name, filter (an Odoo domain), fields, order, limit, cache and ttl.
	 */
	private List<Query> warmUp = new ArrayList<>();

	/**
	 * Whether the warm-up runs during startup and any failed query (or CacheWarmer) fails startup. When false it runs
	 * in the background once the application is ready, and failures are only logged.
	 */
	private boolean warmUpFailFast;

	/**
	 * How many warm-up queries and CacheWarmer beans may run at once.
	 */
	private int warmUpParallelism = 4;

	/** @return the warm-up queries */
	public List<Query> getWarmUp() {
		return this.warmUp;
	}

	/** @param warmUp the warm-up queries */
	public void setWarmUp(List<Query> warmUp) {
		this.warmUp = warmUp;
	}

	/** @return whether a failed warm-up fails startup */
	public boolean isWarmUpFailFast() {
		return this.warmUpFailFast;
	}

	/** @param warmUpFailFast whether a failed warm-up fails startup */
	public void setWarmUpFailFast(boolean warmUpFailFast) {
		this.warmUpFailFast = warmUpFailFast;
	}

	/** @return how many warm-up tasks may run at once */
	public int getWarmUpParallelism() {
		return this.warmUpParallelism;
	}

	/** @param warmUpParallelism how many warm-up tasks may run at once */
	public void setWarmUpParallelism(int warmUpParallelism) {
		this.warmUpParallelism = warmUpParallelism;
	}

	/**
	 * One warm-up query: {@code client.model(type or model).filter(filter).fields(fields).orderBy(order).limit(limit)
	 * .cache(cache).cacheTtl(ttl).all()}.
	 */
	public static class Query {

		/**
		 * Name of the query in logs and reports. Defaults to "warm-up[index] model".
		 */
		private @Nullable String name;

		/**
		 * Odoo model, such as res.partner. May be left out when type is set.
		 */
		private @Nullable String model;

		/**
		 * Fully qualified name of an @OdooModel record class: the query is then typed, and fills the cache entry the
		 * application's client.model(Type.class) query with the same filter reads.
		 */
		private @Nullable String type;

		/**
		 * Odoo domain, such as [('is_company','=',True)]. Not set: all records.
		 */
		private @Nullable String filter;

		/**
		 * Fields to read. Not set: the record type's fields (typed), or Odoo's default fields (untyped).
		 */
		private @Nullable List<String> fields;

		/**
		 * Order, in Odoo's syntax, such as "name" or "create_date desc, id".
		 */
		private @Nullable String order;

		/**
		 * Maximum number of rows.
		 */
		private @Nullable Integer limit;

		/**
		 * Cache to fill. Not set: the default cache.
		 */
		private @Nullable String cache;

		/**
		 * TTL of the cached result. Not set: the cache's default TTL; 0 means it never expires.
		 */
		private @Nullable Duration ttl;

		/** @return the name, or {@code null} for the default */
		public @Nullable String getName() {
			return this.name;
		}

		/** @param name the name */
		public void setName(@Nullable String name) {
			this.name = name;
		}

		/** @return the model */
		public @Nullable String getModel() {
			return this.model;
		}

		/** @param model the model */
		public void setModel(@Nullable String model) {
			this.model = model;
		}

		/** @return the record class name */
		public @Nullable String getType() {
			return this.type;
		}

		/** @param type the record class name */
		public void setType(@Nullable String type) {
			this.type = type;
		}

		/** @return the domain */
		public @Nullable String getFilter() {
			return this.filter;
		}

		/** @param filter the domain */
		public void setFilter(@Nullable String filter) {
			this.filter = filter;
		}

		/** @return the fields */
		public @Nullable List<String> getFields() {
			return this.fields;
		}

		/** @param fields the fields */
		public void setFields(@Nullable List<String> fields) {
			this.fields = fields;
		}

		/** @return the order */
		public @Nullable String getOrder() {
			return this.order;
		}

		/** @param order the order */
		public void setOrder(@Nullable String order) {
			this.order = order;
		}

		/** @return the limit */
		public @Nullable Integer getLimit() {
			return this.limit;
		}

		/** @param limit the limit */
		public void setLimit(@Nullable Integer limit) {
			this.limit = limit;
		}

		/** @return the cache name */
		public @Nullable String getCache() {
			return this.cache;
		}

		/** @param cache the cache name */
		public void setCache(@Nullable String cache) {
			this.cache = cache;
		}

		/** @return the TTL */
		public @Nullable Duration getTtl() {
			return this.ttl;
		}

		/** @param ttl the TTL */
		public void setTtl(@Nullable Duration ttl) {
			this.ttl = ttl;
		}

	}

}
