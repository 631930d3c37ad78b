package io.zenoo.repository;

import io.zenoo.annotation.InvalidCacheAnnotationException;
import io.zenoo.annotation.OdooCacheEvict;
import io.zenoo.autoconfigure.ZenooCacheAnnotationsAutoConfiguration;
import io.zenoo.autoconfigure.ZenooCacheAutoConfiguration;
import io.zenoo.autoconfigure.ZenooClientAutoConfiguration;
import io.zenoo.autoconfigure.ZenooRepositoriesAutoConfiguration;
import io.zenoo.repository.invalid.BadNameRepository;
import io.zenoo.repository.invalid.BadQueryRepository;
import io.zenoo.repository.invalid.BadReturnRepository;
import io.zenoo.repository.invalid.BadTtlRepository;
import io.zenoo.repository.invalid.NotAFieldAfterPlainRepository;
import io.zenoo.repository.invalid.UnknownCacheRepository;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes in repositories and cache annotations stop startup with a message naming the method.
 */
class RepositoryStartupFailureTests {

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	private ApplicationContextRunner runner(Class<?> configuration) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class,
					ZenooClientAutoConfiguration.class, ZenooCacheAnnotationsAutoConfiguration.class,
					ZenooRepositoriesAutoConfiguration.class))
			.withPropertyValues("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
					"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
					"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD, "zenoo.cache.caches.fast.type=memory")
			.withUserConfiguration(configuration);
	}

	private void assertFails(Class<?> configuration, Class<? extends Throwable> type, String... message) {
		runner(configuration).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !type.isInstance(cause)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("a %s in %s", type.getSimpleName(), context.getStartupFailure()).isNotNull();
			assertThat(cause.getMessage()).contains(message);
		});
	}

	@Test
	void badDerivedName() {
		assertFails(BadName.class, InvalidRepositoryException.class, "BadNameRepository.findByNmae",
				"No property 'nmae' found");
	}

	@Test
	void pathAfterAPlainComponent() {
		assertFails(AfterPlain.class, InvalidRepositoryException.class,
				"NotAFieldAfterPlainRepository.findByCityLength");
	}

	@Test
	void badOdooQueryDomain() {
		assertFails(BadQuery.class, InvalidRepositoryException.class, "BadQueryRepository.broken",
				"@OdooQuery domain");
	}

	@Test
	void badReturnType() {
		assertFails(BadReturn.class, InvalidRepositoryException.class, "BadReturnRepository.countByCity",
				"Mono<Long>");
	}

	@Test
	void badTtl() {
		assertFails(BadTtl.class, InvalidCacheAnnotationException.class, "BadTtlRepository.findByCity",
				"ttl = \"five minutes\"");
	}

	@Test
	void unknownCache() {
		assertFails(UnknownCache.class, InvalidCacheAnnotationException.class, "UnknownCacheRepository.findByCity",
				"\"fats\" names no Zenoo cache");
	}

	@Test
	void evictNamingNothingOnABean() {
		assertFails(EvictNothing.class, InvalidCacheAnnotationException.class, "EvictNothingService.changed",
				"names nothing to evict");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadNameRepository.class))
	static class BadName {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NotAFieldAfterPlainRepository.class))
	static class AfterPlain {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadQueryRepository.class))
	static class BadQuery {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadReturnRepository.class))
	static class BadReturn {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadTtlRepository.class))
	static class BadTtl {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableOdooRepositories(basePackageClasses = BadNameRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UnknownCacheRepository.class))
	static class UnknownCache {

	}

	@Configuration(proxyBeanMethods = false)
	static class EvictNothing {

		@Bean
		EvictNothingService evictNothingService() {
			return new EvictNothingService();
		}

	}

	static class EvictNothingService {

		@OdooCacheEvict
		Mono<Void> changed() {
			return Mono.empty();
		}

	}

}
