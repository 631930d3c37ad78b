package io.zenoo.client;

import java.util.Map;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Write-through: after {@code update}/{@code create} of a query with {@code .writeThrough()} (or on a cache set up
 * for it), {@code get(id)} of the same builder returns the new values without a call; without it, {@code get(id)}
 * reads once.
 */
class WriteThroughTests {

	private static OdooTestServer server;

	private ZenooCacheManager manager;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.manager = new ZenooCacheManager();
		this.manager.setupMemoryCache(MemoryCacheSpec.of("memory"));
		this.client = TestClients.admin(server, this.manager);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.manager.destroy();
	}

	@Test
	void updateWithWriteThroughCachesTheNewValues() {
		QueryBuilder<ResPartner> partners = this.client.model(ResPartner.class).writeThrough();
		assertThat(partners.get(13).block().city()).isNotEqualTo("Bouillon");
		partners.update(13, Map.of("city", "Bouillon")).block();
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(2);
		server.calls().clear();
		ResPartner after = partners.get(13).block();
		assertThat(after.city()).isEqualTo("Bouillon");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void updateWithoutWriteThroughReadsOnTheNextGet() {
		QueryBuilder<ResPartner> partners = this.client.model(ResPartner.class);
		partners.get(13).block();
		partners.update(13, Map.of("city", "Bouillon")).block();
		server.calls().clear();
		assertThat(partners.get(13).block().city()).isEqualTo("Bouillon");
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(1);
		assertThat(server.calls().total()).isEqualTo(1);
	}

	@Test
	void createWithWriteThroughCachesTheNewRecord() {
		QueryBuilder<Map<String, Object>> partners = this.client.model("res.partner").fields("name", "city")
			.writeThrough();
		long id = partners.create(Map.of("name", "Written Through", "city", "Namur")).block();
		server.calls().clear();
		Map<String, Object> created = partners.get(id).block();
		assertThat(created).containsEntry("name", "Written Through").containsEntry("city", "Namur");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void aCacheConfiguredForWriteThroughAppliesToEveryQuery() {
		this.manager.setWriteThrough("memory", true);
		assertThat(this.manager.isWriteThrough("memory")).isTrue();
		QueryBuilder<ResPartner> partners = this.client.model(ResPartner.class);
		partners.update(13, Map.of("city", "Arlon")).block();
		server.calls().clear();
		assertThat(partners.get(13).block().city()).isEqualTo("Arlon");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void theWrittenThroughEntryIsInTheNewGenerationSoOtherQueriesStillReadAfresh() {
		QueryBuilder<ResPartner> partners = this.client.model(ResPartner.class).writeThrough();
		partners.filter("id", 13).all().block();
		partners.update(13, Map.of("city", "Spa")).block();
		server.calls().clear();
		assertThat(partners.filter("id", 13).all().block()).extracting(ResPartner::city).containsExactly("Spa");
		assertThat(server.calls().count("res.partner", "search_read")).isEqualTo(1);
	}

	@Test
	void noCacheDoesNotWriteThroughAndAWriteOfAnotherCacheIsRefused() {
		QueryBuilder<ResPartner> partners = this.client.model(ResPartner.class).noCache().writeThrough();
		partners.update(13, Map.of("city", "Dinant")).block();
		assertThat(server.calls().count("res.partner", "read")).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.setWriteThrough("nope", true))
			.withMessageContaining("nope");
	}

}
