package io.zenoo.autoconfigure;

import java.time.Duration;

import io.zenoo.cache.CacheFreshness;
import io.zenoo.cache.InvalidCacheSpecException;
import io.zenoo.cache.ZenooCacheManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code zenoo.cache.caches.<name>.max-stale} and {@code refresh-ahead}: applied to the cache when valid; each invalid
 * value stops the start-up with an error naming the property and the fix.
 */
class FreshnessConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class));

	private ZenooConfigurationException failure(String... properties) {
		ZenooConfigurationException[] found = new ZenooConfigurationException[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ZenooConfigurationException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("cause chain of %s", context.getStartupFailure())
				.isInstanceOf(ZenooConfigurationException.class);
			found[0] = (ZenooConfigurationException) cause;
		});
		return found[0];
	}

	@Test
	void bothSettingsReachTheCache() {
		this.runner
			.withPropertyValues("zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.fast.max-stale=10m",
					"zenoo.cache.caches.fast.refresh-ahead=0.8", "zenoo.cache.caches.plain.type=memory")
			.run((context) -> {
				ZenooCacheManager manager = context.getBean(ZenooCacheManager.class);
				assertThat(manager.getCache("fast").freshness())
					.isEqualTo(new CacheFreshness(Duration.ofMinutes(10), 0.8));
				assertThat(manager.getCache("plain").freshness()).isEqualTo(CacheFreshness.NONE);
			});
	}

	@Test
	void negativeMaxStale() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.max-stale=-1s");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.max-stale");
		assertThat(ex.getMessage()).contains("negative");
		assertThat(ex.getAction()).contains("10m");
	}

	@Test
	void refreshAheadOfOneOrMore() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.refresh-ahead=1.0");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.refresh-ahead");
		assertThat(ex.getMessage()).contains("outside (0, 1)");
		assertThat(ex.getAction()).contains("0.8");
	}

	@Test
	void refreshAheadOfZeroOrLess() {
		assertThat(failure("zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.fast.refresh-ahead=0")
			.getProperty()).isEqualTo("zenoo.cache.caches.fast.refresh-ahead");
		assertThat(failure("zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.fast.refresh-ahead=-0.5")
			.getProperty()).isEqualTo("zenoo.cache.caches.fast.refresh-ahead");
	}

	@Test
	void maxStaleOnACacheWhoseEntriesNeverExpire() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.default-ttl=0", "zenoo.cache.caches.fast.max-stale=5m");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.max-stale");
		assertThat(ex.getMessage()).contains("default-ttl is 0");
		assertThat(ex.getAction()).contains("default-ttl");
	}

	@Test
	void refreshAheadOnACacheWhoseEntriesNeverExpire() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.default-ttl=0", "zenoo.cache.caches.fast.refresh-ahead=0.8");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.refresh-ahead");
	}

	@Test
	void eitherOnAnLruMemoryCache() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.strategy=lru", "zenoo.cache.caches.fast.refresh-ahead=0.8");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.caches.fast.refresh-ahead");
		assertThat(ex.getMessage()).contains("lru");
		assertThat(ex.getAction()).contains("ttl or lfu");
	}

	@Test
	void failureAnalyzerNamesThePropertyAndTheFix() {
		ZenooConfigurationException ex = failure("zenoo.cache.caches.fast.type=memory",
				"zenoo.cache.caches.fast.max-stale=-10m");
		FailureAnalysis analysis = new ZenooConfigurationFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription()).contains("zenoo.cache.caches.fast.max-stale");
		assertThat(analysis.getAction()).contains("10m");
	}

	@Test
	void theManagerRefusesFreshnessACacheCannotHonour() {
		ZenooCacheManager manager = new ZenooCacheManager();
		try {
			manager.setupMemoryCache(new io.zenoo.cache.MemoryCacheSpec("forever", 10, Duration.ZERO,
					io.zenoo.cache.CacheStrategy.TTL));
			assertThatExceptionOfType(InvalidCacheSpecException.class)
				.isThrownBy(() -> manager.setFreshness("forever", new CacheFreshness(Duration.ofMinutes(1), 0)))
				.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("max-stale"));
			assertThat(manager.getCache("forever").freshness()).isEqualTo(CacheFreshness.NONE);
			assertThatExceptionOfType(InvalidCacheSpecException.class)
				.isThrownBy(() -> new CacheFreshness(Duration.ofMinutes(-1), 0));
			assertThatExceptionOfType(InvalidCacheSpecException.class)
				.isThrownBy(() -> new CacheFreshness(Duration.ZERO, Double.NaN));
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> manager.setFreshness("missing", CacheFreshness.NONE));
		}
		finally {
			manager.destroy();
		}
	}

}
