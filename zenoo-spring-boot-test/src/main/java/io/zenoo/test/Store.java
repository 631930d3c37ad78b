package io.zenoo.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The in-memory database of one server: models with their records, plus user passwords, roles and API keys. Callers
 * synchronise on the store for a whole operation.
 */
final class Store implements TestDataStore {

	/** What a user may do beyond reading shared data. */
	enum Role {

		/** Administrator: everything, no record rules. */
		ADMIN,
		/** Internal user (base.group_user): reads shared data, no settings, no sales. */
		INTERNAL,
		/** Salesman, own documents only. */
		SALES_OWN

	}

	private final Map<String, ModelDef> models;

	private final Map<Long, String> passwords = new HashMap<>();

	private final Map<Long, Role> roles = new HashMap<>();

	private final Map<String, Long> apiKeys = new HashMap<>();

	Store(boolean fixtures) {
		this.models = DemoData.copy(fixtures);
		this.passwords.put(2L, OdooTestUsers.ADMIN_PASSWORD);
		this.passwords.put(6L, OdooTestUsers.DEMO_PASSWORD);
		this.passwords.put(fixtures ? OdooTestUsers.LIMITED_UID : 9L, OdooTestUsers.LIMITED_PASSWORD);
		this.roles.put(1L, Role.ADMIN);
		this.roles.put(2L, Role.ADMIN);
		if (fixtures) {
			this.passwords.put(12L, OdooTestUsers.SALES_OWN_PASSWORD);
			this.passwords.put(13L, OdooTestUsers.COMPANY2_PASSWORD);
			this.roles.put(12L, Role.SALES_OWN);
		}
	}

	Map<String, ModelDef> models() {
		return this.models;
	}

	ModelDef model(String name) {
		return (name != null) ? this.models.get(name) : null;
	}

	ModelDef require(String name) {
		ModelDef model = model(name);
		if (model == null) {
			throw OdooError.userError("Object " + name + " doesn't exist");
		}
		return model;
	}

	Role role(long uid) {
		return this.roles.getOrDefault(uid, Role.INTERNAL);
	}

	void role(long uid, Role role) {
		this.roles.put(uid, role);
	}

	String password(long uid) {
		return this.passwords.get(uid);
	}

	void password(long uid, String password) {
		this.passwords.put(uid, password);
	}

	Map<String, Long> apiKeys() {
		return this.apiKeys;
	}

	/** The stored value of a field for domains and ordering: many2one id, x2many ids, scalars, or null. */
	Object raw(ModelDef model, Map<String, Object> record, FieldDef field) {
		if (field.isX2many()) {
			return relatedIds(field, record);
		}
		if ("display_name".equals(field.name())) {
			return displayName(model, record);
		}
		return record.get(field.name());
	}

	List<Long> relatedIds(FieldDef field, Map<String, Object> record) {
		if (field.isMany2one()) {
			Object id = record.get(field.name());
			return (id instanceof Long key) ? List.of(key) : List.of();
		}
		if (field.isOne2many()) {
			ModelDef comodel = model(field.relation());
			if (comodel == null || field.inverse() == null) {
				return List.of();
			}
			Object owner = record.get("id");
			List<Map<String, Object>> children = new ArrayList<>();
			for (Map<String, Object> child : comodel.records().values()) {
				if (owner.equals(child.get(field.inverse()))
						&& (!comodel.hasField("active") || !Boolean.FALSE.equals(child.get("active")))) {
					children.add(child);
				}
			}
			children.sort(OrderSpec.comparator(comodel.defaultOrder(), comodel, this));
			return children.stream().map((child) -> (Long) child.get("id")).toList();
		}
		if (field.isX2many() && record.get(field.name()) instanceof List<?> ids) {
			List<Long> result = new ArrayList<>();
			for (Object id : ids) {
				result.add(((Number) id).longValue());
			}
			return result;
		}
		return List.of();
	}

	String displayName(ModelDef model, Map<String, Object> record) {
		Object name = record.get("display_name");
		return (name instanceof String text) ? text : DisplayNames.compute(this.models, model, record);
	}

