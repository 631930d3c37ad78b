package io.zenoo.client;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.zenoo.client.domain.Domain;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.SaleOrder;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The fluent API end to end against the in-process Odoo test server.
 */
@SuppressWarnings("unchecked")
class ZenooClientIntegrationTests {

	private static OdooTestServer server;

	private static ZenooClient client;

	@BeforeAll
	static void start() {
		server = OdooTestServer.start();
		client = TestClients.admin(server);
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	private static ZenooClient clientFor(OdooProtocol protocol) {
		OdooCredentials credentials = (protocol == OdooProtocol.JSON2)
				? OdooCredentials.apiKey(OdooTestUsers.ADMIN_LOGIN, server.createApiKey(OdooTestUsers.ADMIN_LOGIN))
				: OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD);
		return ZenooClient.create(ZenooClientSettings.of(server.url(), server.database(), credentials)
			.withProtocol(protocol));
	}

	@Test
	void typedQueryReadsOnlyTheRecordFieldsAndMapsValues() {
		List<ResPartner> companies = client.model(ResPartner.class)
			.filter(Domain.field("is_company").eq(true))
			.orderBy("name")
			.limit(2)
			.all()
			.block();
		// The default test server adds the multi-company fixture (e.g. "First Co Customer"), so only the first two
		// names of recorded sample 08 are stable here.
		assertThat(companies).extracting(ResPartner::name).containsExactly("Azure Interior", "Deco Addict");
		ResPartner azure = companies.get(0);
		assertThat(azure.id()).isEqualTo(15L);
		assertThat(azure.countryId()).isEqualTo(new Many2One(233, "United States"));
		assertThat(azure.parentId()).isNull();
		Map<String, Object> sent = server.calls().all().get(server.calls().all().size() - 1).kwargs();
		assertThat((List<Object>) sent.get("fields")).contains("name", "country_id").doesNotContain("image_1920");
		assertThat(sent).containsEntry("limit", 2L).containsEntry("order", "name");
	}

	@Test
	void untypedQueryReturnsImmutableMaps() {
		List<Map<String, Object>> rows = client.model("res.partner").fields("name", "parent_id").filter("id", 17)
			.all().block();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("id", 17L).containsEntry("name", "Willie Burke");
		assertThat((List<Object>) rows.get(0).get("parent_id")).containsExactly(9L, "Wood Corner");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.get(0).put("name", "x"))
			.isInstanceOf(UnsupportedOperationException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.add(Map.of()))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void builderIsImmutableAndReusable() {
		QueryBuilder<ResPartner> companies = client.model(ResPartner.class).filter("is_company", true);
		QueryBuilder<ResPartner> belgian = companies.filter("country_id__code", "BE");
		assertThat(companies.count().block()).isGreaterThan(belgian.count().block());
		assertThat(belgian.all().block()).extracting(ResPartner::id).containsExactly(13L);
		assertThat(companies.domain()).isNotEqualTo(belgian.domain());
	}

	@Test
	void terminals() {
		QueryBuilder<ResPartner> children = client.model(ResPartner.class).filter("parent_id", 12).orderBy("id");
		assertThat(children.count().block()).isEqualTo(7L);
		assertThat(children.ids().block()).containsExactly(22L, 25L, 26L, 31L, 37L, 38L, 39L);
		assertThat(children.offset(2).limit(2).ids().block()).containsExactly(26L, 31L);
		assertThat(children.first().block().id()).isEqualTo(22L);
		assertThat(children.stream().map(ResPartner::id).collectList().block()).hasSize(7);
		StepVerifier.create(client.model(ResPartner.class).filter("name", "nobody at all").first()).verifyComplete();
		assertThat(client.model(ResPartner.class).get(13).block().name()).isEqualTo("OpenWood");
		StepVerifier.create(client.model(ResPartner.class).get(987654)).verifyComplete();
		assertThat(client.model(ResPartner.class).getAll(List.of(13L, 987654L, 15L)).block())
			.extracting(ResPartner::id)
			.containsExactlyInAnyOrder(13L, 15L);
	}

	@Test
	void nameSearchReadGroupAndFieldsGet() {
		List<Many2One> found = client.model("res.partner").filter("is_company", true).limit(3).nameSearch("a")
			.block();
		assertThat(found).extracting(Many2One::id).containsExactly(15L, 10L, 11L);
		List<Map<String, Object>> groups = client.model("sale.order")
			.readGroup(List.of("amount_total:sum"), List.of("state"), true)
			.block();
		assertThat(groups).isNotEmpty();
		assertThat(groups.get(0)).containsKeys("state", "state_count", "__domain");
		Map<String, Map<String, Object>> fields = client.model("res.partner").fields("name", "country_id")
			.fieldsGet("type", "relation")
			.block();
		assertThat(fields.keySet()).containsExactlyInAnyOrder("name", "country_id");
		assertThat(fields.get("country_id")).containsEntry("type", "many2one").containsEntry("relation", "res.country");
	}

