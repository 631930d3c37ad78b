package io.zenoo.repository.support;

import io.zenoo.client.ZenooClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.StringUtils;

/**
 * The factory bean behind each repository bean: finds the {@link ZenooClient} (the one named by
 * {@code zenooClientRef}, else the only one) and the annotation interceptors, then lets Spring Data build the
 * repository.
 *
 * @param <T> the repository type
 * @param <S> the record type
 * @param <ID> the id type
 */
public class OdooRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
		extends RepositoryFactoryBeanSupport<T, S, ID> {

	private @Nullable BeanFactory beanFactory;

	private @Nullable String zenooClientRef;

	/**
	 * Create the factory bean of a repository interface.
	 * @param repositoryInterface the interface
	 */
	public OdooRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	/**
	 * Name the client bean the repository uses.
	 * @param zenooClientRef a bean name, or empty for the only {@link ZenooClient} bean
	 */
	public void setZenooClientRef(@Nullable String zenooClientRef) {
		this.zenooClientRef = zenooClientRef;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory() {
		BeanFactory factory = this.beanFactory;
		if (factory == null) {
			throw new IllegalStateException("OdooRepositoryFactoryBean needs a BeanFactory");
		}
		ZenooClient client = StringUtils.hasText(this.zenooClientRef)
				? factory.getBean(this.zenooClientRef, ZenooClient.class) : factory.getBean(ZenooClient.class);
		OdooRepositoryFactory.RepositoryInterceptors interceptors = factory
			.getBeanProvider(OdooRepositoryFactory.RepositoryInterceptors.class)
			.getIfAvailable();
		return new OdooRepositoryFactory(client, interceptors);
	}

}
