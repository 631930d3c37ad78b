package io.zenoo.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.zenoo.repository.config.OdooRepositoriesRegistrar;
import io.zenoo.repository.support.OdooRepositoryFactoryBean;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

/**
 * Finds {@link OdooRepository} interfaces in the given packages and implements them. Spring Boot does this for the
 * application's own packages without the annotation; use it to name other packages or another client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(OdooRepositoriesRegistrar.class)
public @interface EnableOdooRepositories {

	/**
	 * Alias for {@link #basePackages()}.
	 * @return the packages to scan
	 */
	String[] value() default {};

	/**
	 * The packages to scan for repository interfaces; none for the package of the annotated class.
	 * @return the packages
	 */
	String[] basePackages() default {};

	/**
	 * Classes whose packages are scanned, a type-safe alternative to {@link #basePackages()}.
	 * @return the classes
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * Which interfaces found are repositories (all by default).
	 * @return the include filters
	 */
	Filter[] includeFilters() default {};

	/**
	 * Which interfaces found are not repositories.
	 * @return the exclude filters
	 */
	Filter[] excludeFilters() default {};

	/**
	 * The suffix of custom implementation classes (Spring Data's fragments).
	 * @return the suffix
	 */
	String repositoryImplementationPostfix() default "Impl";

	/**
	 * Where named queries are kept (unused: Odoo queries are declared with {@link OdooQuery}).
	 * @return the location
	 */
	String namedQueriesLocation() default "";

	/**
	 * How query methods become queries: by {@link OdooQuery} if present, else from the method name.
	 * @return the strategy
	 */
	QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

	/**
	 * The factory bean that creates each repository.
	 * @return the factory bean class
	 */
	Class<?> repositoryFactoryBeanClass() default OdooRepositoryFactoryBean.class;

	/**
	 * The class implementing the built-in methods; the default is Zenoo's own.
	 * @return the base class
	 */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/**
	 * How repository bean names are chosen.
	 * @return the generator
	 */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/**
	 * Whether interfaces nested in classes are repositories too.
	 * @return whether to consider nested interfaces
	 */
	boolean considerNestedRepositories() default false;

	/**
	 * When repositories are created.
	 * @return the bootstrap mode
	 */
	BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

	/**
	 * The bean name of the {@link io.zenoo.client.ZenooClient} the repositories use; empty for the one client bean.
	 * @return the client bean name
	 */
	String zenooClientRef() default "";

}