	@ParameterizedTest
	@EnumSource(OdooProtocol.class)
	void everyProtocolReadsAndWrites(OdooProtocol protocol) {
		try (ZenooClient protocolClient = clientFor(protocol)) {
			assertThat(protocolClient.version().block().serverVersion()).isEqualTo("18.0");
			assertThat(protocolClient.uid().block()).isEqualTo(2L);
			QueryBuilder<ResPartner> partners = protocolClient.model(ResPartner.class);
			long id = partners.create(Map.of("name", "Protocol " + protocol, "city", "Ghent")).block();
			assertThat(partners.get(id).block().city()).isEqualTo("Ghent");
			assertThat(partners.update(id, Map.of("city", "Leuven")).block()).isTrue();
			assertThat(partners.get(id).block().city()).isEqualTo("Leuven");
			List<Long> more = partners.createAll(List.of(Map.of("name", "A " + protocol), Map.of("name", "B"))).block();
			assertThat(more).hasSize(2).doesNotContain(id);
			assertThat(partners.delete(id).block()).isTrue();
			StepVerifier.create(partners.get(id)).verifyComplete();
			assertThat(protocolClient.model(ResCountry.class).filter("code", "BE").first().block().name())
				.isEqualTo("Belgium");
			assertThat(server.calls().count("res.partner", "create")).isEqualTo(2);
		}
	}

	@Test
	void datetimesAreUtcLocalDateTimes() {
		long id = client.model(ResPartner.class).create(Map.of("name", "Dated")).block();
		ResPartner created = client.model(ResPartner.class).get(id).block();
		assertThat(created.createDate()).isNotNull().isBefore(LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
	}

	@Test
	void recordRulesDifferPerUser() {
		assertThat(client.model(SaleOrder.class).count().block()).isEqualTo(20L);
		try (ZenooClient salesman = client.withCredentials(OdooTestUsers.SALES_OWN_LOGIN,
				OdooTestUsers.SALES_OWN_PASSWORD)) {
			assertThat(salesman.login()).isEqualTo(OdooTestUsers.SALES_OWN_LOGIN);
			assertThat(salesman.model(SaleOrder.class).ids().block()).containsExactlyInAnyOrder(1L, 2L, 3L);
		}
		// the derived client shares the pool; the original still works as admin
		assertThat(client.model(SaleOrder.class).count().block()).isEqualTo(20L);
	}

	@Test
	void contextIsSentWithTheQuery() {
		client.model("res.partner").fields("name").context("lang", "en_US").context(Map.of("active_test", false))
			.filter("id", 2)
			.all()
			.block();
		OdooTestServer.RecordedCall call = server.calls().all().get(server.calls().all().size() - 1);
		assertThat(call.context()).containsEntry("lang", "en_US").containsEntry("active_test", false);
	}

	@Test
	void genericCallReturnsNullNodeForNone() {
		assertThat(client.call("res.partner", "flush_model", List.of(List.of()), Map.of()).block().isNull())
			.isTrue();
	}

	@Test
	void serverErrorsAreTyped() {
		StepVerifier.create(client.model("res.partnerx").fields("name").all())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OdooServerException.class)
				.hasMessageContaining("res.partnerx"))
			.verify();
		StepVerifier.create(client.model("res.partner").fields("no_such_field").all())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OdooServerException.class)
				.hasMessageContaining("no_such_field"))
			.verify();
		StepVerifier.create(client.model(ResPartner.class).update(987654, Map.of("name", "x")))
			.expectError(OdooException.class)
			.verify();
	}

	@Test
	void badArgumentsFailFastWithClearMessages() {
		QueryBuilder<ResPartner> partners = client.model(ResPartner.class);
		assertThatIllegalArgumentException().isThrownBy(() -> partners.limit(0)).withMessageContaining("limit");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.offset(-1)).withMessageContaining("offset");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.orderBy(" ")).withMessageContaining("order");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.fields("name", "")).withMessageContaining("field");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.getAll(List.of(0L))).withMessageContaining("ids");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.update(1, Map.of())).withMessageContaining("values");
		assertThatIllegalArgumentException().isThrownBy(() -> client.model(" ")).withMessageContaining("model");
		assertThatIllegalArgumentException().isThrownBy(() -> partners.readGroup(List.of(), List.of(), true))
			.withMessageContaining("groupBy");
		assertThatNullPointerException().isThrownBy(() -> partners.filter((Domain) null)).withMessageContaining("domain");
		assertThatNullPointerException().isThrownBy(() -> client.model((Class<?>) null))
			.withMessageContaining("recordType");
	}

}
