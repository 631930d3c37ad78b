package io.zenoo.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zenoo.test.samples.RecordedSamples;

/**
 * The session info {@code /web/session/authenticate} and {@code get_session_info} return: the recorded Odoo 18
 * answer (sample 74) with the user-specific values replaced.
 */
final class SessionInfo {

	private static volatile Map<String, Object> template;

	private SessionInfo() {
	}

	static Map<String, Object> build(Store store, long uid, String baseUrl) {
		Map<String, Object> info = DemoData.castMap(Values.copy(template()));
		synchronized (store) {
			ModelDef users = store.require("res.users");
			Map<String, Object> user = users.record(uid);
			ModelDef partners = store.require("res.partner");
			Map<String, Object> partner = (user.get("partner_id") instanceof Long id) ? partners.record(id) : null;
			boolean admin = store.role(uid) == Store.Role.ADMIN;
			info.put("uid", uid);
			info.put("is_system", admin);
			info.put("is_admin", admin);
			Map<String, Object> userContext = new LinkedHashMap<>();
			userContext.put("lang", (user.get("lang") != null) ? user.get("lang") : "en_US");
			userContext.put("tz", (user.get("tz") != null) ? user.get("tz") : false);
			userContext.put("uid", uid);
			info.put("user_context", userContext);
			info.put("db", OdooTestServer.DATABASE);
			info.put("name", user.get("name"));
			info.put("username", user.get("login"));
			info.put("partner_id", user.get("partner_id"));
			if (partner != null) {
				info.put("partner_display_name", store.displayName(partners, partner));
				info.put("partner_write_date", partner.get("write_date"));
			}
			info.put("web.base.url", baseUrl);
			Map<String, Object> allowed = new LinkedHashMap<>();
			ModelDef companies = store.require("res.company");
			for (Object id : (List<?>) user.get("company_ids")) {
				Map<String, Object> company = companies.record(((Number) id).longValue());
				if (company != null) {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("id", company.get("id"));
					entry.put("name", company.get("name"));
					entry.put("sequence", 0L);
					entry.put("child_ids", List.of());
					entry.put("parent_id", false);
					allowed.put(String.valueOf(company.get("id")), entry);
				}
			}
			Map<String, Object> userCompanies = new LinkedHashMap<>();
			userCompanies.put("current_company", user.get("company_id"));
			userCompanies.put("allowed_companies", allowed);
			userCompanies.put("disallowed_ancestor_companies", Map.of());
			info.put("user_companies", userCompanies);
			info.put("display_switch_company_menu", allowed.size() > 1);
		}
		return info;
	}

	private static Map<String, Object> template() {
		Map<String, Object> result = template;
		if (result == null) {
			Map<String, Object> body = DemoData.castMap(
					Json.value(Json.tree(RecordedSamples.get(74).responseBody().getBytes(
							java.nio.charset.StandardCharsets.UTF_8))));
			result = DemoData.castMap(body.get("result"));
			template = result;
		}
		return result;
	}

}
