package io.zenoo.repository.config;

import java.util.Collection;
import java.util.List;

import io.zenoo.client.model.OdooModel;
import io.zenoo.repository.OdooRepository;
import io.zenoo.repository.support.OdooRepositoryFactoryBean;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.core.RepositoryMetadata;

/**
 * Spring Data's configuration of Odoo repositories: which interfaces are Odoo repositories (those extending
 * {@link OdooRepository} or managing {@link OdooModel} records) and which factory bean builds them.
 */
public class OdooRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	@Override
	public String getModuleName() {
		return "Odoo";
	}

	@Override
	protected String getModulePrefix() {
		return "odoo";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return OdooRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<? extends java.lang.annotation.Annotation>> getIdentifyingAnnotations() {
		return List.of(OdooModel.class);
	}

	@Override
	protected Collection<Class<?>> getIdentifyingTypes() {
		return List.of(OdooRepository.class);
	}

	/** Odoo repositories are reactive; Spring Data's default turns reactive ones away. */
	@Override
	protected boolean useRepositoryConfiguration(RepositoryMetadata metadata) {
		return true;
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
		String clientRef = config.getAttributes().getString("zenooClientRef");
		if (!clientRef.isEmpty()) {
			builder.addPropertyValue("zenooClientRef", clientRef);
		}
	}

}
