package io.zenoo.client;

import java.util.List;
import java.util.Map;

import io.zenoo.client.domain.Domain;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link QueryBuilder} has been told so far; immutable, each step makes a copy.
 */
record QueryState(Domain domain, @Nullable List<String> fields, @Nullable String order, @Nullable Integer limit,
		int offset, Map<String, Object> context, CacheOptions cache, List<PrefetchField> prefetch) {

	static final QueryState INITIAL = new QueryState(Domain.all(), null, null, null, 0, Map.of(),
			CacheOptions.DEFAULT, List.of());

	QueryState withDomain(Domain domain) {
		return new QueryState(domain, this.fields, this.order, this.limit, this.offset, this.context, this.cache,
				this.prefetch);
	}

	QueryState withFields(List<String> fields) {
		return new QueryState(this.domain, fields, this.order, this.limit, this.offset, this.context, this.cache,
				this.prefetch);
	}

	QueryState withOrder(String order) {
		return new QueryState(this.domain, this.fields, order, this.limit, this.offset, this.context, this.cache,
				this.prefetch);
	}

	QueryState withLimit(int limit) {
		return new QueryState(this.domain, this.fields, this.order, limit, this.offset, this.context, this.cache,
				this.prefetch);
	}

	QueryState withOffset(int offset) {
		return new QueryState(this.domain, this.fields, this.order, this.limit, offset, this.context, this.cache,
				this.prefetch);
	}

	QueryState withContext(Map<String, Object> context) {
		return new QueryState(this.domain, this.fields, this.order, this.limit, this.offset, context, this.cache,
				this.prefetch);
	}

	QueryState withCache(CacheOptions cache) {
		return new QueryState(this.domain, this.fields, this.order, this.limit, this.offset, this.context, cache,
				this.prefetch);
	}

	QueryState withPrefetch(List<PrefetchField> prefetch) {
		return new QueryState(this.domain, this.fields, this.order, this.limit, this.offset, this.context, this.cache,
				prefetch);
	}

}
