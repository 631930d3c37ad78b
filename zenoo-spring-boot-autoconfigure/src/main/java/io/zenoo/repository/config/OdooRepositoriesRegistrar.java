package io.zenoo.repository.config;

import java.lang.annotation.Annotation;

import io.zenoo.repository.EnableOdooRepositories;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories {@link EnableOdooRepositories} finds.
 */
public class OdooRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableOdooRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new OdooRepositoryConfigurationExtension();
	}

}
