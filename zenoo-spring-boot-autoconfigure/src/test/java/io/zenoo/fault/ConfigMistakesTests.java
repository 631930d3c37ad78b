package io.zenoo.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zenoo.autoconfigure.ZenooCacheAnnotationsAutoConfiguration;
import io.zenoo.autoconfigure.ZenooCacheAutoConfiguration;
import io.zenoo.autoconfigure.ZenooChangeDetectionAutoConfiguration;
import io.zenoo.autoconfigure.ZenooClientAutoConfiguration;
import io.zenoo.autoconfigure.ZenooWarmUpAutoConfiguration;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration mistakes, one row each: the application does not start, and the failure analyzers registered in
 * {@code META-INF/spring.factories} (Zenoo's and Spring Boot's, applied in order as Spring Boot does) report a
 * description naming the property and an action naming the fix, with no secret in either.
 */
@Tag("fault")
@Timeout(60)
class ConfigMistakesTests {

	private static final String SECRET = "Pw-9f2c-never-printed";

	/** A configuration that starts: each mistake changes or removes some of it. */
	private static final Map<String, String> VALID = valid();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooClientAutoConfiguration.class, ZenooCacheAutoConfiguration.class,
				ZenooWarmUpAutoConfiguration.class, ZenooCacheAnnotationsAutoConfiguration.class,
				ZenooChangeDetectionAutoConfiguration.class));

	/**
	 * One mistake.
	 * @param name what is wrong
	 * @param changes properties set (or removed, with a {@code null} value) over {@link #VALID}
	 * @param property the property the description must name
	 * @param fix what the action must say
	 */
	record Mistake(String name, Map<String, String> changes, String property, String fix) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static Map<String, String> valid() {
		Map<String, String> valid = new LinkedHashMap<>();
		valid.put("zenoo.odoo.url", "http://127.0.0.1:8069");
		valid.put("zenoo.odoo.database", "demo");
		valid.put("zenoo.odoo.username", "admin");
		valid.put("zenoo.odoo.password", SECRET);
		valid.put("zenoo.cache.caches.m.type", "memory");
		return valid;
	}

	private static Mistake mistake(String name, String property, String fix, String... changes) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String change : changes) {
			int equals = change.indexOf('=');
			map.put((equals < 0) ? change : change.substring(0, equals),
					(equals < 0) ? null : change.substring(equals + 1));
		}
		return new Mistake(name, map, property, fix);
	}

	static Stream<Mistake> mistakes() {
		String redis = "zenoo.cache.caches.r.type=redis";
		String tiered = "zenoo.cache.caches.hot.type=tiered";
		return Stream.of(
				mistake("default-cache naming no cache", "zenoo.cache.default-cache", "[m]",
						"zenoo.cache.default-cache=nope"),
				mistake("tiered l1 naming no cache", "zenoo.cache.caches.hot.l1", "memory cache", tiered,
						"zenoo.cache.caches.hot.l1=nope", "zenoo.cache.caches.hot.l2=r", redis,
						"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0"),
				mistake("tiered l2 naming no cache", "zenoo.cache.caches.hot.l2", "redis cache", tiered,
						"zenoo.cache.caches.hot.l1=m", "zenoo.cache.caches.hot.l2=nope"),
				mistake("tiered without l1", "zenoo.cache.caches.hot.l1", "memory cache", tiered,
						"zenoo.cache.caches.hot.l2=r", redis, "zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0"),
				mistake("unknown cache type", "zenoo.cache.caches.x.type", "tiered",
						"zenoo.cache.caches.x.type=memcached"),
				mistake("cache without a type", "zenoo.cache.caches.x.type", "tiered",
						"zenoo.cache.caches.x.max-size=10"),
				mistake("negative cache size", "zenoo.cache.caches.m.max-size", "at least 1", "zenoo.cache.caches.m.max-size=-1"),
				mistake("negative TTL", "zenoo.cache.caches.m.default-ttl", "duration such as",
						"zenoo.cache.caches.m.default-ttl=-5s"),
				mistake("Redis URL of another scheme", "zenoo.cache.caches.r.url", "redis://", redis,
						"zenoo.cache.caches.r.url=http://:" + SECRET + "@127.0.0.1:6379/0"),
				mistake("Redis URL with a bad database", "zenoo.cache.caches.r.url", "redis://", redis,
						"zenoo.cache.caches.r.url=redis://:" + SECRET + "@127.0.0.1:6379/zero"),
				mistake("Redis URL with a bad port", "zenoo.cache.caches.r.url", "redis://", redis,
						"zenoo.cache.caches.r.url=redis://127.0.0.1:99999/0"),
				mistake("Redis cache without URL or connection factory", "zenoo.cache.caches.r.url", "url", redis),
				mistake("negative Redis pool", "zenoo.cache.caches.r.max-connections", "at least 1", redis,
						"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.r.max-connections=-1"),
				mistake("Odoo URL missing", "zenoo.odoo.url", "http://localhost:8069", "zenoo.odoo.url"),
				mistake("Odoo URL of another scheme", "zenoo.odoo.url", "http://localhost:8069",
						"zenoo.odoo.url=ftp://odoo.example.com"),
				mistake("Odoo URL without a host", "zenoo.odoo.url", "http://localhost:8069",
						"zenoo.odoo.url=http:///web"),
				mistake("Odoo URL that does not parse", "zenoo.odoo.url", "http://localhost:8069",
						"zenoo.odoo.url=http://odoo example.com"),
				mistake("Odoo URL with a bad port", "zenoo.odoo.url", "http://localhost:8069",
						"zenoo.odoo.url=http://127.0.0.1:99999"),
				mistake("Odoo URL with credentials", "zenoo.odoo.url", "zenoo.odoo.password",
						"zenoo.odoo.url=http://admin:" + SECRET + "@127.0.0.1:8069"),
				mistake("database missing", "zenoo.odoo.database", "database name", "zenoo.odoo.database"),
				mistake("username missing", "zenoo.odoo.username", "login", "zenoo.odoo.username"),
				mistake("credentials missing", "zenoo.odoo.password", "zenoo.odoo.api-key", "zenoo.odoo.password"),
				mistake("password and API key", "zenoo.odoo.password", "only one",
						"zenoo.odoo.api-key=" + SECRET + "-key"),
				mistake("json2 with a password", "zenoo.odoo.api-key", "API key", "zenoo.odoo.protocol=json2"),
				mistake("unknown protocol", "zenoo.odoo.protocol", "json_rpc", "zenoo.odoo.protocol=xmlrpc"),
				mistake("timeout that is not a duration", "zenoo.odoo.read-timeout", "update your application's configuration",
						"zenoo.odoo.read-timeout=soon"),
				mistake("negative read timeout", "zenoo.odoo.read-timeout", "5s", "zenoo.odoo.read-timeout=-1s"),
				mistake("zero connect timeout", "zenoo.odoo.connect-timeout", "5s", "zenoo.odoo.connect-timeout=0s"),
				mistake("no connections", "zenoo.odoo.max-connections", "positive", "zenoo.odoo.max-connections=0"),
				mistake("negative response size", "zenoo.odoo.max-response-size", "64MB",
						"zenoo.odoo.max-response-size=-1MB"),
				mistake("negative retries", "zenoo.odoo.retry.attempts", "0", "zenoo.odoo.retry.attempts=-1"),
				mistake("negative back-off", "zenoo.odoo.retry.backoff", "100ms", "zenoo.odoo.retry.backoff=-1s"),
				mistake("negative batch window", "zenoo.odoo.batch-window", "1ms", "zenoo.odoo.batch-window=-1ms"),
				mistake("negative metadata TTL", "zenoo.cache.metadata-ttl", "duration such as", "zenoo.cache.metadata-ttl=-1m"),
				mistake("unknown eviction strategy", "zenoo.cache.caches.m.strategy", "ttl, lru, lfu",
						"zenoo.cache.caches.m.strategy=random"),
				mistake("unknown memory storage", "zenoo.cache.caches.m.storage", "compact, objects",
						"zenoo.cache.caches.m.storage=bytes"),
				mistake("no decoded entries", "zenoo.cache.caches.m.decoded-entries", "between 1 and max-size",
						"zenoo.cache.caches.m.decoded-entries=0"),
				mistake("JDK serialization asked for", "zenoo.cache.caches.r.serializer", "json", redis,
						"zenoo.cache.caches.r.url=redis://127.0.0.1:6379/0", "zenoo.cache.caches.r.serializer=pickle"),
				mistake("health threshold above 1", "zenoo.cache.health.alert-threshold", "between 0 and 1",
						"zenoo.cache.health.alert-threshold=1.5"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void startupFailsNamingThePropertyAndTheFix(Mistake mistake) {
		Map<String, String> properties = new LinkedHashMap<>(VALID);
		mistake.changes().forEach((key, value) -> {
			if (value == null) {
				properties.remove(key);
			}
			else {
				properties.put(key, value);
			}
		});
		List<String> pairs = new ArrayList<>();
		properties.forEach((key, value) -> pairs.add(key + "=" + value));
		this.runner.withPropertyValues(pairs.toArray(String[]::new)).run((context) -> {
			assertThat(context).as(mistake.name()).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			System.out.printf("[fault] config mistake '%s': %s | %s%n", mistake.name(),
					oneLine(analysis.getDescription()), oneLine(analysis.getAction()));
			assertThat(analysis.getDescription()).as("description").contains(mistake.property());
			assertThat(analysis.getAction()).as("action").isNotBlank().containsIgnoringCase(mistake.fix());
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(SECRET);
		});
	}

	@Test
	void theValidConfigurationStarts() {
		List<String> pairs = new ArrayList<>();
		VALID.forEach((key, value) -> pairs.add(key + "=" + value));
		this.runner.withPropertyValues(pairs.toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/** What Spring Boot's FailureAnalyzers report: the first analysis of the registered analyzers, in order. */
	private static FailureAnalysis analyze(Throwable failure) {
		SpringFactoriesLoader.ArgumentResolver arguments = SpringFactoriesLoader.ArgumentResolver
			.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(ConfigMistakesTests.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments,
					SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(ConfigMistakesTests.class)));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analyzer explains " + failure);
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
