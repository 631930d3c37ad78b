package io.zenoo.client;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.zenoo.cache.CacheKeyText;
import io.zenoo.client.domain.Domain;
import org.jspecify.annotations.Nullable;

/**
 * The cache key of one read: who asks (server, database, user), what (model, method, domain, fields, order, limit,
 * offset, ids), in which context (language, companies, any other context key), into which Java type the result is
 * read (typed records or maps: the same fields read as {@code ResPartner} and as {@code Map} are different values),
 * and the model's generation (a write of the model gives it a new one, which makes every older key of the model
 * unreachable at once). Two users never share a key, because Odoo's record rules give them different rows.
 * <p>
 * Built on every cached read, so it is cheap: the hash is computed once from the parts' own hashes and nothing is
 * concatenated. The readable text ({@code res.partner:is_company=True:search_read:…:g3}) that Redis keys and
 * invalidation patterns need is built only when asked for, then kept.
 */
final class QueryCacheKey implements CacheKeyText {

	private static final int MAX_DOMAIN_TEXT = 120;

	private final String scope;

	private final String model;

	private final String method;

	private final Object readable;

	private final @Nullable Object query;

	private final Map<String, Object> context;

	private final Type resultType;

	private final long generation;

	private final int hash;

	private volatile @Nullable String text;

	private QueryCacheKey(String scope, String model, String method, Object readable, @Nullable Object query,
			Map<String, Object> context, Type resultType, long generation) {
		this.scope = scope;
		this.model = model;
		this.method = method;
		this.readable = readable;
		this.query = query;
		this.context = context;
		this.resultType = resultType;
		this.generation = generation;
		int h = scope.hashCode();
		h = 31 * h + model.hashCode();
		h = 31 * h + method.hashCode();
		h = 31 * h + readable.hashCode();
		h = 31 * h + Objects.hashCode(query);
		h = 31 * h + context.hashCode();
		h = 31 * h + resultType.hashCode();
		h = 31 * h + Long.hashCode(generation);
		this.hash = h;
	}

	/**
	 * The key of a query.
	 * @param scope who asks: server, database and user
	 * @param model the model
	 * @param method the Odoo method the read uses
	 * @param domain the condition
	 * @param query everything else that changes the result (fields, order, limit, offset, ids...), compared with
	 * {@code equals}; immutable
	 * @param context the Odoo context sent with the query
	 * @param resultType the type the result is read into
	 * @param generation the model's generation
	 */
	static QueryCacheKey of(String scope, String model, String method, Domain domain, @Nullable Object query,
			Map<String, Object> context, Type resultType, long generation) {
		return new QueryCacheKey(scope, model, method, domain, query, context, resultType, generation);
	}

	/**
	 * A key named by the caller ({@code .cacheKey("my_key")}); still scoped to the user and the context, so a custom
	 * key cannot leak rows between users either, and carrying the type and generation like any other key.
	 */
	static QueryCacheKey custom(String scope, String model, String customKey, Map<String, Object> context,
			Type resultType, long generation) {
		return new QueryCacheKey(scope, model, "custom", customKey, null, context, resultType, generation);
	}

	@Override
	public String cacheKeyText() {
		String result = this.text;
		if (result == null) {
			result = buildText();
			this.text = result;
		}
		return result;
	}

	private String buildText() {
		String what = (this.readable instanceof Domain domain) ? DomainKeyText.render(domain)
				: this.readable.toString();
		if (what.length() > MAX_DOMAIN_TEXT) {
			what = what.substring(0, MAX_DOMAIN_TEXT) + "~" + Integer.toHexString(what.hashCode());
		}
		String contextText = this.context.isEmpty() ? "" : new TreeMap<>(this.context).toString();
		int details = 31 * (31 * Objects.hashCode(this.query) + contextText.hashCode())
				+ this.resultType.getTypeName().hashCode();
		StringBuilder text = new StringBuilder(this.model.length() + what.length() + this.method.length() + 32);
		text.append(this.model).append(':').append(what).append(':').append(this.method).append(':');
		appendHex(text, details);
		text.append(':');
		appendHex(text, this.scope.hashCode());
		// last, so that globs on the readable start (res.partner:is_company=True:*) match every generation
		return text.append(Integer.toHexString(this.scope.length())).append(":g").append(this.generation).toString();
	}

	private static void appendHex(StringBuilder text, int value) {
		String hex = Integer.toHexString(value);
		for (int i = hex.length(); i < 8; i++) {
			text.append('0');
		}
		text.append(hex);
	}

	@Override
	public String model() {
		return this.model;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof QueryCacheKey that && this.hash == that.hash && this.generation == that.generation
				&& this.method.equals(that.method) && this.model.equals(that.model) && this.scope.equals(that.scope)
				&& (this.resultType == that.resultType || this.resultType.equals(that.resultType))
				&& this.readable.equals(that.readable) && Objects.equals(this.query, that.query)
				&& this.context.equals(that.context);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return cacheKeyText();
	}

	/**
	 * What, besides the domain, decides the rows of a read. Hashed once, since it is part of every cached read's key.
	 */
	static final class ReadShape {

		private final @Nullable List<String> fields;

		private final @Nullable String order;

		private final @Nullable Integer limit;

		private final int offset;

		private final @Nullable List<Long> ids;

		private final @Nullable Object extra;

		private final int hash;

		ReadShape(@Nullable List<String> fields, @Nullable String order, @Nullable Integer limit, int offset,
				@Nullable List<Long> ids, @Nullable Object extra) {
			this(fields, Objects.hashCode(fields), order, limit, offset, ids, extra);
		}

		/**
		 * @param fieldsHash the hash of {@code fields}, when the caller already has it (a record type's field list is
		 * shared by all its queries, so its hash is computed once)
		 */
		ReadShape(@Nullable List<String> fields, int fieldsHash, @Nullable String order, @Nullable Integer limit,
				int offset, @Nullable List<Long> ids, @Nullable Object extra) {
			this.fields = fields;
			this.order = order;
			this.limit = limit;
			this.offset = offset;
			this.ids = ids;
			this.extra = extra;
			int h = fieldsHash;
			h = 31 * h + Objects.hashCode(order);
			h = 31 * h + Objects.hashCode(limit);
			h = 31 * h + offset;
			h = 31 * h + Objects.hashCode(ids);
			h = 31 * h + Objects.hashCode(extra);
			this.hash = h;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			// the fields list of a typed query is the one shared list of its record type: identity first
			return other instanceof ReadShape that && this.hash == that.hash && this.offset == that.offset
					&& (this.fields == that.fields || Objects.equals(this.fields, that.fields))
					&& Objects.equals(this.order, that.order) && Objects.equals(this.limit, that.limit)
					&& Objects.equals(this.ids, that.ids) && Objects.equals(this.extra, that.extra);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public String toString() {
			return "fields=" + this.fields + ",order=" + this.order + ",limit=" + this.limit + ",offset="
					+ this.offset + ",ids=" + this.ids + ",extra=" + this.extra;
		}

	}

}
