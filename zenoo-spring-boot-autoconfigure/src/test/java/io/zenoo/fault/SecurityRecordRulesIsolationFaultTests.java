package io.zenoo.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.zenoo.annotation.OdooCached;
import io.zenoo.autoconfigure.ZenooCacheAnnotationsAutoConfiguration;
import io.zenoo.autoconfigure.ZenooCacheAutoConfiguration;
import io.zenoo.autoconfigure.ZenooClientAutoConfiguration;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.QueryBuilder;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.fault.RedisFaultSupport.RawRedis;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users with different record rules on the test server (the administrator, the demo salesman, a user with base
 * rights only, a salesman who sees only his own orders, a user of the second company) run the same query texts
 * through one client's {@code withCredentials} copies, interleaved from concurrent callers, on a memory, a Redis and a
 * tiered cache: every result must be exactly what that user gets without a cache (the same rows, or the same typed
 * error), so no row of one user is ever served to another. The same for {@code @OdooCached} methods that take the
 * caller's client as an argument, in a small Spring application.
 */
@Tag("fault")
class SecurityRecordRulesIsolationFaultTests {

	private static final int QUERIES = 3000;

	private static final int CALLERS = 24;

	private static final List<String> CACHES = List.of("memory", "redis", "tiered");

	private static final Map<String, String> USERS = new LinkedHashMap<>();

