package io.zenoo.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts configured from the same properties share a Redis: what one instance refreshes, the
 * other stops serving from its own memory tier.
 */
class TwoInstancesInvalidationTests {

	private static OdooTestServer server;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aRefreshOnOneInstanceEvictsTheOtherInstancesL1() {
		String namespace = "zenoo_two_" + UUID.randomUUID().toString().substring(0, 8);
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class,
					ZenooClientAutoConfiguration.class))
			.withPropertyValues("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
					"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
					"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD, "zenoo.cache.default-cache=hot",
					"zenoo.cache.caches.fast.type=memory", "zenoo.cache.caches.fast.default-ttl=10m",
					"zenoo.cache.caches.persistent.type=redis",
					"zenoo.cache.caches.persistent.url=" + SharedRedis.url(),
					"zenoo.cache.caches.persistent.namespace=" + namespace,
					"zenoo.cache.caches.hot.type=tiered", "zenoo.cache.caches.hot.l1=fast",
					"zenoo.cache.caches.hot.l2=persistent");
		runner.run((first) -> runner.run((second) -> {
			QueryBuilder<ResPartner> onFirst = first.getBean(ZenooClient.class).model(ResPartner.class).filter("id", 13);
			QueryBuilder<ResPartner> onSecond = second.getBean(ZenooClient.class).model(ResPartner.class)
				.filter("id", 13);
			try {
				assertThat(onFirst.first().block().city()).isEqualTo("Florenville");
				assertThat(onSecond.first().block().city()).isEqualTo("Florenville");
				assertThat(server.calls().count("res.partner", "search_read")).as("second served from Redis")
					.isEqualTo(1);

				server.store().write("res.partner", 13, Map.of("city", "Bouillon"));
				assertThat(onFirst.cacheRefresh().first().block().city()).isEqualTo("Bouillon");

				// the second instance had the old value in its memory tier; the invalidation message drops it, and
				// its next read comes from Redis, already refreshed, without asking Odoo
				String seen = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
					.onBackpressureDrop()
					.concatMap((tick) -> onSecond.first())
					.map(ResPartner::city)
					.filter("Bouillon"::equals)
					.blockFirst(Duration.ofSeconds(5));
				assertThat(seen).isEqualTo("Bouillon");
				assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(2);
			}
			finally {
				first.getBean(ZenooCacheManager.class).clearAllCaches().block();
			}
		}));
	}

}
