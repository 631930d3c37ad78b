package io.zenoo.annotation;

import java.time.Duration;
import java.util.List;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.error.OdooTransportException;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.AnnotatedPartnerService;
import io.zenoo.repository.sample.RepositoryTestApplication;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * {@code @OdooCached} Mono methods load through {@code findOrLoad}, so a cache configured with {@code max-stale}
 * serves their expired results while Odoo answers HTML 502 pages, and only within max-stale.
 */
class OdooCachedFreshnessTests {

	private static OdooTestServer server;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		context = RepositoryTestApplication.start(server, "zenoo.cache.caches.fast.default-ttl=250ms",
				"zenoo.cache.caches.fast.max-stale=1m");
	}

	@AfterAll
	static void stop() {
		context.close();
		server.close();
	}

	private static void waitPast(long startNanos, Duration duration) {
		await().atMost(duration.plusSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> System.nanoTime() - startNanos > duration.toNanos());
	}

	@Test
	void anExpiredResultIsServedWhileOdooFailsButNotAfterInvalidation() {
		AnnotatedPartnerService service = context.getBean(AnnotatedPartnerService.class);
		ZenooCacheManager caches = context.getBean(ZenooCacheManager.class);
		List<ResPartner> loaded = service.companies().block();
		// the entry's TTL started when the load completed, at the latest now
		long loadedAt = System.nanoTime();
		waitPast(loadedAt, Duration.ofMillis(300));
		server.faults().httpError(20, 502, "text/html", "<html><body>Bad Gateway</body></html>");
		try {
			assertThat(service.companies().block()).isEqualTo(loaded).isNotEmpty();
			assertThat(caches.getCache("fast").statistics().staleServed())
				.as("%s, calls %s", caches.getCache("fast").statistics(), server.calls().all())
				.isEqualTo(1);
			caches.invalidateModelCache("res.partner").block();
			assertThat(catchThrowable(() -> service.companies().block())).isInstanceOf(OdooTransportException.class);
			assertThat(caches.getCache("fast").statistics().staleServed()).isEqualTo(1);
		}
		finally {
			server.faults().clear();
		}
	}

}
