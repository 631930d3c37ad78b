package io.zenoo.repository.query;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.repository.InvalidRepositoryException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A query derived from its method name ({@code findTop10ByCustomerRankGreaterThanOrderByNameAsc}) with Spring Data's
 * {@link PartTree}, translated into an Odoo domain at startup; each call only fills in the arguments.
 */
final class DerivedQuery implements RepositoryQuery {

	private final QueryMethod queryMethod;

	private final QueryRunner<?> runner;

	private final RecordPaths<?> paths;

	private final ResultKind kind;

	private final boolean delete;

	private final List<List<Condition>> disjunction;

	private final @Nullable String order;

	private final @Nullable Integer maxResults;

	DerivedQuery(Method method, QueryMethod queryMethod, RecordPaths<?> paths, ZenooClient client) {
		this.queryMethod = queryMethod;
		this.paths = paths;
		this.runner = new QueryRunner<>(client, paths.type());
		PartTree tree = parse(method, paths);
		this.kind = ResultKind.of(method, paths.type());
		this.delete = tree.isDelete();
		this.maxResults = tree.getMaxResults();
		checkKind(method, tree);
		this.disjunction = conditions(method, tree, queryMethod.getParameters());
		this.order = order(method, tree.getSort(), paths);
	}

	private static PartTree parse(Method method, RecordPaths<?> paths) {
		try {
			return paths.parse(method.getName());
		}
		catch (PropertyReferenceException ex) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": " + ex.getMessage()
					+ " (a derived query names record components of " + paths.type().getSimpleName()
					+ ", or fields of a related model after a relation component)", ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + " is not a query method name "
					+ "Zenoo can derive: " + ex.getMessage() + ". Use find...By, count...By, exists...By or "
					+ "delete...By, or annotate the method with @OdooQuery.", ex);
		}
	}

	private void checkKind(Method method, PartTree tree) {
		boolean ok;
		if (tree.isDelete()) {
			ok = this.kind == ResultKind.NOTHING || this.kind == ResultKind.COUNT;
		}
		else if (tree.isCountProjection()) {
			ok = this.kind == ResultKind.COUNT;
		}
		else if (tree.isExistsProjection()) {
			ok = this.kind == ResultKind.EXISTS;
		}
		else {
			ok = this.kind.isRows();
		}
		if (!ok) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + " cannot return " + this.kind
					+ ": find... methods return rows, count... Mono<Long>, exists... Mono<Boolean>, delete... "
					+ "Mono<Void> or Mono<Long>");
		}
	}

	private List<List<Condition>> conditions(Method method, PartTree tree, Parameters<?, ?> parameters) {
		List<Parameter> bindable = new ArrayList<>();
		parameters.getBindableParameters().forEach(bindable::add);
		List<List<Condition>> result = new ArrayList<>();
		int next = 0;
		for (PartTree.OrPart or : tree) {
			List<Condition> and = new ArrayList<>();
			for (Part part : or) {
				if (!Condition.supports(part.getType())) {
					throw new InvalidRepositoryException(QueryMethods.describe(method) + ": the keyword "
							+ part.getType().getKeywords() + " has no Odoo equivalent");
				}
				int needed = part.getNumberOfArguments();
				if (next + needed > bindable.size()) {
					throw new InvalidRepositoryException(QueryMethods.describe(method) + " needs an argument for '"
							+ part.getProperty().toDotPath() + "' (" + part.getType() + ") but has only "
							+ bindable.size() + " bindable parameters");
				}
				boolean optional = needed == 1
						&& method.getParameterTypes()[bindable.get(next).getIndex()] == Optional.class;
				if (optional && part.getType() != Part.Type.SIMPLE_PROPERTY) {
					throw new InvalidRepositoryException(QueryMethods.describe(method) + ": an Optional argument "
							+ "means '=?' and only suits an equality, not " + part.getType());
				}
				boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER;
				and.add(new Condition(this.paths.fieldPath(part.getProperty()), part.getType(), ignoreCase,
						this.paths.isIdList(part.getProperty()), optional, next));
				next += needed;
			}
			result.add(and);
		}
		if (next != bindable.size()) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + " has " + bindable.size()
					+ " bindable parameters but its name uses " + next);
		}
		return result;
	}

	private static @Nullable String order(Method method, Sort sort, RecordPaths<?> paths) {
		try {
			return Orders.of(sort, paths);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Object execute(Object[] parameters) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.queryMethod.getParameters(),
				parameters);
		Object[] values = new Object[this.queryMethod.getParameters().getNumberOfParameters()];
		int i = 0;
		for (Parameter parameter : this.queryMethod.getParameters().getBindableParameters()) {
			values[i++] = parameters[parameter.getIndex()];
		}
		Domain domain = Domain.none();
		for (List<Condition> and : this.disjunction) {
			Domain conjunction = Domain.all();
			for (Condition condition : and) {
				conjunction = conjunction.and(condition.toDomain(values));
			}
			domain = (this.disjunction.size() == 1) ? conjunction : domain.or(conjunction);
		}
		if (this.disjunction.isEmpty()) {
			domain = Domain.all();
		}
		if (this.delete) {
			Mono<Long> deleted = this.runner.delete(domain);
			return (this.kind == ResultKind.COUNT) ? deleted : deleted.then();
		}
		Pageable pageable = accessor.getPageable();
		String sortOrder = Orders.of(accessor.getSort(), this.paths);
		String effectiveOrder = (sortOrder != null) ? sortOrder : this.order;
		Integer limit = this.maxResults;
		int offset = 0;
		if (pageable.isPaged()) {
			offset = Math.toIntExact(pageable.getOffset());
			limit = (limit != null) ? Math.min(limit, pageable.getPageSize()) : pageable.getPageSize();
		}
		return this.runner.run(this.kind, new QueryRunner.Read(domain, effectiveOrder, limit, offset, null, pageable));
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.queryMethod;
	}

}
