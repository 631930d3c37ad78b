package io.zenoo.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Access rights (per model and operation) and record rules (own documents, multi-company), reproducing what the
 * recorded Odoo 18 database answers for its users.
 */
final class Security {

	private static final String ACCESS_RIGHTS = "Administration/Access Rights";

	private static final String SETTINGS = "Administration/Settings";

	private static final String SALES_OWN = "Sales/User: Own Documents Only";

	private static final Set<String> ADMIN_ONLY_CHANGES = Set.of("res.users", "res.company");

	private static final Set<String> SETTINGS_CHANGES = Set.of("res.country", "res.country.state", "res.currency",
			"res.groups", "uom.uom", "ir.model.data", "product.product", "product.category");

	private final Store store;

	Security(Store store) {
		this.store = store;
	}

	/** Throws {@code AccessError} unless the user may perform the operation on the model. */
	void checkAccess(long uid, ModelDef model, String operation) {
		String group = deniedGroup(uid, model.name(), operation);
		if (group != null) {
			throw OdooError.accessError("You are not allowed to " + verb(operation) + " '" + model.description()
					+ "' (" + model.name() + ") records.\n\nThis operation is allowed for the following groups:\n\t- "
					+ group + "\n\nContact your administrator to request access if necessary.");
		}
	}

	boolean allowed(long uid, ModelDef model, String operation) {
		return deniedGroup(uid, model.name(), operation) == null;
	}

	private String deniedGroup(long uid, String model, String operation) {
		Store.Role role = this.store.role(uid);
		if (role == Store.Role.ADMIN) {
			return null;
		}
		boolean change = !"read".equals(operation);
		if ("ir.config_parameter".equals(model)) {
			return SETTINGS;
		}
		if (change && ADMIN_ONLY_CHANGES.contains(model)) {
			return ACCESS_RIGHTS;
		}
		if (change && SETTINGS_CHANGES.contains(model)) {
			return SETTINGS;
		}
		if ((model.equals("sale.order") || model.equals("sale.order.line")) && role != Store.Role.SALES_OWN) {
			return SALES_OWN;
		}
		return null;
	}

	/** The record rules of a user on a model, as a record filter. */
	Predicate<Map<String, Object>> rules(long uid, ModelDef model, Map<String, Object> context) {
		if (uid == 1) {
			return (record) -> true;
		}
		List<Long> companies = companies(uid, context);
		Store.Role role = this.store.role(uid);
		return switch (model.name()) {
			case "res.partner" -> (record) -> record.get("company_id") == null
					|| companies.contains(record.get("company_id"));
			case "sale.order" -> (record) -> companies.contains(record.get("company_id"))
					&& (role != Store.Role.SALES_OWN || ownOrder(uid, record));
			case "sale.order.line" -> (record) -> role != Store.Role.SALES_OWN
					|| ownOrder(uid, this.store.model("sale.order").record(orderId(record)));
			default -> (record) -> true;
		};
	}

	/** Throws {@code AccessError} if some of the records are hidden from the user by a record rule. */
	void checkRules(long uid, ModelDef model, List<Long> ids, Map<String, Object> context, String operation) {
		Predicate<Map<String, Object>> rules = rules(uid, model, context);
		for (Long id : ids) {
			Map<String, Object> record = model.record(id);
			if (record != null && !rules.test(record)) {
				throw OdooError.accessError("Due to security restrictions, you are not allowed to " + verb(operation)
						+ " '" + model.description() + "' (" + model.name() + ") records.\n\nRecords: "
						+ this.store.displayName(model, record) + " (id=" + id + ")\nUser: " + userName(uid) + " (id="
						+ uid + ")\n\nContact your administrator to request access if necessary.");
			}
		}
	}

	/** The companies a call runs in: {@code allowed_company_ids} from the context, or all the user's companies. */
	List<Long> companies(long uid, Map<String, Object> context) {
		Map<String, Object> user = this.store.require("res.users").record(uid);
		List<Long> own = new ArrayList<>();
		if (user != null && user.get("company_ids") instanceof List<?> ids) {
			ids.forEach((id) -> own.add(((Number) id).longValue()));
		}
		Object allowed = context.get("allowed_company_ids");
		if (!(allowed instanceof List<?> requested)) {
			return own;
		}
		List<Long> result = new ArrayList<>();
		for (Object id : requested) {
			if (!(id instanceof Number number) || (!own.contains(number.longValue()) && uid != 1)) {
				throw OdooError.accessError("Access to unauthorized or invalid companies.");
			}
			result.add(number.longValue());
		}
		return result;
	}

	private static boolean ownOrder(long uid, Map<String, Object> order) {
		return order != null && (order.get("user_id") == null || Long.valueOf(uid).equals(order.get("user_id")));
	}

	private static long orderId(Map<String, Object> line) {
		return (line.get("order_id") instanceof Long id) ? id : -1;
	}

	private String userName(long uid) {
		Map<String, Object> user = this.store.require("res.users").record(uid);
		return (user != null) ? String.valueOf(user.get("name")) : String.valueOf(uid);
	}

	private static String verb(String operation) {
		return switch (operation) {
			case "read" -> "access";
			case "write" -> "modify";
			case "unlink" -> "delete";
			default -> operation;
		};
	}

}
