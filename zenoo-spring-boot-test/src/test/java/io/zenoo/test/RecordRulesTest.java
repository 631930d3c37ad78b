package io.zenoo.test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reproduces {@code record-rules.json} (copied from the shared demo data) over {@code /jsonrpc}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordRulesTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private OdooTestServer server;

	private JsonNode expected;

	@BeforeAll
	void start() throws Exception {
		this.server = OdooTestServer.start();
		try (InputStream in = getClass().getResourceAsStream("record-rules.json")) {
			this.expected = this.mapper.readTree(in);
		}
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	private JsonNode call(long uid, String password, String model, String method, String args, String kwargs) {
		HttpResponse<String> response = RawHttp.jsonRpc(this.server, "object", "execute_kw", "[\"demo\"," + uid + ",\""
				+ password + "\",\"" + model + "\",\"" + method + "\"," + args + "," + kwargs + "]");
		return this.mapper.readTree(response.body());
	}

	private JsonNode companies(long uid, String password, String context) {
		return call(uid, password, "res.partner", "search_read", "[[[\"is_company\",\"=\",true]]]",
				"{\"fields\":[\"name\",\"company_id\"],\"order\":\"id\",\"context\":" + context + "}").get("result");
	}

	@Test
	void partnersFollowTheCompanyRule() {
		assertThat(companies(2, "admin", "{}")).isEqualTo(this.expected.get("admin_partners_no_context"));
		assertThat(companies(2, "admin", "{\"allowed_company_ids\":[1]}"))
			.isEqualTo(this.expected.get("admin_partners_context_company1"));
		assertThat(companies(2, "admin", "{\"allowed_company_ids\":[2]}"))
			.isEqualTo(this.expected.get("admin_partners_context_company2"));
		assertThat(companies(2, "admin", "{\"allowed_company_ids\":[1,2]}"))
			.isEqualTo(this.expected.get("admin_partners_both_companies"));
		assertThat(companies(OdooTestUsers.COMPANY2_UID, OdooTestUsers.COMPANY2_PASSWORD, "{}"))
			.isEqualTo(this.expected.get("company2_user").get("partners"));
		assertThat(companies(2, "admin", "{\"allowed_company_ids\":[2]}")).hasSize(12);
	}

	@Test
	void salesmanSeesOnlyHisOwnOrders() {
		assertThat(call(2, "admin", "sale.order", "search_read", "[[]]", "{\"fields\":[\"name\",\"user_id\"],"
				+ "\"order\":\"id\"}").get("result")).isEqualTo(this.expected.get("admin_sale_orders"));
		assertThat(call(OdooTestUsers.SALES_OWN_UID, OdooTestUsers.SALES_OWN_PASSWORD, "sale.order", "search_read",
				"[[]]", "{\"fields\":[\"name\",\"user_id\"],\"order\":\"id\"}").get("result"))
			.isEqualTo(this.expected.get("sales_own").get("sale_orders"));
		assertThat(call(OdooTestUsers.SALES_OWN_UID, OdooTestUsers.SALES_OWN_PASSWORD, "sale.order", "search_count",
				"[[]]", "{}").get("result").asInt()).isEqualTo(3);
		JsonNode denied = call(OdooTestUsers.SALES_OWN_UID, OdooTestUsers.SALES_OWN_PASSWORD, "sale.order", "read",
				"[[4]]", "{\"fields\":[\"name\"]}");
		assertThat(denied.get("error").get("data").get("name").asString()).isEqualTo("odoo.exceptions.AccessError");
		JsonNode write = call(OdooTestUsers.SALES_OWN_UID, OdooTestUsers.SALES_OWN_PASSWORD, "sale.order", "write",
				"[[5],{\"state\":\"sent\"}]", "{}");
		assertThat(write.get("error").get("data").get("message").asString()).startsWith(
				"Due to security restrictions, you are not allowed to modify 'Sales Order' (sale.order) records.");
	}

	@Test
	void limitedUserGetsTheRecordedAccessErrors() {
		JsonNode users = call(11, "limited", "res.users", "write", "[[2],{\"name\":\"Hacked\"}]", "{}");
		assertThat(users.get("error").get("data").get("message").asString())
			.isEqualTo(RecordedMessages.message(62));
		JsonNode company = call(11, "limited", "res.company", "write", "[[1],{\"name\":\"Hacked Co\"}]", "{}");
		assertThat(company.get("error").get("data").get("message").asString())
			.isEqualTo(RecordedMessages.message(63));
		JsonNode parameters = call(11, "limited", "ir.config_parameter", "search_read", "[[]]", "{\"limit\":1}");
		assertThat(parameters.get("error").get("data").get("message").asString())
			.isEqualTo(RecordedMessages.message(64));
		JsonNode orders = call(11, "limited", "sale.order", "search_count", "[[]]", "{}");
		assertThat(orders.get("error").get("data").get("name").asString()).isEqualTo("odoo.exceptions.AccessError");
	}

	@Test
	void unauthorizedCompaniesAreRefused() {
		JsonNode refused = call(OdooTestUsers.SALES_OWN_UID, OdooTestUsers.SALES_OWN_PASSWORD, "res.partner",
				"search_count", "[[]]", "{\"context\":{\"allowed_company_ids\":[2]}}");
		assertThat(refused.get("error").get("data").get("message").asString())
			.isEqualTo("Access to unauthorized or invalid companies.");
	}

	@Test
	void callsAreRecordedInNamedForm() {
		this.server.calls().clear();
		call(2, "admin", "res.partner", "search_read", "[[[\"is_company\",\"=\",true]],[\"name\"]]",
				"{\"limit\":2,\"context\":{\"lang\":\"en_US\"}}");
		assertThat(this.server.calls().count("res.partner", "search_read")).isEqualTo(1);
		OdooTestServer.RecordedCall recorded = this.server.calls().all().get(0);
		assertThat(recorded.protocol()).isEqualTo("jsonrpc");
		assertThat(recorded.uid()).isEqualTo(2);
		assertThat(recorded.kwargs()).containsEntry("domain", List.of(List.of("is_company", "=", true)))
			.containsEntry("fields", List.of("name")).containsEntry("limit", 2L).containsEntry("offset", 0L);
		assertThat(recorded.context()).isEqualTo(Map.of("lang", "en_US"));
	}

}
