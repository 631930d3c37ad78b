package io.zenoo.autoconfigure;

import java.lang.annotation.Annotation;

import io.zenoo.client.ZenooClient;
import io.zenoo.repository.EnableOdooRepositories;
import io.zenoo.repository.OdooRepository;
import io.zenoo.repository.config.OdooRepositoryConfigurationExtension;
import io.zenoo.repository.support.OdooRepositoryFactoryBean;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Finds the {@link OdooRepository} interfaces in the application's packages (those of its
 * {@code @SpringBootApplication}) and implements them, as Spring Boot does for its Spring Data stores. An application
 * with its own {@link EnableOdooRepositories} keeps its own configuration.
 */
@AutoConfiguration(after = { ZenooClientAutoConfiguration.class, ZenooCacheAnnotationsAutoConfiguration.class })
@ConditionalOnClass({ OdooRepository.class, org.springframework.data.repository.Repository.class })
@ConditionalOnBean(ZenooClient.class)
@ConditionalOnMissingBean(OdooRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "zenoo.repositories.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZenooRepositoryProperties.class)
@Import(ZenooRepositoriesAutoConfiguration.Registrar.class)
public class ZenooRepositoriesAutoConfiguration {

	/** Scans the auto-configuration packages as if they were named by {@link EnableOdooRepositories}. */
	static class Registrar extends AbstractRepositoryConfigurationSourceSupport {

		private @Nullable BeanFactory beanFactory;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
			super.setBeanFactory(beanFactory);
			this.beanFactory = beanFactory;
		}

		/** Without auto-configuration packages (a plain context) there is nothing to scan. */
		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry,
				BeanNameGenerator generator) {
			if (this.beanFactory != null && AutoConfigurationPackages.has(this.beanFactory)) {
				super.registerBeanDefinitions(metadata, registry, generator);
			}
		}

		@Override
		protected Class<? extends Annotation> getAnnotation() {
			return EnableOdooRepositories.class;
		}

		@Override
		protected Class<?> getConfiguration() {
			return EnableOdooRepositoriesConfiguration.class;
		}

		@Override
		protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
			return new OdooRepositoryConfigurationExtension();
		}

		@EnableOdooRepositories
		private static final class EnableOdooRepositoriesConfiguration {

		}

	}

}
