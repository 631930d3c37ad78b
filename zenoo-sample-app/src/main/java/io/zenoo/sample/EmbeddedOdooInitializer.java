package io.zenoo.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the in-process Odoo test server when no real Odoo is configured, so the sample runs with nothing installed.
 * <p>
 * It stays out of the way when {@code zenoo.odoo.url} is set (the {@code odoo} profile sets it from
 * {@code ODOO_URL}) or when {@code sample.embedded-odoo} is {@code false}.
 */
public class EmbeddedOdooInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedOdooInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.containsProperty("zenoo.odoo.url")
				|| !environment.getProperty("sample.embedded-odoo", Boolean.class, true)) {
			return;
		}
		OdooTestServer server = OdooTestServer.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("zenoo.odoo.url", server.url());
		properties.put("zenoo.odoo.database", server.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.odoo.password", OdooTestUsers.ADMIN_PASSWORD);
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedOdoo", properties));
		context.getBeanFactory().registerSingleton("embeddedOdooTestServer", server);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				server.close();
			}
		});
		logger.info("Started the embedded Odoo test server at {} (database '{}'); set ODOO_URL and the 'odoo' profile"
				+ " to use a real Odoo", server.url(), server.database());
	}

}
