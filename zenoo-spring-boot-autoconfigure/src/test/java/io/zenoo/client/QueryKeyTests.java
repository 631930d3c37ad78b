package io.zenoo.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a query key tells apart: the type the rows are read into, and the model's generation.
 */
class QueryKeyTests {

	private static final String SCOPE = "http://h:1/demo/admin";

	private static OdooTestServer server;

	private ZenooCacheManager caches;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("memory", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.client = TestClients.admin(server, this.caches);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.caches.destroy();
	}

	@Test
	void typedAndUntypedReadsOfTheSameFieldsAreSeparateEntries() {
		List<String> recordFields = RecordMapper.of(ResPartner.class).fieldNames();
		List<Map<String, Object>> maps = this.client.model("res.partner")
			.fields(recordFields)
			.filter("is_company", true)
			.orderBy("id")
			.all()
			.block();
		List<ResPartner> records = this.client.model(ResPartner.class)
			.filter("is_company", true)
			.orderBy("id")
			.all()
			.block();
		assertThat(records).isNotEmpty().hasSameSizeAs(maps);
		// a shared key handed the untyped List<Map> to the typed caller: reading a row failed with ClassCastException
		ResPartner first = records.get(0);
		assertThat(first.name()).isEqualTo(maps.get(0).get("name"));
		assertThat(server.calls().count("res.partner", "search_read")).as("one read per row type").isEqualTo(2);
		// and each is then served from its own entry
		assertThat(this.client.model(ResPartner.class).filter("is_company", true).orderBy("id").all().block())
			.isEqualTo(records);
		assertThat(this.client.model("res.partner").fields(recordFields).filter("is_company", true).orderBy("id")
			.all().block()).isEqualTo(maps);
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(2);
	}

	@Test
	void theRowTypeChangesTheKeyAndItsText() {
		QueryCacheKey maps = key(ResultTypes.LIST_OF_MAPS, 0);
		QueryCacheKey records = key(ResultTypes.listOf(ResPartner.class), 0);
		assertThat(records).isNotEqualTo(maps);
		assertThat(records.cacheKeyText()).isNotEqualTo(maps.cacheKeyText());
		assertThat(key(ResultTypes.listOf(ResPartner.class), 0)).isEqualTo(records).hasSameHashCodeAs(records);
		assertThat(key(ResultTypes.listOf(ResPartner.class), 0).cacheKeyText()).isEqualTo(records.cacheKeyText());
	}

	@Test
	void theGenerationEndsTheKeyTextSoThatReadablePatternsStillMatch() {
		QueryCacheKey first = key(ResultTypes.LIST_OF_MAPS, 1);
		QueryCacheKey second = key(ResultTypes.LIST_OF_MAPS, 2);
		assertThat(second).isNotEqualTo(first);
		assertThat(first.cacheKeyText()).startsWith("res.partner:is_company=True:search_read:").endsWith(":g1");
		assertThat(second.cacheKeyText()).isEqualTo(first.cacheKeyText().replace(":g1", ":g2"));
		assertThat(key(ResultTypes.LIST_OF_MAPS, -42).cacheKeyText()).endsWith(":g-42");
		QueryCacheKey custom = QueryCacheKey.custom(SCOPE, "res.partner", "my_key", Map.of(), ResultTypes.LIST_OF_MAPS,
				7);
		assertThat(custom.cacheKeyText()).startsWith("res.partner:my_key:custom:").endsWith(":g7");
		assertThat(custom.model()).isEqualTo("res.partner");
	}

	private static QueryCacheKey key(java.lang.reflect.Type type, long generation) {
		return QueryCacheKey.of(SCOPE, "res.partner", "search_read", Domain.field("is_company").eq(true), null,
				Map.of(), type, generation);
	}

}
