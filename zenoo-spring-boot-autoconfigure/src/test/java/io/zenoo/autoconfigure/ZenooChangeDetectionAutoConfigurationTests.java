package io.zenoo.autoconfigure;

import io.zenoo.cache.invalidation.ChangeWatch;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zenoo.cache.change-detection.*} starts a {@link ChangeWatch} that stops with the context, and each bad value
 * stops startup naming its property; {@code write-through} reaches the cache manager.
 */
class ZenooChangeDetectionAutoConfigurationTests {

	private static OdooTestServer server;

	private ApplicationContextRunner runner;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class,
					ZenooClientAutoConfiguration.class, ZenooChangeDetectionAutoConfiguration.class))
			.withPropertyValues("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
					"zenoo.odoo.username=admin", "zenoo.odoo.password=admin");
	}

	@Test
	void listedModelsAreWatchedUntilTheContextCloses() {
		ChangeWatch[] kept = new ChangeWatch[1];
		runner().withPropertyValues("zenoo.cache.change-detection.models[0]=res.partner",
				"zenoo.cache.change-detection.interval=1h")
			.run((context) -> {
				ChangeWatch watch = context.getBean(ChangeWatch.class);
				kept[0] = watch;
				assertThat(watch.models()).containsExactly("res.partner");
				assertThat(watch.interval()).hasHours(1);
				assertThat(watch.isRunning()).isTrue();
			});
		assertThat(kept[0].isRunning()).isFalse();
	}

	@Test
	void withoutModelsThereIsNoWatch() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(ChangeWatch.class));
	}

	@Test
	void writeThroughReachesTheManager() {
		runner().withPropertyValues("zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.fast.write-through=true",
				"zenoo.cache.caches.slow.type=memory")
			.run((context) -> {
				io.zenoo.cache.ZenooCacheManager manager = context.getBean(io.zenoo.cache.ZenooCacheManager.class);
				assertThat(manager.isWriteThrough("fast")).isTrue();
				assertThat(manager.isWriteThrough("slow")).isFalse();
			});
	}

	private ZenooConfigurationException failure(String... properties) {
		ZenooConfigurationException[] found = new ZenooConfigurationException[1];
		runner().withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ZenooConfigurationException)) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(ZenooConfigurationException.class);
			found[0] = (ZenooConfigurationException) cause;
		});
		return found[0];
	}

	@Test
	void anUnknownCacheIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.change-detection.models[0]=res.partner",
				"zenoo.cache.change-detection.cache=nope");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.change-detection.cache");
		assertThat(ex.getMessage()).contains("nope");
	}

	@Test
	void aMemoryCacheCannotCoordinate() {
		ZenooConfigurationException ex = failure("zenoo.cache.change-detection.models[0]=res.partner",
				"zenoo.cache.change-detection.cache=memory");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.change-detection.cache");
		assertThat(ex.getMessage()).contains("no Redis");
	}

	@Test
	void aZeroOrNegativeIntervalIsRefused() {
		for (String interval : new String[] { "0s", "-5s" }) {
			ZenooConfigurationException ex = failure("zenoo.cache.change-detection.models[0]=res.partner",
					"zenoo.cache.change-detection.interval=" + interval);
			assertThat(ex.getProperty()).isEqualTo("zenoo.cache.change-detection.interval");
			assertThat(ex.getMessage()).contains("must be positive");
		}
	}

	@Test
	void aBlankOrInvalidModelIsRefused() {
		ZenooConfigurationException blank = failure("zenoo.cache.change-detection.models[0]=res.partner",
				"zenoo.cache.change-detection.models[1]= ");
		assertThat(blank.getProperty()).isEqualTo("zenoo.cache.change-detection.models[1]");
		assertThat(blank.getMessage()).contains("blank");
		ZenooConfigurationException invalid = failure("zenoo.cache.change-detection.models[0]=res partner");
		assertThat(invalid.getProperty()).isEqualTo("zenoo.cache.change-detection.models[0]");
	}

	@Test
	void changeDetectionWithCachingDisabledIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.change-detection.models[0]=res.partner",
				"zenoo.cache.enabled=false");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.change-detection.models");
		assertThat(ex.getMessage()).contains("caching is disabled");
	}

}
