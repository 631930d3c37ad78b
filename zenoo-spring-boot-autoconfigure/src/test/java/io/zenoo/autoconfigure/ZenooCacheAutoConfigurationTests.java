package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.cache.CacheType;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ZenooCacheAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class));

	@Test
	void withoutCachesThereIsOneMemoryCacheNamedMemoryAndItIsTheDefault() {
		this.runner.run((context) -> {
			ZenooCacheManager manager = context.getBean("zenooCacheManager", ZenooCacheManager.class);
			assertThat(manager.getCacheNames()).containsExactly("memory");
			ZenooCache memory = manager.getDefaultCache();
			assertThat(memory).isNotNull();
			assertThat(memory.getName()).isEqualTo("memory");
			assertThat(memory.type()).isEqualTo(CacheType.MEMORY);
			assertThat(memory.defaultTtl()).isEqualTo(Duration.ofMinutes(5));
			assertThat(context).doesNotHaveBean("cacheManager");
		});
	}

	@Test
	void disabledMeansAManagerWithoutCaches() {
		this.runner.withPropertyValues("zenoo.cache.enabled=false", "zenoo.cache.caches.fast.type=memory")
			.run((context) -> {
				ZenooCacheManager manager = context.getBean(ZenooCacheManager.class);
				assertThat(manager.getCacheNames()).isEmpty();
				assertThat(manager.getDefaultCache()).isNull();
			});
	}

	@Test
	void bindsTheDocumentedShape() {
		String namespace = "zenoo_autoconf_" + UUID.randomUUID().toString().substring(0, 8);
		this.runner
			.withPropertyValues("zenoo.cache.default-cache=fast", "zenoo.cache.caches.fast.type=memory",
					"zenoo.cache.caches.fast.max-size=500", "zenoo.cache.caches.fast.default-ttl=60s",
					"zenoo.cache.caches.fast.strategy=lfu", "zenoo.cache.caches.persistent.type=redis",
					"zenoo.cache.caches.persistent.url=" + SharedRedis.url(1),
					"zenoo.cache.caches.persistent.namespace=" + namespace,
					"zenoo.cache.caches.persistent.serializer=json", "zenoo.cache.caches.persistent.default-ttl=1h",
					"zenoo.cache.caches.persistent.max-connections=10",
					"zenoo.cache.caches.persistent.enable-fallback=true",
					"zenoo.cache.caches.persistent.circuit-breaker-threshold=5",
					"zenoo.cache.caches.persistent.retry-attempts=3",
					"zenoo.cache.caches.persistent.command-timeout=500ms", "zenoo.cache.caches.hot.type=tiered",
					"zenoo.cache.caches.hot.l1=fast", "zenoo.cache.caches.hot.l2=persistent")
			.run((context) -> {
				ZenooCacheManager manager = context.getBean(ZenooCacheManager.class);
				assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("fast", "persistent", "hot");
				assertThat(manager.getDefaultCache().getName()).isEqualTo("fast");
				assertThat(manager.getCache("fast").defaultTtl()).isEqualTo(Duration.ofSeconds(60));
				assertThat(manager.getCache("persistent").type()).isEqualTo(CacheType.REDIS);
				assertThat(manager.getCache("persistent").defaultTtl()).isEqualTo(Duration.ofHours(1));
				ZenooCache hot = manager.getCache("hot");
				assertThat(hot.type()).isEqualTo(CacheType.TIERED);
				hot.store("k", "v", null).block();
				assertThat(manager.getCache("persistent").find("k", String.class).block()).isEqualTo("v");
				manager.clearAllCaches().block();
				assertThat(hot.find("k", String.class).block()).isNull();
			});
	}

	@Test
	void redisCacheWithoutUrlUsesSpringDataRedisConnection() {
		String namespace = "zenoo_autoconf_" + UUID.randomUUID().toString().substring(0, 8);
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DataRedisReactiveAutoConfiguration.class, ZenooCacheAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=" + SharedRedis.host(), "spring.data.redis.port=" + SharedRedis.port(),
					"zenoo.cache.caches.shared.type=redis", "zenoo.cache.caches.shared.namespace=" + namespace)
			.run((context) -> {
				ZenooCache shared = context.getBean(ZenooCacheManager.class).getCache("shared");
				shared.store("k", "v", null).block();
				assertThat(shared.find("k", String.class).block()).isEqualTo("v");
				shared.removeAll().block();
			});
	}

	@Test
	void cacheableMonoMethodWorksOnAZenooMemoryCache() {
		this.runner.withUserConfiguration(CachingConfiguration.class).run((context) -> {
			PartnerService service = context.getBean(PartnerService.class);
			assertThat(service.name(7).block()).isEqualTo("partner 7 #1");
			assertThat(service.name(7).block()).isEqualTo("partner 7 #1");
			assertThat(service.name(8).block()).isEqualTo("partner 8 #2");
			assertThat(service.calls()).isEqualTo(2);
			assertThat(context.getBean(ZenooCacheManager.class).getCache("memory").get(7, String.class))
				.isEqualTo("partner 7 #1");
		});
	}

	@Test
	void cacheableMonoMethodWorksOnAZenooRedisCache() {
		String namespace = "zenoo_autoconf_" + UUID.randomUUID().toString().substring(0, 8);
		this.runner.withUserConfiguration(CachingConfiguration.class)
			.withPropertyValues("zenoo.cache.caches.memory.type=memory", "zenoo.cache.caches.remote.type=redis",
					"zenoo.cache.caches.remote.url=" + SharedRedis.url(0),
					"zenoo.cache.caches.remote.namespace=" + namespace)
			.run((context) -> {
				PartnerService service = context.getBean(PartnerService.class);
				assertThat(service.remoteName(1).block()).isEqualTo("remote 1 #1");
				assertThat(service.remoteName(1).block()).isEqualTo("remote 1 #1");
				assertThat(service.calls()).isEqualTo(1);
				ZenooCache remote = context.getBean(ZenooCacheManager.class).getCache("remote");
				assertThat(remote.find(1, String.class).block()).isEqualTo("remote 1 #1");
				remote.removeAll().block();
			});
	}

	@Test
	void applicationCacheManagerCoexistsAndStaysTheDefault() {
		this.runner.withUserConfiguration(CachingConfiguration.class, OwnCacheManagerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("cacheManager").hasBean("zenooCacheManager");
				assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
				PartnerService service = context.getBean(PartnerService.class);
				assertThat(service.plain("x")).isEqualTo("plain x #1");
				assertThat(service.plain("x")).isEqualTo("plain x #1");
				assertThat(context.getBean("cacheManager", CacheManager.class).getCache("plain").get("x")).isNotNull();
				assertThat(service.name(3).block()).isEqualTo("partner 3 #2");
				assertThat(service.name(3).block()).isEqualTo("partner 3 #2");
				assertThat(context.getBean(ZenooCacheManager.class).getCache("memory").get(3, String.class))
					.isEqualTo("partner 3 #2");
			});
	}

	@Test
	void bootCacheAutoConfigurationStillConfiguresItsOwnCacheManager() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CacheAutoConfiguration.class, ZenooCacheAutoConfiguration.class))
			.withUserConfiguration(CachingConfiguration.class)
			.withPropertyValues("spring.cache.type=simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("cacheManager").hasBean("zenooCacheManager");
				assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
				PartnerService service = context.getBean(PartnerService.class);
				assertThat(service.plain("y")).isEqualTo(service.plain("y"));
				assertThat(service.name(5).block()).isEqualTo(service.name(5).block());
				assertThat(service.calls()).isEqualTo(2);
			});
	}

	@Test
	void anApplicationZenooCacheManagerReplacesOurs() {
		this.runner.withBean("myZenoo", ZenooCacheManager.class, ZenooCacheManager::new).run((context) -> {
			assertThat(context).hasSingleBean(ZenooCacheManager.class).hasBean("myZenoo");
			assertThat(context).doesNotHaveBean("zenooCacheManager");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class CachingConfiguration {

		@Bean
		PartnerService partnerService() {
			return new PartnerService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCacheManagerConfiguration {

		@Bean
		CacheManager cacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

	static class PartnerService {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		@Cacheable(cacheNames = "memory", cacheManager = "zenooCacheManager")
		public Mono<String> name(int id) {
			return Mono.fromSupplier(() -> "partner " + id + " #" + this.calls.incrementAndGet());
		}

		@Cacheable(cacheNames = "remote", cacheManager = "zenooCacheManager")
		public Mono<String> remoteName(int id) {
			return Mono.fromSupplier(() -> "remote " + id + " #" + this.calls.incrementAndGet());
		}

		@Cacheable(cacheNames = "plain")
		public String plain(String key) {
			return "plain " + key + " #" + this.calls.incrementAndGet();
		}

	}

}
