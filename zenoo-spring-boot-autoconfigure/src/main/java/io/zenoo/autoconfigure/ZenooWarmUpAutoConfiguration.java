package io.zenoo.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.cache.warmup.CacheWarmer;
import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.WarmUpTask;
import io.zenoo.client.ZenooClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Cache warm-up: the queries of {@code zenoo.cache.warm-up} and every {@link CacheWarmer} bean, as one
 * {@link CacheWarmup} bean, run after startup (or during it with {@code zenoo.cache.warm-up-fail-fast}).
 */
@AutoConfiguration(after = { ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class })
@EnableConfigurationProperties(ZenooWarmUpProperties.class)
public class ZenooWarmUpAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ZenooWarmUpAutoConfiguration.class);

	/**
	 * The warm-up: the configured queries first, then the {@link CacheWarmer} beans by bean name.
	 * @param client the client whose caches to fill
	 * @param properties the warm-up properties
	 * @param cacheManager the caches, if any
	 * @param beanFactory where the {@link CacheWarmer} beans are
	 * @param resourceLoader gives the class loader of the record types
	 * @return the warm-up
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ZenooClient.class)
	public CacheWarmup zenooCacheWarmup(ZenooClient client, ZenooWarmUpProperties properties,
			ObjectProvider<ZenooCacheManager> cacheManager, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader) {
		if (properties.getWarmUpParallelism() < 1) {
			throw new ZenooConfigurationException("zenoo.cache.warm-up-parallelism",
					"is " + properties.getWarmUpParallelism() + ", below 1",
					"Set how many warm-up queries may run at once, such as 4.");
		}
		List<WarmUpTask> tasks = new ArrayList<>(queryTasks(properties, cacheManager.getIfAvailable(),
				resourceLoader.getClassLoader()));
		for (Map.Entry<String, CacheWarmer> warmer : beanFactory.getBeansOfType(CacheWarmer.class).entrySet()) {
			tasks.add(new WarmUpTask(warmer.getKey(), warmer.getValue()));
		}
		return new CacheWarmup(client, tasks, properties.getWarmUpParallelism());
	}

	/**
	 * Runs the warm-up (the one above or the application's own) after startup, or during it when it must not fail.
	 * @param warmup the warm-up, if there is one
	 * @param properties the warm-up properties
	 * @return the starter
	 */
	@Bean
	WarmUpStarter zenooCacheWarmupStarter(ObjectProvider<CacheWarmup> warmup, ZenooWarmUpProperties properties) {
		return new WarmUpStarter(warmup::getIfUnique, properties.isWarmUpFailFast());
	}

	private static List<WarmUpTask> queryTasks(ZenooWarmUpProperties properties, ZenooCacheManager cacheManager,
			ClassLoader classLoader) {
		if (properties.getWarmUp().isEmpty()) {
			return List.of();
		}
		if (cacheManager == null || cacheManager.getCacheNames().isEmpty()) {
			logger.info("zenoo.cache.warm-up is ignored: caching is off");
			return List.of();
		}
		return new WarmUpQueries(cacheManager.getCacheNames(), classLoader).tasks(properties.getWarmUp());
	}

}
