package io.zenoo.client;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooModel;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResCountryState;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.ResUsers;
import io.zenoo.client.model.SaleOrder;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code prefetch(...)}: the records many2one fields point to are read in one call per relation and cached where
 * {@code get(id)} finds them, counted with the test server's call log.
 */
class PrefetchTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Ten partners with a country each. */
	private static final List<Long> PARTNERS = LongStream.rangeClosed(9, 18).boxed().toList();

	private static OdooTestServer server;

	private ZenooCacheManager caches;

	private ZenooClient client;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("memory", 10_000, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.caches.setupMemoryCache(new MemoryCacheSpec("other", 10_000, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.client = TestClients.admin(server, this.caches);
	}

	@AfterEach
	void tearDown() {
		server.faults().clear();
		this.client.close();
		this.caches.destroy();
	}

	private QueryBuilder<ResPartner> partners(ZenooClient client) {
		return client.model(ResPartner.class).filter("id__in", PARTNERS).orderBy("id");
	}

	/** Each of the ten partners in a country of its own. */
	private static void giveEachPartnerItsOwnCountry() {
		for (int i = 0; i < PARTNERS.size(); i++) {
			server.store().write("res.partner", PARTNERS.get(i), Map.of("country_id", 101 + i));
		}
	}

	private static List<ResCountry> resolveCountriesOneByOne(ZenooClient client, List<ResPartner> partners) {
		return Flux.fromIterable(partners)
			.concatMap((partner) -> client.model(ResCountry.class).get(partner.countryId().id()))
			.collectList()
			.block(TIMEOUT);
	}

	private static List<Long> readIds(String model) {
		return server.calls().all().stream().filter((call) -> call.model().equals(model))
			.filter((call) -> call.method().equals("read"))
			.flatMap((call) -> ((List<?>) call.kwargs().get("ids")).stream())
			.map((id) -> ((Number) id).longValue())
			.toList();
	}

	@Test
	void tenPartnersAndTheirCountriesCostTwoCallsInsteadOfEleven() {
		giveEachPartnerItsOwnCountry();
		List<ResPartner> plain = partners(this.client).noCache().all().block(TIMEOUT);
		resolveCountriesOneByOne(this.client, plain);
		assertThat(server.calls().total()).as("without prefetch").isEqualTo(11);
		server.calls().clear();
		this.caches.clearAllCaches().block(TIMEOUT);

		List<ResPartner> found = partners(this.client).prefetch("country_id").all().block(TIMEOUT);
		List<ResCountry> countries = resolveCountriesOneByOne(this.client, found);

		assertThat(server.calls().total()).as("with prefetch").isEqualTo(2);
		assertThat(server.calls().count("res.partner", "search_read")).isOne();
		assertThat(server.calls().count("res.country", "read")).isOne();
		assertThat(found).extracting(ResPartner::id).containsExactlyElementsOf(PARTNERS);
		assertThat(countries).extracting(ResCountry::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(101, 110).boxed().toList());
		assertThat(countries).allSatisfy((country) -> assertThat(country.name())
			.isEqualTo(server.store().read("res.country", country.id()).get("name")));
	}

	@Test
	void onlyRelatedRecordsNotCachedYetAreReadAndACachedPageCostsNothing() {
		ResCountry unitedStates = this.client.model(ResCountry.class).get(233).block(TIMEOUT);
		server.calls().clear();
		QueryBuilder<ResPartner> query = this.client.model(ResPartner.class).filter("id__in", List.of(9L, 13L))
			.prefetch("country_id");

		query.all().block(TIMEOUT);
		assertThat(readIds("res.country")).as("Belgium only; the United States were cached").containsExactly(20L);

		server.calls().clear();
		query.all().block(TIMEOUT);
		this.client.model(ResCountry.class).get(20).block(TIMEOUT);
		assertThat(server.calls().total()).isZero();
		assertThat(unitedStates.code()).isEqualTo("US");
	}

	@Test
	void eachPrefetchedRelationIsOneReadOfItsDistinctIds() {
		List<ResPartner> all = this.client.model(ResPartner.class)
			.prefetch("country_id", "state_id", "parent_id", "user_id")
			.all()
			.block(TIMEOUT);

		assertThat(server.calls().count("res.country", "read")).isOne();
		assertThat(server.calls().count("res.country.state", "read")).isOne();
		assertThat(server.calls().count("res.partner", "read")).isOne();
		assertThat(server.calls().count("res.users", "read")).isOne();
		assertThat(readIds("res.country")).containsExactlyInAnyOrderElementsOf(distinct(all, ResPartner::countryId));
		server.calls().clear();
		for (ResPartner partner : all) {
			resolve(ResCountry.class, partner.countryId());
			resolve(ResCountryState.class, partner.stateId());
			resolve(ResPartner.class, partner.parentId());
			resolve(ResUsers.class, partner.userId());
		}
		assertThat(server.calls().total()).as("every related record was cached").isZero();
	}

	private <R> void resolve(Class<R> type, @Nullable Many2One reference) {
		if (reference != null) {
			assertThat(this.client.model(type).get(reference.id()).block(TIMEOUT)).isNotNull();
		}
	}

	private static Set<Long> distinct(List<ResPartner> partners,
			java.util.function.Function<ResPartner, @Nullable Many2One> field) {
		Set<Long> ids = new LinkedHashSet<>();
		partners.stream().map(field).filter(java.util.Objects::nonNull).forEach((ref) -> ids.add(ref.id()));
		return ids;
	}

	@Test
	void relatedRecordsAreCachedWithTheQueryContextAndCache() {
		partners(this.client).context("active_test", false).cache("other").prefetch("country_id").all()
			.block(TIMEOUT);
		assertThat(server.calls().all()).filteredOn((call) -> call.model().equals("res.country")).singleElement()
			.satisfies((call) -> assertThat(call.context()).containsEntry("active_test", false));
		server.calls().clear();

		this.client.model(ResCountry.class).context("active_test", false).cache("other").get(233).block(TIMEOUT);
		assertThat(server.calls().total()).as("same context and cache: cached").isZero();

		this.client.model(ResCountry.class).get(233).block(TIMEOUT);
		assertThat(server.calls().count("res.country", "read")).as("another context and cache: not cached").isOne();
	}

	@Test
	void untypedQueriesNameTheRelatedType() {
		List<Map<String, Object>> rows = this.client.model("res.partner").fields("name", "country_id")
			.filter("id__in", PARTNERS)
			.prefetch("country_id", ResCountry.class)
			.all()
			.block(TIMEOUT);
		server.calls().clear();

		ResCountry country = this.client.model(ResCountry.class).get(233).block(TIMEOUT);

		assertThat(rows).hasSize(10);
		assertThat(country.name()).isEqualTo("United States");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void anExplicitRelatedTypeServesComponentsThatDeclareNone() {
		this.client.model(ResPartner.class).filter("id", 3).prefetch("company_id", ResCompany.class).all()
			.block(TIMEOUT);
		server.calls().clear();

		ResCompany company = this.client.model(ResCompany.class).get(1).block(TIMEOUT);

		assertThat(company.name()).isEqualTo("YourCompany");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void getFirstAndGetAllPrefetchToo() {
		this.client.model(SaleOrder.class).prefetch("partner_id").get(1).block(TIMEOUT);
		this.client.model(SaleOrder.class).filter("id", 2).prefetch("partner_id").first().block(TIMEOUT);
		List<SaleOrder> more = this.client.model(SaleOrder.class).prefetch("partner_id").getAll(List.of(3L, 4L))
			.block(TIMEOUT);
		SaleOrder first = this.client.model(SaleOrder.class).get(1).block(TIMEOUT);
		SaleOrder second = this.client.model(SaleOrder.class).get(2).block(TIMEOUT);
		server.calls().clear();

		for (SaleOrder order : List.of(first, second, more.get(0), more.get(1))) {
			assertThat(this.client.model(ResPartner.class).get(order.partnerId().id()).block(TIMEOUT).id())
				.isEqualTo(order.partnerId().id());
		}
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void cacheRefreshReadsTheRelatedRecordsAgainAndOverwritesThem() {
		this.client.model(ResCountry.class).get(20).block(TIMEOUT);
		server.store().write("res.country", 20, Map.of("name", "Belgique"));
		server.calls().clear();

		this.client.model(ResPartner.class).filter("id", 13).cacheRefresh().prefetch("country_id").all()
			.block(TIMEOUT);
		assertThat(readIds("res.country")).containsExactly(20L);
		server.calls().clear();

		assertThat(this.client.model(ResCountry.class).get(20).block(TIMEOUT).name()).isEqualTo("Belgique");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void withoutACachePrefetchDoesNothing() {
		try (ZenooClient uncached = TestClients.admin(server)) {
			List<ResPartner> found = partners(uncached).prefetch("country_id").all().block(TIMEOUT);

			assertThat(found).hasSize(10);
			assertThat(server.calls().total()).isOne();
			assertThat(server.calls().count("res.partner", "search_read")).isOne();
		}
	}

	@Test
	void aFailedPrefetchReadLeavesTheRowsAndCachesNothing() {
		List<ResPartner> expected = partners(this.client).all().block(TIMEOUT);
		server.faults().httpError(1, 500, "text/html", "<html>upstream trouble</html>");

		List<ResPartner> found = partners(this.client).prefetch("country_id").all().block(TIMEOUT);

		assertThat(found).isEqualTo(expected);
		assertThat(server.calls().count("res.country", "read")).as("the failed prefetch is not recorded").isZero();
		this.client.model(ResCountry.class).get(233).block(TIMEOUT);
		assertThat(server.calls().count("res.country", "read")).as("nothing was cached").isOne();
	}

	@Test
	void wrongFieldsFailAtPrefetchWithAClearMessage() {
		QueryBuilder<ResPartner> typed = this.client.model(ResPartner.class);
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("no_such_field"))
			.withMessageContaining("no component of ResPartner maps that Odoo field");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("countryId"))
			.withMessageContaining("Odoo field names, such as 'country_id'");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("name"))
			.withMessageContaining("ResPartner.name is a java.lang.String, not a Many2One");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("child_ids"))
			.withMessageContaining("not a Many2One");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("company_id"))
			.withMessageContaining("@OdooField(relation = TheRelatedRecord.class)")
			.withMessageContaining("prefetch(\"company_id\", TheRelatedRecord.class)");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch(" "))
			.withMessageContaining("must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("country_id", String.class))
			.withMessageContaining("java.lang.String is not a record");
		assertThatIllegalArgumentException().isThrownBy(() -> typed.prefetch("country_id", NotAModel.class))
			.withMessageContaining("has no @OdooModel annotation");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.model("res.partner").prefetch("country_id"))
			.withMessageContaining("untyped query of res.partner")
			.withMessageContaining("prefetch(\"country_id\", TheRelatedRecord.class)");
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void aPrefetchedFieldLeftOutOfTheQueryFieldsFailsBeforeAnyCall() {
		StepVerifier.create(this.client.model(ResPartner.class).fields("name").prefetch("country_id").all())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("fields(...) leave it out"))
			.verify(TIMEOUT);
		assertThat(server.calls().total()).isZero();
	}

	@Test
	void anUntypedValueThatIsNotAMany2OneFailsTheQuery() {
		StepVerifier.create(this.client.model("res.partner").fields("name").filter("id", 9)
			.prefetch("name", ResCountry.class)
			.all())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("'name' of res.partner: its value is not a many2one [id, name] pair"))
			.verify(TIMEOUT);
	}

	@Test
	void namingAFieldAgainReplacesItsRelatedType() {
		this.client.model(ResPartner.class).filter("id", 3).prefetch("company_id", NotAModelButRelated.class)
			.prefetch("company_id", ResCompany.class).all().block(TIMEOUT);

		assertThat(server.calls().count("res.company", "read")).isOne();
		assertThat(server.calls().count("res.country", "read")).isZero();
	}

	/** res.company, which ships no record of its own. */
	@OdooModel("res.company")
	record ResCompany(long id, @Nullable String name) {
	}

	/** A record that names no model. */
	record NotAModel(long id) {
	}

	/** A record of another model, replaced before the query runs. */
	@OdooModel("res.country")
	record NotAModelButRelated(long id) {
	}

}
