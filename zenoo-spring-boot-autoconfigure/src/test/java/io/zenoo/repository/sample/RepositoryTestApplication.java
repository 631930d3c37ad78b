package io.zenoo.repository.sample;

import io.zenoo.autoconfigure.ZenooCacheAnnotationsAutoConfiguration;
import io.zenoo.autoconfigure.ZenooCacheAutoConfiguration;
import io.zenoo.autoconfigure.ZenooClientAutoConfiguration;
import io.zenoo.autoconfigure.ZenooRepositoriesAutoConfiguration;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * An application of the sample package: its repositories are found by the auto-configuration (no
 * {@code @EnableOdooRepositories}).
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({ ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class,
		ZenooCacheAnnotationsAutoConfiguration.class, ZenooRepositoriesAutoConfiguration.class })
@Import(AnnotatedPartnerService.class)
public class RepositoryTestApplication {

	/**
	 * Start the application against a test server, with a memory cache {@code fast} (default) and {@code other}, and
	 * at most 5 Flux elements cached.
	 */
	public static ConfigurableApplicationContext start(OdooTestServer server, String... extraProperties) {
		String[] properties = { "zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
				"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN, "zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD,
				"zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.other.type=memory",
				"zenoo.cache.default-cache=fast", "zenoo.cache.annotations.max-flux-elements=5" };
		String[] all = new String[properties.length + extraProperties.length];
		System.arraycopy(properties, 0, all, 0, properties.length);
		System.arraycopy(extraProperties, 0, all, properties.length, extraProperties.length);
		return new SpringApplicationBuilder(RepositoryTestApplication.class).web(WebApplicationType.NONE)
			.properties(all)
			.run();
	}

}
