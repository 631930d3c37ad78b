package io.zenoo.repository.query;

import java.util.List;
import java.util.function.Function;

import io.zenoo.annotation.CachedInvocation;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * Runs a repository query through the fluent API, so that it is cached, counted and invalidated like any query.
 * Inside a call whose result an {@code @OdooCached} annotation caches, the query skips the cache.
 *
 * @param <T> the record type
 */
final class QueryRunner<T> {

	private final ZenooClient client;

	private final Class<T> type;

	QueryRunner(ZenooClient client, Class<T> type) {
		this.client = client;
		this.type = type;
	}

	/**
	 * What to read.
	 * @param domain the condition
	 * @param order the Odoo order, or {@code null}
	 * @param limit the limit, or {@code null}
	 * @param offset the offset
	 * @param fields the fields, or {@code null} for the record's
	 * @param pageable the page asked for, if the method takes one (for {@link ResultKind#PAGE})
	 */
	record Read(Domain domain, @Nullable String order, @Nullable Integer limit, int offset,
			@Nullable List<String> fields, Pageable pageable) {

	}

	Object run(ResultKind kind, Read read) {
		return switch (kind) {
			case FLUX -> Flux.deferContextual((context) -> rows(builder(context, read, true)))
				.flatMapIterable((rows) -> rows);
			case LIST -> query(read, true, QueryRunner::rows);
			case ONE -> query(read, true, (builder) -> rows(builder.limit(limitForOne(read)))
				.flatMap((rows) -> one(rows, read)));
			case PAGE -> Mono.deferContextual((context) -> rows(builder(context, read, true))
				.zipWith(builder(context, read, false).count(),
						(rows, total) -> new PageImpl<>(rows, read.pageable(), total)));
			// counts ignore limit and offset, as Spring Data's do
			case COUNT -> query(read, false, QueryBuilder::count);
			case EXISTS -> query(read, false, (builder) -> builder.limit(1).ids().map((ids) -> !ids.isEmpty()));
			case NOTHING -> throw new IllegalStateException("a read returns something");
		};
	}

	/**
	 * Deletes what matches: one {@code search}, one {@code unlink} (which, as every write of the client, retires the model's cached entries).
	 * @return how many records were deleted
	 */
	Mono<Long> delete(Domain domain) {
		QueryBuilder<T> query = this.client.model(this.type).noCache().filter(domain);
		return query.ids().flatMap((ids) -> ids.isEmpty() ? Mono.just(0L)
				: query.delete(ids)
					.thenReturn((long) ids.size()));
	}

	private <R> Mono<R> query(Read read, boolean paging, Function<QueryBuilder<T>, Mono<R>> terminal) {
		return Mono.deferContextual((context) -> terminal.apply(builder(context, read, paging)));
	}

	private QueryBuilder<T> builder(ContextView context, Read read, boolean paging) {
		QueryBuilder<T> builder = this.client.model(this.type);
		if (CachedInvocation.isActive(context)) {
			builder = builder.noCache();
		}
		builder = builder.filter(read.domain());
		if (!paging) {
			return builder;
		}
		if (read.fields() != null) {
			builder = builder.fields(read.fields());
		}
		if (read.order() != null) {
			builder = builder.orderBy(read.order());
		}
		if (read.limit() != null) {
			builder = builder.limit(read.limit());
		}
		if (read.offset() > 0) {
			builder = builder.offset(read.offset());
		}
		return builder;
	}

	private static <R> Mono<List<R>> rows(QueryBuilder<R> builder) {
		return builder.all();
	}

	private static int limitForOne(Read read) {
		return (read.limit() != null && read.limit() == 1) ? 1 : 2;
	}

	private static <R> Mono<R> one(List<?> rows, Read read) {
		if (rows.isEmpty()) {
			return Mono.empty();
		}
		if (rows.size() > 1) {
			return Mono.error(new IncorrectResultSizeDataAccessException(
					"More than one record matches " + read.domain() + ": use a Flux or a findFirst... method", 1));
		}
		@SuppressWarnings("unchecked")
		R row = (R) rows.get(0);
		return Mono.just(row);
	}

}
