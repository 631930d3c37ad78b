package io.zenoo.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The records {@code record-rules.json} was recorded with: a second company (id 2, partner 301) with two customers of
 * its own (302, 303), a customer bound to company 1 (305), the users {@code sales_own} (uid 12, own documents only,
 * assigned to orders 1-3) and {@code company2_user} (uid 13, only in company 2); admin is allowed in both companies.
 */
final class Fixtures {

	private static final String DATE = "2026-11-24 20:57:30";

	private Fixtures() {
	}

	static void apply(Map<String, ModelDef> models) {
		ModelDef partners = models.get("res.partner");
		partners.put(partner(301, "Second Company", true, null));
		partners.put(partner(302, "Second Co Customer A", true, 2L));
		partners.put(partner(303, "Second Co Customer B", true, 2L));
		partners.put(partner(304, "Company2 User", false, 2L));
		partners.put(partner(305, "First Co Customer", true, 1L));
		partners.put(partner(306, "Own Docs Salesman", false, 1L));
		ModelDef companies = models.get("res.company");
		companies.put(DemoData.record(2L, "name", "Second Company", "partner_id", 301L, "currency_id", 1L,
				"country_id", 233L, "parent_id", null, "display_name", "Second Company", "create_date", DATE,
				"write_date", DATE));
		ModelDef users = models.get("res.users");
		users.put(user(12, "sales_own", "Own Docs Salesman", 306L, 1L, List.of(1L)));
		users.put(user(13, "company2_user", "Company2 User", 304L, 2L, List.of(2L)));
		users.record(2L).put("company_ids", new ArrayList<>(List.of(1L, 2L)));
		ModelDef orders = models.get("sale.order");
		for (long id = 1; id <= 3; id++) {
			orders.record(id).put("user_id", 12L);
		}
	}

	/**
	 * Rewinds the demo data to the state the recorded samples started from: the restricted user {@code rpc_limited}
	 * was uid 9 (partner 49), the one the samples delete and re-create as uid 11 (partner 58).
	 */
	static void applyRecordingStart(Map<String, ModelDef> models) {
		ModelDef users = models.get("res.users");
		Map<String, Object> limited = users.records().remove(11L);
		models.get("res.partner").records().remove(58L);
		limited.put("id", 9L);
		limited.put("partner_id", 49L);
		users.put(limited);
	}

	private static Map<String, Object> partner(long id, String name, boolean company, Long companyId) {
		return DemoData.record(id, "name", name, "display_name", name, "is_company", company, "active", true,
				"company_id", companyId, "type", "contact", "lang", "en_US", "customer_rank", 0L, "supplier_rank", 0L,
				"category_id", new ArrayList<>(), "create_date", DATE, "write_date", DATE);
	}

	private static Map<String, Object> user(long id, String login, String name, long partnerId, long companyId,
			List<Long> companyIds) {
		return DemoData.record(id, "login", login, "name", name, "display_name", name, "partner_id", partnerId,
				"active", true, "company_id", companyId, "company_ids", new ArrayList<>(companyIds), "share", false,
				"lang", "en_US", "tz", "Europe/Brussels", "groups_id", new ArrayList<>(List.of(1L)), "create_date",
				DATE, "write_date", DATE);
	}

}
