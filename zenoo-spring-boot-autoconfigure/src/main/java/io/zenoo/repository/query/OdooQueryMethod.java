package io.zenoo.repository.query;

import java.lang.reflect.Method;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryMethod;

/**
 * A query method of an Odoo repository. Every method is reactive, so it counts as a stream: a {@code Pageable}
 * argument with a {@code Flux} result is a page of rows, as in Spring Data's reactive stores.
 */
final class OdooQueryMethod extends QueryMethod {

	OdooQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		super(method, metadata, factory);
	}

	@Override
	public boolean isStreamQuery() {
		return true;
	}

}
