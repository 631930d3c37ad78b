package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.SaleOrder;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed guide's query-level cache controls, on memory caches with a fake clock, against the test server's call
 * counters.
 */
class QueryCachingTests {

	private static OdooTestServer server;

	private final AtomicLong nanos = new AtomicLong();

	private final Ticker ticker = this.nanos::get;

	private ZenooCacheManager caches;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("fast", 500, Duration.ofSeconds(60), CacheStrategy.LFU),
				this.ticker);
		this.caches.setupMemoryCache(new MemoryCacheSpec("slow", 500, Duration.ofHours(1), CacheStrategy.TTL),
				this.ticker);
		this.client = TestClients.admin(server, this.caches);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.caches.destroy();
	}

	private int searchReads() {
		return server.calls().count("res.partner", "search_read");
	}

	private QueryBuilder<ResPartner> companies() {
		return this.client.model(ResPartner.class).filter("is_company", true).orderBy("id");
	}

	@Test
	void secondIdenticalQueryIsServedFromTheDefaultCache() {
		List<ResPartner> first = companies().all().block();
		List<ResPartner> second = companies().all().block();
		assertThat(second).isEqualTo(first).isNotEmpty();
		assertThat(searchReads()).isEqualTo(1);
		assertThat(this.caches.getCache("fast").statistics().hits()).isEqualTo(1);
		assertThatThrownBy(() -> second.add(second.get(0))).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void everyPartOfTheQueryIsInTheKey() {
		companies().all().block();
		this.client.model(ResPartner.class).filter("is_company", false).orderBy("id").all().block();
		companies().limit(10).all().block();
		companies().offset(1).all().block();
		companies().fields("name").all().block();
		this.client.model(ResPartner.class).filter("is_company", true).orderBy("name").all().block();
		companies().context("lang", "en_US").all().block();
		assertThat(searchReads()).isEqualTo(7);
		companies().limit(10).all().block();
		companies().context("lang", "en_US").all().block();
		assertThat(searchReads()).isEqualTo(7);
	}

	@Test
	void everyReadKindIsCachedAndWritesAreNot() {
		for (int i = 0; i < 2; i++) {
			companies().count().block();
			companies().ids().block();
			companies().first().block();
			this.client.model(ResPartner.class).get(13).block();
			companies().nameSearch("Wood").block();
			this.client.model("res.partner").fields("name").fieldsGet("type").block();
		}
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "search")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "name_search")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "fields_get")).isEqualTo(1);
		long puts = this.caches.getCache("fast").statistics().puts();
		this.client.model(ResPartner.class).create(Map.of("name", "Not cached")).block();
		this.client.model(ResPartner.class).create(Map.of("name", "Not cached")).block();
		assertThat(server.calls().count("res.partner", "create")).isEqualTo(2);
		assertThat(this.caches.getCache("fast").statistics().puts()).isEqualTo(puts);
	}

	@Test
	void defaultTtlExpiresEntries() {
		companies().all().block();
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		companies().all().block();
		assertThat(searchReads()).isEqualTo(1);
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		companies().all().block();
		assertThat(searchReads()).isEqualTo(2);
	}

	@Test
	void cacheTtlOverridesTheDefaultAndZeroNeverExpires() {
		companies().cacheTtl(Duration.ofSeconds(10)).all().block();
		this.nanos.addAndGet(Duration.ofSeconds(11).toNanos());
		companies().cacheTtl(Duration.ofSeconds(10)).all().block();
		assertThat(searchReads()).isEqualTo(2);

		this.client.model(ResPartner.class).filter("id", 13).cacheTtl(Duration.ZERO).all().block();
		this.nanos.addAndGet(Duration.ofDays(400).toNanos());
		this.client.model(ResPartner.class).filter("id", 13).cacheTtl(Duration.ZERO).all().block();
		assertThat(searchReads()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> companies().cacheTtl(Duration.ofSeconds(-1)))
			.withMessageContaining("negative");
	}

	@Test
	void cacheNameChoosesTheCache() {
		companies().cache("slow").all().block();
		companies().cache("slow").all().block();
		assertThat(searchReads()).isEqualTo(1);
		assertThat(this.caches.getCache("slow").statistics().puts()).isEqualTo(1);
		assertThat(this.caches.getCache("fast").statistics().puts()).isZero();
		// the slow cache keeps it for an hour, the default one would have dropped it after a minute
		this.nanos.addAndGet(Duration.ofMinutes(30).toNanos());
		companies().cache("slow").all().block();
		assertThat(searchReads()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> companies().cache("nope"))
			.withMessageContaining("no cache named 'nope'")
			.withMessageContaining("fast");
	}

	@Test
	void noCacheAlwaysAsksOdooAndStoresNothing() {
		companies().noCache().all().block();
		companies().noCache().all().block();
		assertThat(searchReads()).isEqualTo(2);
		assertThat(this.caches.getCache("fast").statistics().puts()).isZero();
	}

	@Test
	void cacheRefreshReloadsAndOverwrites() {
		QueryBuilder<ResPartner> openWood = this.client.model(ResPartner.class).filter("id", 13);
		assertThat(openWood.first().block().city()).isEqualTo("Florenville");
		server.store().write("res.partner", 13, Map.of("city", "Bouillon"));
		assertThat(openWood.first().block().city()).as("still cached").isEqualTo("Florenville");
		assertThat(openWood.cacheRefresh().first().block().city()).isEqualTo("Bouillon");
		assertThat(openWood.first().block().city()).as("refreshed entry").isEqualTo("Bouillon");
		assertThat(searchReads()).isEqualTo(2);
	}

	@Test
	void customKeyNamesTheEntryButStaysPrivateToTheUser() {
		List<ResPartner> companies = companies().cacheKey("my_custom_key").all().block();
		List<ResPartner> sameKey = this.client.model(ResPartner.class).filter("id", 1).cacheKey("my_custom_key").all()
			.block();
		assertThat(sameKey).isEqualTo(companies);
		assertThat(searchReads()).isEqualTo(1);
		try (ZenooClient other = this.client.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD)) {
			other.model(ResPartner.class).filter("id", 1).cacheKey("my_custom_key").all().block();
		}
		assertThat(searchReads()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> companies().cacheKey(" "));
	}

	@Test
	void usersWithDifferentRecordRulesNeverShareEntries() {
		try (ZenooClient salesman = this.client.withCredentials(OdooTestUsers.SALES_OWN_LOGIN,
				OdooTestUsers.SALES_OWN_PASSWORD)) {
			for (int i = 0; i < 3; i++) {
				assertThat(this.client.model(SaleOrder.class).orderBy("id").all().block()).hasSize(20);
				assertThat(salesman.model(SaleOrder.class).orderBy("id").all().block()).extracting(SaleOrder::id)
					.containsExactly(1L, 2L, 3L);
			}
		}
		assertThat(server.calls().count("sale.order", "search_read")).isEqualTo(2);
	}

	@Test
	void allowedCompaniesAreInTheKey() {
		Domain partnersQuery = Domain.field("is_company").eq(true);
		for (int i = 0; i < 2; i++) {
			assertThat(this.client.model(ResPartner.class).filter(partnersQuery)
				.context("allowed_company_ids", List.of(1)).count().block()).isEqualTo(11L);
			assertThat(this.client.model(ResPartner.class).filter(partnersQuery)
				.context("allowed_company_ids", List.of(2)).count().block()).isEqualTo(12L);
		}
		assertThat(server.calls().count("res.partner", "search_count")).isEqualTo(2);
	}

	@Test
	void concurrentIdenticalMissesCostOneCall() {
		server.faults().latency(Duration.ofMillis(200));
		QueryBuilder<ResPartner> query = companies().limit(5);
		List<List<ResPartner>> results = Flux.range(0, 1000)
			.flatMap((i) -> query.all(), 1000)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(results).hasSize(1000).allSatisfy((rows) -> assertThat(rows).hasSize(5));
		assertThat(searchReads()).isEqualTo(1);
	}

	@Test
	void keysKeepAReadableModelAndFilterPart() {
		QueryCacheKey key = QueryCacheKey.of("http://h:1/demo/admin", "res.partner", "search_read",
				Domain.field("is_company").eq(true), null, Map.of(), ResultTypes.LIST_OF_MAPS, 0);
		assertThat(key.cacheKeyText()).startsWith("res.partner:is_company=True:search_read:");
		QueryCacheKey other = QueryCacheKey.of("http://h:1/demo/demo", "res.partner", "search_read",
				Domain.field("is_company").eq(true), null, Map.of(), ResultTypes.LIST_OF_MAPS, 0);
		assertThat(other).isNotEqualTo(key);
		assertThat(other.cacheKeyText()).isNotEqualTo(key.cacheKeyText()).startsWith("res.partner:is_company=True:");
		assertThat(QueryCacheKey
			.of("s", "res.partner", "search", Domain.all(), null, Map.of(), ResultTypes.LIST_OF_LONG, 0)
			.cacheKeyText()).startsWith("res.partner:all:search:");
		String uuid = UUID.randomUUID().toString();
		Domain longDomain = Domain.field("name").in(List.of(uuid, uuid + "1", uuid + "2", uuid + "3", uuid + "4"));
		assertThat(QueryCacheKey
			.of("s", "res.partner", "search", longDomain, null, Map.of(), ResultTypes.LIST_OF_LONG, 0)
			.cacheKeyText()
			.length()).isLessThan(200);
	}

}
