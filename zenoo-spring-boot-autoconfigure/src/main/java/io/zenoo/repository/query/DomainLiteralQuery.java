package io.zenoo.repository.query;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import io.zenoo.client.ZenooClient;
import io.zenoo.repository.InvalidRepositoryException;
import io.zenoo.repository.OdooQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * A query declared with {@link OdooQuery}: its domain parsed at startup, its arguments bound per call.
 */
final class DomainLiteralQuery implements RepositoryQuery {

	private final QueryMethod queryMethod;

	private final QueryRunner<?> runner;

	private final RecordPaths<?> paths;

	private final ResultKind kind;

	private final DomainTemplate template;

	private final @Nullable List<String> fields;

	private final @Nullable String order;

	private final @Nullable Integer limit;

	DomainLiteralQuery(Method method, OdooQuery annotation, QueryMethod queryMethod, RecordPaths<?> paths,
			ZenooClient client) {
		this.queryMethod = queryMethod;
		this.paths = paths;
		this.runner = new QueryRunner<>(client, paths.type());
		this.kind = ResultKind.of(method, paths.type());
		if (this.kind == ResultKind.NOTHING) {
			throw new InvalidRepositoryException(QueryMethods.describe(method)
					+ ": an @OdooQuery method reads; it cannot return Mono<Void>");
		}
		try {
			this.template = DomainTemplate.parse(annotation.domain());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": the @OdooQuery domain \""
					+ annotation.domain() + "\" is not valid: " + ex.getMessage(), ex);
		}
		int bindable = 0;
		for (Parameter ignored : queryMethod.getParameters().getBindableParameters()) {
			bindable++;
		}
		if (this.template.parameterCount() > bindable) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": the @OdooQuery domain uses ?"
					+ (this.template.parameterCount() - 1) + " but the method has " + bindable
					+ " bindable parameters (Pageable and Sort do not count)");
		}
		this.fields = (annotation.fields().length > 0) ? List.copyOf(Arrays.asList(annotation.fields())) : null;
		this.order = RecordPaths.nullIfBlank(annotation.order());
		if (annotation.limit() < 0) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": @OdooQuery limit must not be "
					+ "negative, got " + annotation.limit());
		}
		this.limit = (annotation.limit() > 0) ? annotation.limit() : null;
	}

	@Override
	public Object execute(Object[] parameters) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.queryMethod.getParameters(),
				parameters);
		Object[] values = new Object[parameters.length];
		int i = 0;
		for (Parameter parameter : this.queryMethod.getParameters().getBindableParameters()) {
			values[i++] = parameters[parameter.getIndex()];
		}
		Pageable pageable = accessor.getPageable();
		String sortOrder = Orders.of(accessor.getSort(), this.paths);
		Integer effectiveLimit = this.limit;
		int offset = 0;
		if (pageable.isPaged()) {
			offset = Math.toIntExact(pageable.getOffset());
			effectiveLimit = pageable.getPageSize();
		}
		return this.runner.run(this.kind, new QueryRunner.Read(this.template.bind(values),
				(sortOrder != null) ? sortOrder : this.order, effectiveLimit, offset, this.fields, pageable));
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.queryMethod;
	}

}
