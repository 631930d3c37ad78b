package io.zenoo.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.zenoo.cache.CacheFreshness;
import io.zenoo.client.FreshCaches.Kind;
import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooConnectionException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooTimeoutException;
import io.zenoo.client.error.OdooTransportException;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Stale-if-error on every kind of cache, against the test server: an expired entry is served when Odoo fails (HTML
 * 502 pages, timeouts, refused connections) within max-stale, and counted; never past max-stale, never for Odoo's
 * own errors, never after its model was invalidated.
 */
class StaleIfErrorTests {

	private static final Duration TTL = Duration.ofMillis(300);

	private static final CacheFreshness TEN_MINUTES_STALE = new CacheFreshness(Duration.ofMinutes(10), 0);

	private static final String BAD_GATEWAY = "<html><body><h1>502 Bad Gateway</h1></body></html>";

	private static final String ACCESS_ERROR = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, "
			+ "\"message\": \"Odoo Server Error\", \"data\": {\"name\": \"odoo.exceptions.AccessError\", "
			+ "\"message\": \"You are not allowed to access 'Contact' (res.partner) records.\", \"arguments\": [], "
			+ "\"context\": {}, \"debug\": \"\"}}}";

	private static OdooTestServer server;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	private final RedisInstances instances = new RedisInstances("zenoo_stale_");

	@AfterEach
	void cleanUp() {
		this.instances.close();
	}

	private static QueryBuilder<ResPartner> companies(ZenooClient client) {
		return client.model(ResPartner.class).filter("is_company", true).orderBy("id");
	}

	private static int searchReads() {
		return server.calls().count("res.partner", "search_read");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void anExpiredEntryIsServedWhileOdooAnswersHtml502PagesAndCounted(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		ZenooClient client = caches.client(server);
		List<ResPartner> loaded = companies(client).all().block();
		caches.expire();
		server.faults().httpError(2, 502, "text/html", BAD_GATEWAY);

		List<ResPartner> stale = companies(client).all().block();
		List<ResPartner> againStale = companies(client).all().block();

		assertThat(stale).isEqualTo(loaded).isNotEmpty();
		assertThat(againStale).isEqualTo(loaded);
		assertThat(caches.cache().statistics().staleServed()).isEqualTo(2);
		assertThat(caches.manager().getStats().caches().get("fresh").staleServed()).isEqualTo(2);
		assertThat(searchReads()).as("only the first call reached the search_read").isEqualTo(1);
		// Odoo is back: the next lookup loads afresh and is not stale
		List<ResPartner> fresh = companies(client).all().block();
		assertThat(fresh).isEqualTo(loaded);
		assertThat(searchReads()).isEqualTo(2);
		assertThat(companies(client).all().block()).isEqualTo(loaded);
		assertThat(searchReads()).as("the reloaded entry is fresh again").isEqualTo(2);
		assertThat(caches.cache().statistics().staleServed()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void anExpiredEntryIsServedWhenOdooTimesOut(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		ZenooClient client = caches.client(server);
		List<ResPartner> loaded = companies(client).all().block();
		caches.expire();
		server.faults().latency(Duration.ofSeconds(4));
		try {
			long start = System.nanoTime();
			List<ResPartner> stale = companies(client).all().block(Duration.ofSeconds(5));
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(stale).isEqualTo(loaded);
			assertThat(took).as("the client's 1 s read timeout, not Odoo's 4 s").isLessThan(Duration.ofMillis(3000));
			assertThat(caches.cache().statistics().staleServed()).isEqualTo(1);
		}
		finally {
			server.faults().clear();
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void anExpiredEntryIsServedWhileOdooRefusesConnections(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		OdooTestServer doomed = OdooTestServer.start();
		ZenooClient client;
		List<ResPartner> loaded;
		try {
			client = caches.client(doomed);
			loaded = companies(client).all().block();
		}
		finally {
			doomed.close();
		}
		// a query never cached has nothing to fall back on: the typed failure reaches the caller
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(catchThrowable(() -> companies(client).limit(1).all().block()))
				.isInstanceOf(OdooConnectionException.class));
		caches.expire();

		assertThat(companies(client).all().block()).isEqualTo(loaded).isNotEmpty();
		assertThat(caches.cache().statistics().staleServed()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void notServedPastMaxStale(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, new CacheFreshness(Duration.ofMillis(300), 0), this.instances);
		ZenooClient client = caches.client(server);
		companies(client).all().block();
		caches.ageTo(2.1);
		server.faults().httpError(1, 502, "text/html", BAD_GATEWAY);

		Throwable failure = catchThrowable(() -> companies(client).all().block());

		assertThat(failure).isInstanceOf(OdooHttpStatusException.class);
		assertThat(caches.cache().statistics().staleServed()).isZero();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void notServedForOdoosOwnErrors(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		ZenooClient client = caches.client(server);
		companies(client).all().block();
		caches.expire();
		server.faults().rawBody(1, "application/json", ACCESS_ERROR.getBytes(StandardCharsets.UTF_8));

		Throwable failure = catchThrowable(() -> companies(client).all().block());

		assertThat(failure).isInstanceOf(OdooAccessException.class);
		assertThat(caches.cache().statistics().staleServed()).isZero();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void notServedAfterItsModelWasInvalidated(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		ZenooClient client = caches.client(server);
		companies(client).all().block();
		caches.manager().invalidateModelCache("res.partner").block();
		caches.expire();
		server.faults().httpError(1, 502, "text/html", BAD_GATEWAY);

		Throwable failure = catchThrowable(() -> companies(client).all().block());

		assertThat(failure).isInstanceOf(OdooTransportException.class);
		assertThat(caches.cache().statistics().staleServed()).isZero();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aFreshEntryIsAHitAndAPlainLookupNeverReturnsAnExpiredOne(Kind kind) {
		FreshCaches caches = new FreshCaches(kind, TTL, TEN_MINUTES_STALE, this.instances);
		caches.cache().store("plain", "value", null).block();
		assertThat(caches.cache().find("plain", String.class).block()).isEqualTo("value");
		caches.expire();
		assertThat(caches.cache().find("plain", String.class).block()).isNull();
		// still kept for stale-if-error: a failing load falls back on it
		Object served = caches.cache()
			.findOrLoad("plain", String.class, () -> reactor.core.publisher.Mono.<String>error(
					new OdooTimeoutException("read of test timed out", null)), null)
			.block();
		assertThat(served).isEqualTo("value");
		assertThat(caches.cache().statistics().staleServed()).isEqualTo(1);
	}

}
