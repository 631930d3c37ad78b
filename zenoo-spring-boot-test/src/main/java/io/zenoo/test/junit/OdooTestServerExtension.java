package io.zenoo.test.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import io.zenoo.test.OdooTestServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts one {@link OdooTestServer} per test class, injects it into {@code OdooTestServer} fields (static or not,
 * when {@code null}) and parameters, and stops it after the class.
 * <pre>{@code
 * @ExtendWith(OdooTestServerExtension.class)
 * class MyTest {
 *     @Test
 *     void reads(OdooTestServer odoo) { ... }
 * }
 *
 * class MyResettingTest {
 *     @RegisterExtension
 *     static OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();
 * }
 * }</pre>
 */
public final class OdooTestServerExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(OdooTestServerExtension.class);

	private final boolean resetBetweenTests;

	private volatile @Nullable OdooTestServer server;

	/** Creates an extension that keeps the data changed by one test for the next ones of the class. */
	public OdooTestServerExtension() {
		this(false);
	}

	private OdooTestServerExtension(boolean resetBetweenTests) {
		this.resetBetweenTests = resetBetweenTests;
	}

	/**
	 * Creates an extension that calls {@link OdooTestServer#reset()} before every test.
	 * @return the extension, for {@code @RegisterExtension}
	 */
	public static OdooTestServerExtension resettingBetweenTests() {
		return new OdooTestServerExtension(true);
	}

	/**
	 * Returns the server of the running test class.
	 * @return the server
	 * @throws IllegalStateException if no test class is running
	 */
	public OdooTestServer server() {
		OdooTestServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("The Odoo test server runs only while a test class runs");
		}
		return running;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		OdooTestServer started = OdooTestServer.start();
		this.server = started;
		context.getStore(NAMESPACE).put(context.getRequiredTestClass().getName(), started);
		injectFields(context.getRequiredTestClass(), null, started);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		OdooTestServer started = context.getStore(NAMESPACE).remove(context.getRequiredTestClass().getName(),
				OdooTestServer.class);
		if (started != null) {
			started.close();
		}
		this.server = null;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.resetBetweenTests) {
			current(context).reset();
		}
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
		injectFields(testInstance.getClass(), testInstance, current(context));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == OdooTestServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return current(extensionContext);
	}

	private OdooTestServer current(ExtensionContext context) {
		OdooTestServer found = context.getStore(NAMESPACE).get(context.getRequiredTestClass().getName(),
				OdooTestServer.class);
		if (found == null) {
			found = this.server;
		}
		if (found == null) {
			throw new ExtensionConfigurationException("No Odoo test server: register OdooTestServerExtension on the "
					+ "test class (static @RegisterExtension field or @ExtendWith)");
		}
		return found;
	}

	private static void injectFields(Class<?> type, @Nullable Object instance, OdooTestServer server)
			throws IllegalAccessException {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				boolean isStatic = Modifier.isStatic(field.getModifiers());
				if (field.getType() != OdooTestServer.class || Modifier.isFinal(field.getModifiers())
						|| (instance == null) != isStatic) {
					continue;
				}
				field.setAccessible(true);
				if (field.get(instance) == null) {
					field.set(instance, server);
				}
			}
		}
	}

}
