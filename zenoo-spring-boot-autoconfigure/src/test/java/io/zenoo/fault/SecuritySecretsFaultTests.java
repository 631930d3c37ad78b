package io.zenoo.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.RedisServerProcess;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResCountry;
import io.zenoo.fault.RedisFaultSupport.RawRedis;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets under failure, where the actuator tests do not go: a private redis-server that requires a password (set
 * with {@code CONFIG SET requirepass}), reached by one cache with the right password and by another with a wrong one,
 * then killed; an Odoo API key that works, then wrong Odoo passwords and API keys. With debug logging of Zenoo and
 * Spring Data Redis, no secret appears in the captured log, in an exception message (nor its causes), or in
 * {@code /actuator/health}, {@code /actuator/zenoo}, {@code /actuator/env} and {@code /actuator/configprops}.
 */
@Tag("fault")
@ExtendWith(OutputCaptureExtension.class)
class SecuritySecretsFaultTests {

	private static final List<String> ENDPOINTS = List.of("/actuator/health", "/actuator/zenoo", "/actuator/env",
			"/actuator/configprops", "/actuator/caches", "/actuator/env/zenoo.cache.caches.guarded.url",
			"/actuator/env/zenoo.cache.caches.wrong.url", "/actuator/env/zenoo.odoo.api-key",
			"/actuator/env/zenoo.odoo.password");

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	private static String secret(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static Map<String, Object> properties(OdooTestServer server) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("management.endpoints.web.exposure.include", "health,zenoo,caches,env,configprops");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.env.show-values", "always");
		properties.put("management.endpoint.configprops.show-values", "always");
		properties.put("logging.level.io.zenoo", "DEBUG");
		properties.put("logging.level.org.springframework.data.redis", "DEBUG");
		properties.put("zenoo.odoo.url", server.url());
		properties.put("zenoo.odoo.database", server.database());
		properties.put("zenoo.odoo.username", OdooTestUsers.ADMIN_LOGIN);
		properties.put("zenoo.cache.caches.memory.type", "memory");
		return properties;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.REACTIVE)
			.properties(properties)
			.run();
	}

	private static String endpoints(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebTestClient web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		List<String> bodies = new ArrayList<>();
		for (String path : ENDPOINTS) {
			bodies.add(path + " " + web.get().uri(path).exchange().expectBody(String.class).returnResult()
				.getResponseBody());
		}
		return String.join("\n", bodies);
	}

	/** The message of an error and of all its causes and suppressed errors. */
	private static String messages(Throwable error) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = error; current != null; current = current.getCause()) {
			text.append(current).append('\n');
			for (Throwable suppressed : current.getSuppressed()) {
				text.append(messages(suppressed));
			}
		}
		return text.toString();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void redisPasswordsRightWrongAndDownAppearNowhere(CapturedOutput output) {
		OdooTestServer server = odoo.server();
		String redisPassword = secret("RedisPw");
		String wrongPassword = secret("WrongPw");
		String apiKey = server.createApiKey(OdooTestUsers.ADMIN_LOGIN);
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			try (RawRedis raw = new RawRedis(redis.url())) {
				raw.commands().configSet("requirepass", redisPassword);
			}
			String namespace = RedisFaultSupport.namespace("zenoo_secrets_");
			Map<String, Object> properties = properties(server);
			properties.put("zenoo.odoo.api-key", apiKey);
			properties.put("zenoo.cache.caches.guarded.type", "redis");
			properties.put("zenoo.cache.caches.guarded.url",
					"redis://default:" + redisPassword + "@127.0.0.1:" + redis.port() + "/0");
			properties.put("zenoo.cache.caches.guarded.namespace", namespace);
			properties.put("zenoo.cache.caches.wrong.type", "redis");
			properties.put("zenoo.cache.caches.wrong.url",
					"redis://default:" + wrongPassword + "@127.0.0.1:" + redis.port() + "/0");
			properties.put("zenoo.cache.caches.wrong.namespace", namespace);
			properties.put("zenoo.cache.caches.tiered.type", "tiered");
			properties.put("zenoo.cache.caches.tiered.l1", "memory");
			properties.put("zenoo.cache.caches.tiered.l2", "guarded");
			ConfigurableApplicationContext context = start(properties);
			try {
				ZenooClient client = context.getBean(ZenooClient.class);
				for (String cache : List.of("guarded", "wrong", "tiered")) {
					assertThat(client.model(ResCountry.class).filter("code", "BE").cache(cache).all().block())
						.as("served through " + cache).hasSize(1);
				}
				// the right password reached Redis, the wrong one did not
				try (RawRedis raw = new RawRedis("redis://default:" + redisPassword + "@127.0.0.1:" + redis.port())) {
					assertThat(raw.keys(namespace + ":*")).as("keys stored with the right password").isNotEmpty();
				}
				ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
				assertThat(caches.getCache("wrong").statistics().backendErrors()).as("the wrong password failed")
					.isPositive();
				String whileUp = endpoints(context);
				redis.kill();
				for (String cache : List.of("guarded", "wrong", "tiered")) {
					assertThat(client.model(ResCountry.class).filter("code", "FR").cache(cache).all().block())
						.as("served through " + cache + " with Redis down").hasSize(1);
				}
				String whileDown = endpoints(context);
				String health = whileDown.lines().filter((line) -> line.startsWith("/actuator/health ")).findFirst()
					.orElseThrow();
				assertThat(health).contains("\"redisReachable\":false");
				String all = whileUp + "\n" + whileDown;
				System.out.printf("[fault] secrets, Redis side: %d endpoint bodies (%d chars), %d log chars; Redis "
						+ "password found %d times, wrong password %d, API key %d%n", ENDPOINTS.size() * 2,
						all.length(), output.getAll().length(), count(all + output.getAll(), redisPassword),
						count(all + output.getAll(), wrongPassword), count(all + output.getAll(), apiKey));
				assertThat(all).contains("redis://******@127.0.0.1").contains("zenoo.odoo.api-key");
				for (String secret : List.of(redisPassword, wrongPassword, apiKey)) {
					assertThat(all).doesNotContain(secret);
					assertThat(output.getAll()).doesNotContain(secret);
				}
			}
			finally {
				context.close();
			}
		}
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void wrongOdooPasswordsAndApiKeysAppearNowhere(CapturedOutput output) {
		OdooTestServer server = odoo.server();
		String wrongPassword = secret("OdooPw");
		String wrongApiKey = secret("OdooKey");
		String otherPassword = secret("DemoPw");
		Map<String, Object> properties = properties(server);
		properties.put("zenoo.odoo.password", wrongPassword);
		ConfigurableApplicationContext context = start(properties);
		try {
			ZenooClient client = context.getBean(ZenooClient.class);
			List<Throwable> errors = new ArrayList<>();
			errors.add(catchThrowable(() -> client.model(ResCountry.class).filter("code", "BE").all().block()));
			errors.add(catchThrowable(() -> client.version().then(client.uid()).block()));
			errors.add(catchThrowable(() -> client.withCredentials(OdooTestUsers.DEMO_LOGIN, otherPassword)
				.model(ResCountry.class).all().block()));
			errors.add(catchThrowable(() -> client.withCredentials(
					io.zenoo.client.OdooCredentials.apiKey(OdooTestUsers.ADMIN_LOGIN, wrongApiKey))
				.model(ResCountry.class).noCache().all().block()));
			String messages = errors.stream().map((error) -> {
				assertThat(error).as("a failed login").isNotNull();
				return messages(error);
			}).reduce("", String::concat);
			assertThat(messages).contains("Authentication");
			String bodies = endpoints(context);
			assertThat(bodies).contains("\"odoo\"");
			String all = messages + "\n" + bodies + "\n" + output.getAll();
			System.out.printf("[fault] secrets, Odoo side: %d failed logins, %d chars of messages, endpoints and logs; "
					+ "wrong password found %d times, wrong API key %d, other user's password %d%n", errors.size(),
					all.length(), count(all, wrongPassword), count(all, wrongApiKey), count(all, otherPassword));
			for (String secret : List.of(wrongPassword, wrongApiKey, otherPassword)) {
				assertThat(all).doesNotContain(secret);
			}
		}
		finally {
			context.close();
		}
	}

	private static int count(String text, String secret) {
		int found = 0;
		for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
			found++;
		}
		return found;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
