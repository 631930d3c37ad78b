package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs model methods ({@code search_read}, {@code write}, {@code read_group}, ...) for an authenticated user,
 * whatever the protocol: checks access rights and record rules, records the call, and returns a JSON-like result (or
 * {@link #NONE} for a method returning Python's {@code None}).
 */
final class ModelService {

	/** The result of a method returning {@code None}: the JSON-RPC response has no {@code result} key. */
	static final Object NONE = new Object();

	private final Store store;

	private final Security security;

	private final CallRecorder calls;

	ModelService(Store store, CallRecorder calls) {
		this.store = store;
		this.security = new Security(store);
		this.calls = calls;
	}

	/** Counts a request of the server version, which is not a model call. */
	void versionAsked() {
		this.calls.recordVersion();
	}

	Store store() {
		return this.store;
	}

	/**
	 * Calls a model method.
	 * @param protocol {@code jsonrpc}, {@code session} or {@code json2}
	 * @param uid the authenticated user
	 * @param modelName the model
	 * @param method the method
	 * @param args positional arguments ({@code ids} first for record methods)
	 * @param kwargs keyword arguments, {@code context} included
	 * @param idsGiven whether the ids of a record method are given separately (JSON-2) and prepended to args
	 * @return the result, or {@link #NONE}
	 */
	Object call(String protocol, long uid, String modelName, String method, List<Object> args,
			Map<String, Object> kwargs, boolean idsGiven) {
		synchronized (this.store) {
			Map<String, Object> named = new LinkedHashMap<>(kwargs);
			Object rawContext = named.remove("context");
			Map<String, Object> context = (rawContext instanceof Map<?, ?>) ? DemoData.castMap(rawContext)
					: new LinkedHashMap<>();
			Map<String, Object> recorded = new LinkedHashMap<>(named);
			if (!args.isEmpty()) {
				recorded.put("args", args);
			}
			try {
				if (method.startsWith("_")) {
					throw OdooError.accessError(
							"Private methods (such as " + method + ") cannot be called remotely.");
				}
				ModelDef model = this.store.require(modelName);
				Signatures.Signature signature = Signatures.find(modelName, method);
				if (signature == null) {
					throw OdooError.of(OdooError.ATTRIBUTE_ERROR,
							"The method '" + method + "' does not exist on the model '" + modelName + "'");
				}
				if (signature.recordMethod() && args.isEmpty() && !idsGiven) {
					throw OdooError.of(OdooError.INDEX_ERROR, "list index out of range");
				}
				Map<String, Object> bound = Signatures.bind(method, signature, args, named);
				recorded = bound;
				checkContext(uid, context);
				return dispatch(uid, model, method, bound, context);
			}
			finally {
				this.calls.record(protocol, uid, modelName, method, recorded, context);
			}
		}
	}

	private void checkContext(long uid, Map<String, Object> context) {
		Object lang = context.get("lang");
		if (lang != null && !Boolean.FALSE.equals(lang) && !"en_US".equals(lang)) {
			throw OdooError.userError("Invalid language code: " + lang);
		}
		this.security.companies(uid, context);
	}

	private Object dispatch(long uid, ModelDef model, String method, Map<String, Object> p,
			Map<String, Object> context) {
		Reader reader = new Reader(this.store, this.security, uid, model, context);
		switch (method) {
			case "search_read" -> {
				List<Map<String, Object>> found = reader.search(p.get("domain"), offset(p), limit(p, "limit"),
						order(p));
				return reader.format(found, p.get("fields"));
			}
			case "search" -> {
				return ids(reader.search(p.get("domain"), offset(p), limit(p, "limit"), order(p)));
			}
			case "search_count" -> {
				return (long) reader.search(p.get("domain"), 0, limit(p, "limit"), null).size();
			}
			case "read" -> {
				return reader.read(idList(p.get("ids")), p.get("fields"));
			}
			case "create" -> {
				return create(uid, model, p.get("vals_list"), context);
			}
			case "write" -> {
				List<Long> ids = idList(p.get("ids"));
				this.security.checkAccess(uid, model, "write");
				this.security.checkRules(uid, model, ids, context, "write");
				if (!(p.get("vals") instanceof Map<?, ?> values)) {
					throw OdooError.typeError("BaseModel.write() argument 'vals' must be a dict");
				}
				new RecordWriter(this.store, uid, false).write(model, ids, DemoData.castMap(values));
				return true;
			}
			case "unlink" -> {
				List<Long> ids = idList(p.get("ids"));
				this.security.checkAccess(uid, model, "unlink");
				this.security.checkRules(uid, model, ids, context, "unlink");
				new RecordWriter(this.store, uid, false).unlink(model, ids);
				return true;
			}
			case "exists" -> {
				return idList(p.get("ids")).stream().filter((id) -> model.record(id) != null).toList();
			}
			case "flush_model" -> {
				return NONE;
			}
			case "name_search" -> {
				return reader.nameSearch(p.get("name"), p.get("args"), String.valueOf(p.get("operator")),
						limit(p, "limit"));
			}
			case "name_create" -> {
				String field = model.hasField("name") ? "name" : null;
				if (field == null || !(p.get("name") instanceof String name)) {
					throw OdooError.userError("Cannot execute name_create, no _rec_name defined on " + model.name());
				}
				Map<String, Object> values = new LinkedHashMap<>();
				values.put(field, name);
				long id = (Long) create(uid, model, values, context);
				return List.of(id, this.store.displayName(model, model.record(id)));
			}
			case "read_group" -> {
				this.security.checkAccess(uid, model, "read");
				return new ReadGroup(this.store, model, reader).run(p);
			}
			case "fields_get" -> {
				return FieldsGet.run(model, p.get("allfields"), p.get("attributes"));
			}
			case "check_access_rights" -> {
				boolean allowed = this.security.allowed(uid, model, String.valueOf(p.get("operation")));
				if (!allowed && Values.truthy(p.get("raise_exception"))) {
					this.security.checkAccess(uid, model, String.valueOf(p.get("operation")));
				}
				return allowed;
			}
			case "context_get" -> {
				Map<String, Object> user = model.record(uid);
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("lang", (user != null && user.get("lang") != null) ? user.get("lang") : "en_US");
				result.put("tz", (user != null && user.get("tz") != null) ? user.get("tz") : false);
				result.put("uid", uid);
				return result;
			}
			case "check_object_reference" -> {
				for (Map<String, Object> data : model.records().values()) {
					if (data.get("module").equals(p.get("module")) && data.get("name").equals(p.get("xml_id"))) {
						return List.of(data.get("model"), data.get("res_id"));
					}
				}
				throw OdooError.valueError("External ID not found in the system: " + p.get("module") + "."
						+ p.get("xml_id"));
			}
			case "get_param" -> {
				this.security.checkAccess(uid, model, "read");
				for (Map<String, Object> parameter : model.records().values()) {
					if (parameter.get("key").equals(p.get("key"))) {
						return parameter.get("value");
					}
				}
				return p.get("default");
			}
			default -> throw OdooError.of(OdooError.ATTRIBUTE_ERROR,
					"The method '" + method + "' does not exist on the model '" + model.name() + "'");
		}
	}

	private Object create(long uid, ModelDef model, Object valsList, Map<String, Object> context) {
		this.security.checkAccess(uid, model, "create");
		RecordWriter writer = new RecordWriter(this.store, uid, false);
		if (valsList instanceof Map<?, ?> values) {
			return writer.create(model, DemoData.castMap(Values.copy(values)));
		}
		if (!(valsList instanceof List<?> list)) {
			throw OdooError.typeError("BaseModel.create() argument 'vals_list' must be a dict or a list of dicts");
		}
		List<Long> ids = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> values)) {
				throw OdooError.valueError("dictionary update sequence element #0 has length 1; 2 is required");
			}
			ids.add(writer.create(model, DemoData.castMap(Values.copy(values))));
		}
		return ids;
	}

	static List<Long> ids(List<Map<String, Object>> records) {
		return records.stream().map((record) -> (Long) record.get("id")).toList();
	}

	static List<Long> idList(Object value) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		for (Object item : DomainEvaluator.asList(value)) {
			if (item == null || Boolean.FALSE.equals(item)) {
				continue;
			}
			Long id = (item instanceof Number number) ? Long.valueOf(number.longValue()) : null;
			if (id == null) {
				throw OdooError.valueError("Invalid record id " + Py.repr(item));
			}
			ids.add(id);
		}
		return new ArrayList<>(ids);
	}

	private static long offset(Map<String, Object> p) {
		return (p.get("offset") instanceof Number number) ? number.longValue() : 0;
	}

	static Long limit(Map<String, Object> p, String key) {
		Object limit = p.get(key);
		if (limit == null || Boolean.FALSE.equals(limit)) {
			return null;
		}
		if (!(limit instanceof Number number)) {
			throw OdooError.typeError("'<' not supported between instances of 'str' and 'int'");
		}
		return number.longValue();
	}

	private static String order(Map<String, Object> p) {
		return (p.get("order") instanceof String text && !text.isBlank()) ? text : null;
	}

	/** Searching and reading as one user. */
	static final class Reader {

		private final Store store;

		private final Security security;

		private final long uid;

		private final ModelDef model;

		private final Map<String, Object> context;

		Reader(Store store, Security security, long uid, ModelDef model, Map<String, Object> context) {
			this.store = store;
			this.security = security;
			this.uid = uid;
			this.model = model;
			this.context = context;
		}

		List<Map<String, Object>> search(Object domain, long offset, Long limit, String order) {
			this.security.checkAccess(this.uid, this.model, "read");
			Domain.Node node = Domain.parse(domain, this.model, this.store);
			boolean activeTest = !Boolean.FALSE.equals(this.context.get("active_test"));
			Domain.Node effective = node;
			if (activeTest && this.model.hasField("active") && !Domain.mentions(domain, "active")) {
				effective = new Domain.And(node, new Domain.Leaf(List.of("active"), "=", true, List.of()));
			}
			Predicate<Map<String, Object>> rules = this.security.rules(this.uid, this.model, this.context);
			return this.store.search(this.model, effective, activeTest, order, offset, limit, rules);
		}

		List<Map<String, Object>> read(List<Long> ids, Object fields) {
			this.security.checkAccess(this.uid, this.model, "read");
			List<FieldDef> selected = fields(fields);
			this.security.checkRules(this.uid, this.model, ids, this.context, "read");
			List<Map<String, Object>> records = new ArrayList<>();
			for (Long id : ids) {
				Map<String, Object> record = this.model.record(id);
				if (record != null) {
					records.add(record);
				}
			}
			return format(records, selected);
		}

		List<Map<String, Object>> format(List<Map<String, Object>> records, Object fields) {
			List<FieldDef> selected = (fields instanceof List<?> list && !list.isEmpty()
					&& list.get(0) instanceof FieldDef) ? castFields(list) : fields(fields);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Map<String, Object> record : records) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", record.get("id"));
				for (FieldDef field : selected) {
					row.put(field.name(), this.store.output(this.model, record, field));
				}
				rows.add(row);
			}
			return rows;
		}

		List<List<Object>> nameSearch(Object name, Object args, String operator, Long limit) {
			List<Object> domain = new ArrayList<>();
			if (args instanceof List<?> list) {
				domain.addAll(list);
			}
			if (name instanceof String text && !text.isEmpty()) {
				boolean negative = operator.startsWith("not") || "!=".equals(operator);
				if ("res.partner".equals(this.model.name())) {
					domain.add(negative ? "&" : "|");
					domain.add(List.of("display_name", operator, text));
					domain.add(List.of("email", operator, text));
				}
				else {
					domain.add(List.of("display_name", operator, text));
				}
			}
			List<List<Object>> result = new ArrayList<>();
			for (Map<String, Object> record : search(domain, 0, limit, null)) {
				result.add(List.of(record.get("id"), this.store.displayName(this.model, record)));
			}
			return result;
		}

		private List<FieldDef> fields(Object fields) {
			List<FieldDef> selected = new ArrayList<>();
			if (fields == null || Boolean.FALSE.equals(fields) || (fields instanceof List<?> l && l.isEmpty())) {
				for (FieldDef field : this.model.fields().values()) {
					if (!"id".equals(field.name())) {
						selected.add(field);
					}
				}
				return selected;
			}
			for (Object name : DomainEvaluator.asList(fields)) {
				FieldDef field = (name instanceof String text) ? this.model.field(text) : null;
				if (field == null) {
					throw OdooError.valueError("Invalid field " + Py.repr(name) + " on model '" + this.model.name()
							+ "'");
				}
				if (!"id".equals(field.name())) {
					selected.add(field);
				}
			}
			return selected;
		}

		@SuppressWarnings("unchecked")
		private static List<FieldDef> castFields(List<?> list) {
			return (List<FieldDef>) list;
		}

	}

}
