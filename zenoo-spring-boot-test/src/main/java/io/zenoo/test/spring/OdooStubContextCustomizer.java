package io.zenoo.test.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts an Odoo test server for one application context, registers it as the {@code odooTestServer} bean, adds the
 * {@code zenoo.odoo.*} properties first in the environment, and stops the server when the context closes. All
 * instances are equal, so annotated test classes with otherwise equal configuration share one cached context.
 */
final class OdooStubContextCustomizer implements ContextCustomizer {

	/** The name of the property source and of the bean. */
	static final String NAME = "odooTestServer";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		OdooTestServer server = OdooTestServer.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("zenoo.odoo.url", server.url());
		properties.put("zenoo.odoo.database", server.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.odoo.password", OdooTestUsers.ADMIN_PASSWORD);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(NAME, properties));
		context.getBeanFactory().registerSingleton(NAME, server);
		context.addApplicationListener(new StopOnClose(context, server));
	}

	/** Stops the server when its context closes. */
	private static final class StopOnClose implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		private final OdooTestServer server;

		StopOnClose(ConfigurableApplicationContext context, OdooTestServer server) {
			this.context = context;
			this.server = server;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				this.server.close();
			}
		}

	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
