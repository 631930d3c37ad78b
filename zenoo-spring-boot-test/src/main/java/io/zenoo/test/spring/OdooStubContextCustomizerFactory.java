package io.zenoo.test.spring;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the {@link OdooStubContextCustomizer} for test classes annotated with {@link AutoConfigureOdooStub}
 * (registered in {@code META-INF/spring.factories}).
 */
public final class OdooStubContextCustomizerFactory implements ContextCustomizerFactory {

	/** Creates the factory (Spring instantiates it). */
	public OdooStubContextCustomizerFactory() {
	}

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureOdooStub.class)
				? new OdooStubContextCustomizer() : null;
	}

}
