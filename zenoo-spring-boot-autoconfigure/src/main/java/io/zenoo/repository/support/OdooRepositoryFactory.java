package io.zenoo.repository.support;

import java.util.Optional;

import io.zenoo.client.ZenooClient;
import io.zenoo.repository.query.OdooQueryLookupStrategy;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.ReactiveRepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates {@link io.zenoo.repository.OdooRepository} implementations: {@link SimpleOdooRepository} for the built-in
 * methods, {@link OdooQueryLookupStrategy} for query methods, and the annotation cache interceptor (bound to the
 * repository's model and client) in front of every method.
 */
public class OdooRepositoryFactory extends ReactiveRepositoryFactorySupport {

	private final ZenooClient client;

	/**
	 * Create a factory.
	 * @param client the client repositories use
	 * @param cacheInterceptors makes the {@code @OdooCached} interceptor of a repository from its model and client,
	 * or {@code null} when annotations are not handled
	 */
	public OdooRepositoryFactory(ZenooClient client, @Nullable RepositoryInterceptors cacheInterceptors) {
		this.client = client;
		if (cacheInterceptors != null) {
			addRepositoryProxyPostProcessor((factory, information) -> {
				String model = entity(information).model();
				factory.addAdvice(cacheInterceptors.create(information.getRepositoryInterface(), model, this.client));
			});
		}
	}

	/**
	 * Makes the annotation interceptor of one repository.
	 */
	@FunctionalInterface
	public interface RepositoryInterceptors {

		/**
		 * The interceptor of a repository.
		 * @param repositoryInterface the repository interface, whose annotations are checked at once
		 * @param model the repository's model, the default model of its cache keys
		 * @param client the repository's client, whose user scopes its cache keys
		 * @return the interceptor
		 */
		MethodInterceptor create(Class<?> repositoryInterface, String model, ZenooClient client);

	}

	@Override
	@SuppressWarnings("unchecked")
	public <T, ID> EntityInformation<T, ID> getEntityInformation(Class<T> domainClass) {
		throw new UnsupportedOperationException("use getEntityInformation(RepositoryMetadata)");
	}

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return entity(metadata);
	}

	private static OdooEntityInformation<?, ?> entity(RepositoryMetadata metadata) {
		return new OdooEntityInformation<>(metadata.getDomainType(), metadata.getIdType());
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		return new SimpleOdooRepository<>(entity(information), this.client);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleOdooRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		return Optional.of(new OdooQueryLookupStrategy(this.client));
	}

}
