package io.zenoo.repository.query;

import java.lang.reflect.Method;

import io.zenoo.client.ZenooClient;
import io.zenoo.repository.InvalidRepositoryException;
import io.zenoo.repository.OdooQuery;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Turns each query method of a repository into a query at startup: {@link OdooQuery} if the method has one,
 * otherwise a query derived from its name. Any problem stops startup with an {@link InvalidRepositoryException}
 * naming the method.
 */
public final class OdooQueryLookupStrategy implements QueryLookupStrategy {

	private final ZenooClient client;

	/**
	 * Create the strategy.
	 * @param client the client the queries run on
	 */
	public OdooQueryLookupStrategy(ZenooClient client) {
		this.client = client;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		QueryMethod queryMethod;
		try {
			queryMethod = new OdooQueryMethod(method, metadata, factory);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new InvalidRepositoryException(QueryMethods.describe(method) + ": " + ex.getMessage(), ex);
		}
		RecordPaths<?> paths = RecordPaths.of(metadata.getDomainType());
		OdooQuery annotation = AnnotatedElementUtils.findMergedAnnotation(method, OdooQuery.class);
		if (annotation != null) {
			return new DomainLiteralQuery(method, annotation, queryMethod, paths, this.client);
		}
		return new DerivedQuery(method, queryMethod, paths, this.client);
	}

}
