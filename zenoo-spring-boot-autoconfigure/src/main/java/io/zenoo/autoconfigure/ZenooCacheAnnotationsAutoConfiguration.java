package io.zenoo.autoconfigure;

import io.zenoo.annotation.GenerationSource;
import io.zenoo.annotation.OdooCacheAdvisor;
import io.zenoo.annotation.OdooCacheInterceptor;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import io.zenoo.repository.support.OdooRepositoryFactory;

import reactor.core.publisher.Mono;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of {@code @OdooCached}, {@code @OdooCachePut} and {@code @OdooCacheEvict}: an interceptor on the
 * Zenoo caches, an advisor that puts it in front of annotated bean methods (with Spring's infrastructure auto-proxy
 * creator, class-based proxies as Spring Boot's default), and the per-repository interceptors that Odoo repositories
 * use.
 */
@AutoConfiguration(after = { ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class })
@ConditionalOnClass({ ZenooCacheManager.class, OdooCacheInterceptor.class })
@ConditionalOnBooleanProperty(name = "zenoo.cache.annotations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZenooAnnotationProperties.class)
@Import(ZenooCacheAnnotationsAutoConfiguration.AutoProxyRegistrar.class)
public class ZenooCacheAnnotationsAutoConfiguration {

	/**
	 * The interceptor. Keys of a model carry the model's generation, so writes of the model retire them.
	 * @param properties the annotation settings
	 * @param cacheManager the caches
	 * @param client the application's client
	 * @param beanFactory for {@code @bean} references in expressions
	 * @return the interceptor
	 */
	@Bean
	@ConditionalOnMissingBean
	static OdooCacheInterceptor odooCacheInterceptor(ZenooAnnotationProperties properties,
			ObjectProvider<ZenooCacheManager> cacheManager, ObjectProvider<ZenooClient> client,
			BeanFactory beanFactory) {
		if (properties.getMaxFluxElements() < 0) {
			throw new ZenooConfigurationException("zenoo.cache.annotations.max-flux-elements",
					"must not be negative, got " + properties.getMaxFluxElements(),
					"Set it to 0 (never cache a Flux) or more (1000 by default).");
		}
		return new OdooCacheInterceptor(cacheManager::getIfAvailable, client::getIfUnique,
				properties.getMaxFluxElements(), generations(cacheManager), beanFactory);
	}

	private static GenerationSource generations(ObjectProvider<ZenooCacheManager> cacheManager) {
		return new GenerationSource() {

			@Override
			public long generation(ZenooCache cache, String model) {
				ZenooCacheManager manager = cacheManager.getIfAvailable();
				return (manager != null) ? manager.generation(cache, model) : 0L;
			}

			@Override
			public Mono<Void> ready(ZenooCache cache, String model) {
				ZenooCacheManager manager = cacheManager.getIfAvailable();
				return (manager != null) ? manager.withGeneration(cache, model, (generation) -> Mono.<Void>empty())
						: Mono.empty();
			}

		};
	}

	/**
	 * The advisor for annotated bean methods.
	 * @param interceptor the interceptor
	 * @return the advisor
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static OdooCacheAdvisor odooCacheAdvisor(OdooCacheInterceptor interceptor) {
		return new OdooCacheAdvisor(interceptor);
	}

	/**
	 * The interceptors of repositories, bound to each repository's model and client.
	 * @param interceptor the interceptor
	 * @return the factory of repository interceptors
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnClass(name = "org.springframework.data.repository.Repository")
	static OdooRepositoryFactory.RepositoryInterceptors odooRepositoryCacheInterceptors(
			OdooCacheInterceptor interceptor) {
		return interceptor::forRepository;
	}

	/**
	 * Registers Spring's auto-proxy creator for infrastructure advisors, if the application has none yet.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
			AopConfigUtils.forceAutoProxyCreatorToUseClassProxying(registry);
		}

	}

}
