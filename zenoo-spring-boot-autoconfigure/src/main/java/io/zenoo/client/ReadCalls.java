package io.zenoo.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zenoo.client.transport.OdooCall;
import org.jspecify.annotations.Nullable;

/**
 * The Odoo calls of a query's reads, with named arguments only (so every protocol can send them). Built on a cache
 * miss only.
 *
 * @param model the model
 * @param state what the query was told
 * @param fields the fields to read, or {@code null} to let Odoo choose
 */
record ReadCalls(String model, QueryState state, @Nullable List<String> fields) {

	OdooCall searchRead(@Nullable Integer limit) {
		Map<String, Object> kwargs = withDomain();
		if (this.fields != null) {
			kwargs.put("fields", this.fields);
		}
		putPaging(kwargs, limit);
		return call("search_read", kwargs);
	}

	OdooCall read(List<Long> ids) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		if (this.fields != null) {
			kwargs.put("fields", this.fields);
		}
		return new OdooCall(this.model, "read", ids, List.of(), kwargs, this.state.context(), true);
	}

	OdooCall searchCount() {
		Map<String, Object> kwargs = withDomain();
		if (this.state.limit() != null) {
			kwargs.put("limit", this.state.limit());
		}
		return call("search_count", kwargs);
	}

	OdooCall search() {
		Map<String, Object> kwargs = withDomain();
		putPaging(kwargs, this.state.limit());
		return call("search", kwargs);
	}

	/**
	 * @param json2 whether the call goes over JSON-2: Odoo 18 calls the domain {@code args}, Odoo 19 (the only one
	 * speaking JSON-2) renamed it {@code domain}
	 */
	OdooCall nameSearch(String name, String operator, int limit, boolean json2) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("name", name);
		kwargs.put(json2 ? "domain" : "args", this.state.domain().toList());
		kwargs.put("operator", operator);
		kwargs.put("limit", limit);
		return call("name_search", kwargs);
	}

	OdooCall readGroup(List<String> aggregates, List<String> groupBy, boolean lazy) {
		Map<String, Object> kwargs = withDomain();
		kwargs.put("fields", aggregates);
		kwargs.put("groupby", groupBy);
		kwargs.put("offset", this.state.offset());
		if (this.state.limit() != null) {
			kwargs.put("limit", this.state.limit());
		}
		if (this.state.order() != null) {
			kwargs.put("orderby", this.state.order());
		}
		kwargs.put("lazy", lazy);
		return call("read_group", kwargs);
	}

	OdooCall fieldsGet(List<String> attributes) {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		if (this.state.fields() != null) {
			kwargs.put("allfields", this.state.fields());
		}
		if (!attributes.isEmpty()) {
			kwargs.put("attributes", attributes);
		}
		return call("fields_get", kwargs);
	}

	private Map<String, Object> withDomain() {
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("domain", this.state.domain().toList());
		return kwargs;
	}

	private void putPaging(Map<String, Object> kwargs, @Nullable Integer limit) {
		if (this.state.offset() > 0) {
			kwargs.put("offset", this.state.offset());
		}
		if (limit != null) {
			kwargs.put("limit", limit);
		}
		if (this.state.order() != null) {
			kwargs.put("order", this.state.order());
		}
	}

	private OdooCall call(String method, Map<String, Object> kwargs) {
		return new OdooCall(this.model, method, null, List.of(), kwargs, this.state.context(), true);
	}

}