	static {
		USERS.put(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD);
		USERS.put(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
		USERS.put(OdooTestUsers.LIMITED_LOGIN, OdooTestUsers.LIMITED_PASSWORD);
		USERS.put(OdooTestUsers.SALES_OWN_LOGIN, OdooTestUsers.SALES_OWN_PASSWORD);
		USERS.put(OdooTestUsers.COMPANY2_LOGIN, OdooTestUsers.COMPANY2_PASSWORD);
	}

	/** The same query texts for every user: a cache name (or null: uncached) and a client give the call. */
	private static final Map<String, BiFunction<ZenooClient, String, Mono<?>>> QUERY_TEXTS = new LinkedHashMap<>();

	static {
		QUERY_TEXTS.put("orders", (client, cache) -> cached(client.model("sale.order")
			.fields("name", "partner_id", "user_id", "company_id")
			.orderBy("id"), cache).all());
		QUERY_TEXTS.put("order count", (client, cache) -> cached(client.model("sale.order"), cache).count());
		QUERY_TEXTS.put("order 1", (client, cache) -> cached(client.model("sale.order").fields("name"), cache).get(1));
		QUERY_TEXTS.put("order 5", (client, cache) -> cached(client.model("sale.order").fields("name"), cache).get(5));
		QUERY_TEXTS.put("partners", (client, cache) -> cached(client.model("res.partner")
			.fields("name", "company_id")
			.orderBy("id"), cache).ids());
		QUERY_TEXTS.put("companies", (client, cache) -> cached(client.model("res.partner")
			.filter("is_company", true)
			.fields("name", "company_id"), cache).all());
	}

	@RegisterExtension
	static final OdooTestServerExtension odoo = new OdooTestServerExtension();

	private static <T> QueryBuilder<T> cached(QueryBuilder<T> query, String cache) {
		return (cache != null) ? query.cache(cache) : query.noCache();
	}

	/** A call's outcome, comparable: its value, or its error's type. */
	private static Mono<Object> outcome(Mono<?> call) {
		return call.<Object>map((value) -> value)
			.defaultIfEmpty("<empty>")
			.onErrorResume((ex) -> Mono.just("error " + ex.getClass().getName()));
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void noUserIsEverServedAnotherUsersRows() {
		OdooTestServer server = odoo.server();
		String namespace = RedisFaultSupport.namespace("zenoo_rules_");
		ZenooCacheManager manager = new ZenooCacheManager();
		manager.setupMemoryCache(new MemoryCacheSpec("memory", 10_000, Duration.ofMinutes(10), CacheStrategy.TTL));
		manager.setupRedisCache(RedisCacheSpec.builder("redis")
			.url(SharedRedis.url())
			.namespace(namespace)
			.defaultTtl(Duration.ofMinutes(10))
			.build());
		manager.setupTieredCache("tiered", "memory", "redis");
		ZenooClient admin = ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(),
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)), manager);
		try {
			Map<String, ZenooClient> clients = new LinkedHashMap<>();
			USERS.forEach((login, password) -> clients.put(login, admin.withCredentials(login, password)));
			// what each user gets without a cache
			Map<String, Object> expected = new LinkedHashMap<>();
			clients.forEach((login, client) -> QUERY_TEXTS.forEach((name, query) -> expected.put(login + " / " + name,
					outcome(query.apply(client, null)).block())));
			// the rules make a difference: the users do not all see the same orders and partners
			for (String name : List.of("orders", "partners")) {
				assertThat(USERS.keySet().stream().map((login) -> expected.get(login + " / " + name)).distinct().count())
					.as("distinct results of '" + name + "' among the users")
					.isGreaterThanOrEqualTo(3);
			}
			assertThat(expected.get(OdooTestUsers.SALES_OWN_LOGIN + " / order 5")).asString().startsWith("error ");

			List<String> logins = new ArrayList<>(USERS.keySet());
			List<String> names = new ArrayList<>(QUERY_TEXTS.keySet());
			List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
			Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
			AtomicInteger rowsChecked = new AtomicInteger();
			long started = System.nanoTime();
			Flux.range(0, QUERIES).flatMap((i) -> {
				// interleave users fastest, so that consecutive calls of one query text come from different users
				String login = logins.get(i % logins.size());
				String name = names.get((i / logins.size()) % names.size());
				String cache = CACHES.get((i / (logins.size() * names.size())) % CACHES.size());
				return outcome(QUERY_TEXTS.get(name).apply(clients.get(login), cache)).doOnNext((actual) -> {
					perUser.computeIfAbsent(login, (key) -> new AtomicInteger()).incrementAndGet();
					if (actual instanceof List<?> rows) {
						rowsChecked.addAndGet(rows.size());
					}
					Object wanted = expected.get(login + " / " + name);
					if (!Objects.equals(actual, wanted)) {
						mismatches.add(login + " / " + name + " on " + cache + ": " + actual + " instead of " + wanted);
					}
				});
			}, CALLERS).blockLast(Duration.ofSeconds(60));
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			System.out.printf("[fault] record rules isolation: %d cached queries (%d users x %d query texts x %d caches, "
					+ "%d callers) in %d ms, %d rows checked, per user %s, %d Odoo calls in all, %d mismatches%n",
					QUERIES, USERS.size(), QUERY_TEXTS.size(), CACHES.size(), CALLERS, millis, rowsChecked.get(),
					perUser, server.calls().total(), mismatches.size());
			assertThat(mismatches).as("results that differ from the user's own uncached result").isEmpty();
			assertThat(perUser.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(QUERIES);
			assertThat(manager.getStats().hits()).as("the caches served most of them").isGreaterThan(QUERIES / 2);
		}
		finally {
			admin.close();
			manager.destroy();
			try (RawRedis raw = new RawRedis(SharedRedis.url())) {
				raw.unlinkAll(namespace + ":*");
			}
		}
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void odooCachedMethodsServeEachCallerOnlyItsOwnRows() {
		OdooTestServer server = odoo.server();
		String namespace = RedisFaultSupport.namespace("zenoo_rules_annotated_");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AnnotatedApplication.class)
			.web(WebApplicationType.NONE)
			.properties("zenoo.odoo.url=" + server.url(), "zenoo.odoo.database=" + server.database(),
					"zenoo.odoo.username=" + OdooTestUsers.ADMIN_LOGIN,
					"zenoo.odoo.password=" + OdooTestUsers.ADMIN_PASSWORD, "zenoo.cache.caches.memory.type=memory",
					"zenoo.cache.caches.redis.type=redis", "zenoo.cache.caches.redis.url=" + SharedRedis.url(),
					"zenoo.cache.caches.redis.namespace=" + namespace, "zenoo.cache.caches.tiered.type=tiered",
					"zenoo.cache.caches.tiered.l1=memory", "zenoo.cache.caches.tiered.l2=redis",
					"zenoo.cache.default-cache=memory")
			.run();
		try {
			ZenooClient admin = context.getBean(ZenooClient.class);
			OrdersService service = context.getBean(OrdersService.class);
			Map<String, ZenooClient> clients = new LinkedHashMap<>();
			USERS.forEach((login, password) -> clients.put(login, admin.withCredentials(login, password)));
			Map<String, Object> expected = new LinkedHashMap<>();
			clients.forEach((login, client) -> expected.put(login,
					outcome(OrdersService.orders(client.model("sale.order").noCache()).map(OrdersService::rows))
						.block()));
			assertThat(expected.values().stream().distinct().count()).as("distinct orders among the users")
				.isGreaterThanOrEqualTo(3);
			List<String> logins = new ArrayList<>(USERS.keySet());
			List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
			int calls = 1000;
			Flux.range(0, calls).flatMap((i) -> {
				String login = logins.get(i % logins.size());
				String cache = CACHES.get((i / logins.size()) % CACHES.size());
				ZenooClient client = clients.get(login);
				Mono<List<Map<String, Object>>> call = switch (cache) {
					case "memory" -> service.inMemory(client);
					case "redis" -> service.inRedis(client);
					default -> service.inTiered(client);
				};
				return outcome(call.map(OrdersService::rows)).doOnNext((actual) -> {
					if (!Objects.equals(actual, expected.get(login))) {
						mismatches.add(login + " on " + cache + ": " + actual + " instead of " + expected.get(login));
					}
				});
			}, CALLERS).blockLast(Duration.ofSeconds(60));
			System.out.printf("[fault] record rules isolation, @OdooCached: %d calls (%d users x %d caches, client "
					+ "argument), %d method bodies run, %d mismatches%n", calls, USERS.size(), CACHES.size(),
					service.bodies(), mismatches.size());
			assertThat(mismatches).isEmpty();
			// errors are never cached: a user whose call fails runs the body on every call that does not join one in
			// flight (how many depends on timing); every other user's calls must mostly be served from the caches
			int callsPerUser = calls / logins.size();
			clients.forEach((login, client) -> {
				if (!String.valueOf(expected.get(login)).startsWith("error ")) {
					assertThat(service.bodies(client)).as("bodies run for %s's %d calls", login, callsPerUser)
						.isLessThan(callsPerUser / 2);
				}
			});
		}
		finally {
			context.close();
			try (RawRedis raw = new RawRedis(SharedRedis.url())) {
				raw.unlinkAll(namespace + ":*");
			}
		}
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ ZenooCacheAutoConfiguration.class, ZenooClientAutoConfiguration.class,
			ZenooCacheAnnotationsAutoConfiguration.class })
	@Import(OrdersService.class)
	static class AnnotatedApplication {

	}

	/** The same annotated query on three caches; the caller's client is an argument, so it scopes the keys. */
	public static class OrdersService {

		private final AtomicInteger bodies = new AtomicInteger();

		private final Map<ZenooClient, AtomicInteger> bodiesByClient = new ConcurrentHashMap<>();

		/** @return how many times a method body ran (cache misses) */
		public int bodies() {
			return this.bodies.get();
		}

		/** @return how many times a method body ran for the client */
		public int bodies(ZenooClient client) {
			AtomicInteger count = this.bodiesByClient.get(client);
			return (count != null) ? count.get() : 0;
		}

		private void ran(ZenooClient client) {
			this.bodies.incrementAndGet();
			this.bodiesByClient.computeIfAbsent(client, (any) -> new AtomicInteger()).incrementAndGet();
		}

		static Mono<List<Map<String, Object>>> orders(QueryBuilder<Map<String, Object>> query) {
			return query.fields("name", "user_id", "company_id").orderBy("id").all();
		}

		/** Rows as {@code id:name}, so that numbers decoded from Redis compare equal to fresh ones. */
		static List<String> rows(List<Map<String, Object>> rows) {
			return rows.stream().map((row) -> row.get("id") + ":" + row.get("name")).toList();
		}

		@OdooCached(cache = "memory", model = "sale.order")
		public Mono<List<Map<String, Object>>> inMemory(ZenooClient client) {
			ran(client);
			return orders(client.model("sale.order").noCache());
		}

		@OdooCached(cache = "redis", model = "sale.order")
		public Mono<List<Map<String, Object>>> inRedis(ZenooClient client) {
			ran(client);
			return orders(client.model("sale.order").noCache());
		}

		@OdooCached(cache = "tiered", model = "sale.order")
		public Mono<List<Map<String, Object>>> inTiered(ZenooClient client) {
			ran(client);
			return orders(client.model("sale.order").noCache());
		}

	}

}