	/** The value {@code read} returns for a field. */
	Object output(ModelDef model, Map<String, Object> record, FieldDef field) {
		String name = field.name();
		if ("id".equals(name)) {
			return record.get("id");
		}
		if ("display_name".equals(name)) {
			return displayName(model, record);
		}
		if (field.isMany2one()) {
			ModelDef comodel = model(field.relation());
			Object id = record.get(name);
			if (!(id instanceof Long key)) {
				return false;
			}
			Map<String, Object> target = (comodel != null) ? comodel.record(key) : null;
			if (target == null) {
				return false;
			}
			return List.of(key, displayName(comodel, target));
		}
		if (field.isX2many()) {
			return relatedIds(field, record);
		}
		Object value = record.get(name);
		if (value == null) {
			return field.emptyValue();
		}
		if (("float".equals(field.type()) || "monetary".equals(field.type())) && value instanceof Long number) {
			return number.doubleValue();
		}
		return Values.copy(value);
	}

	/** Searches records: filter, order, offset and limit. */
	List<Map<String, Object>> search(ModelDef model, Domain.Node domain, boolean activeTest, String order, long offset,
			Long limit, Predicate<Map<String, Object>> rules) {
		DomainEvaluator evaluator = new DomainEvaluator(this, activeTest);
		List<Map<String, Object>> hits = new ArrayList<>();
		for (Map<String, Object> record : model.records().values()) {
			if (rules.test(record) && evaluator.matches(domain, model, record)) {
				hits.add(record);
			}
		}
		hits.sort(OrderSpec.comparator((order != null) ? order : model.defaultOrder(), model, this));
		int from = (int) Math.min(Math.max(offset, 0), hits.size());
		int to = (limit == null) ? hits.size() : (int) Math.min(hits.size(), from + Math.max(limit, 0));
		return new ArrayList<>(hits.subList(from, to));
	}

	Set<Long> descendants(ModelDef model, Set<Long> roots) {
		Set<Long> result = new HashSet<>(roots);
		if (!model.hasField("parent_id")) {
			return result;
		}
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map<String, Object> record : model.records().values()) {
				if (record.get("parent_id") instanceof Long parent && result.contains(parent)
						&& result.add((Long) record.get("id"))) {
					grew = true;
				}
			}
		}
		return result;
	}

	Set<Long> ancestors(ModelDef model, Set<Long> roots) {
		Set<Long> result = new HashSet<>();
		Deque<Long> todo = new ArrayDeque<>(roots);
		while (!todo.isEmpty()) {
			Long id = todo.pop();
			Map<String, Object> record = model.record(id);
			if (record != null && result.add(id) && model.hasField("parent_id")
					&& record.get("parent_id") instanceof Long parent) {
				todo.push(parent);
			}
		}
		return result;
	}

	// TestDataStore: direct access, as superuser, without access rights or call counting

	@Override
	public synchronized long create(String model, Map<String, ?> values) {
		return direct(() -> new RecordWriter(this, 1L, true).create(require(model), normalized(values)));
	}

	@Override
	public synchronized void write(String model, long id, Map<String, ?> values) {
		direct(() -> {
			new RecordWriter(this, 1L, true).write(require(model), List.of(id), normalized(values));
			return 0L;
		});
	}

	@Override
	public synchronized void unlink(String model, long id) {
		direct(() -> {
			ModelDef target = require(model);
			if (target.record(id) != null) {
				// a mutable list: the unlink asks it whether it contains null many2one values, which List.of refuses
				new RecordWriter(this, 1L, true).unlink(target, new java.util.ArrayList<>(List.of(id)));
			}
			return 0L;
		});
	}

	@Override
	public synchronized Map<String, Object> read(String model, long id) {
		return direct(() -> {
			ModelDef target = require(model);
			Map<String, Object> record = target.record(id);
			if (record == null) {
				return null;
			}
			Map<String, Object> result = new LinkedHashMap<>();
			for (FieldDef field : target.fields().values()) {
				result.put(field.name(), output(target, record, field));
			}
			return result;
		});
	}

	@Override
	public synchronized List<Long> ids(String model) {
		return direct(() -> new ArrayList<>(require(model).records().keySet()));
	}

	private static Map<String, Object> normalized(Map<String, ?> values) {
		if (values == null) {
			throw new IllegalArgumentException("values must not be null");
		}
		return DemoData.castMap(Values.normalize(values));
	}

	private static <T> T direct(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (OdooError ex) {
			throw new IllegalArgumentException(ex.errorName() + ": " + ex.getMessage(), ex);
		}
	}

}
