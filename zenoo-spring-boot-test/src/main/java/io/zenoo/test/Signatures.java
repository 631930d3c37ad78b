package io.zenoo.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Odoo 18 signatures of the model methods the server implements, used to map positional arguments onto names
 * (so every call can be recorded and handled in named form) and to raise Python's {@code TypeError}s.
 */
final class Signatures {

	/** Marks a parameter without default. */
	static final Object REQUIRED = new Object();

	/**
	 * One method signature.
	 * @param recordMethod whether {@code args[0]} holds record ids
	 * @param names the parameter names after {@code ids}
	 * @param defaults the default of each parameter, or {@link #REQUIRED}
	 * @param extraKwargs keyword arguments accepted besides the parameters
	 * @param models the models that have the method, or empty for every model
	 */
	record Signature(boolean recordMethod, List<String> names, List<Object> defaults, Set<String> extraKwargs,
			Set<String> models) {
	}

	private static final Map<String, Signature> SIGNATURES = new LinkedHashMap<>();

	static {
		model("search_read", Set.of("load"), "domain", null, "fields", null, "offset", 0L, "limit", null, "order", null);
		model("search", Set.of(), "domain", REQUIRED, "offset", 0L, "limit", null, "order", null);
		model("search_count", Set.of(), "domain", REQUIRED, "limit", null);
		record("read", "fields", null, "load", "_classic_read");
		model("create", Set.of(), "vals_list", REQUIRED);
		record("write", "vals", REQUIRED);
		record("unlink");
		record("exists");
		record("flush_model", "fnames", null);
		model("name_search", Set.of(), "name", "", "args", null, "operator", "ilike", "limit", 100L);
		model("name_create", Set.of(), "name", REQUIRED);
		model("read_group", Set.of(), "domain", REQUIRED, "fields", REQUIRED, "groupby", REQUIRED, "offset", 0L,
				"limit", null, "orderby", false, "lazy", true);
		model("fields_get", Set.of(), "allfields", null, "attributes", null);
		model("check_access_rights", Set.of(), "operation", REQUIRED, "raise_exception", true);
		SIGNATURES.put("context_get", new Signature(false, List.of(), List.of(), Set.of(), Set.of("res.users")));
		SIGNATURES.put("check_object_reference", new Signature(false, List.of("module", "xml_id"),
				List.of(REQUIRED, REQUIRED), Set.of("raise_on_access_error"), Set.of("ir.model.data")));
		SIGNATURES.put("get_param", new Signature(false, List.of("key", "default"), Arrays.asList(REQUIRED, false),
				Set.of(), Set.of("ir.config_parameter")));
	}

	private Signatures() {
	}

	private static void model(String method, Set<String> extra, Object... pairs) {
		add(method, false, extra, pairs);
	}

	private static void record(String method, Object... pairs) {
		add(method, true, Set.of(), pairs);
	}

	private static void add(String method, boolean recordMethod, Set<String> extra, Object... pairs) {
		List<String> names = new ArrayList<>();
		List<Object> defaults = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			names.add((String) pairs[i]);
			defaults.add(pairs[i + 1]);
		}
		SIGNATURES.put(method, new Signature(recordMethod, names, defaults, extra, Set.of()));
	}

	static Signature find(String model, String method) {
		Signature signature = SIGNATURES.get(method);
		if (signature == null || (!signature.models().isEmpty() && !signature.models().contains(model))) {
			return null;
		}
		return signature;
	}

	/**
	 * Maps positional and keyword arguments to named form. Record methods get their ids under {@code ids}.
	 * @return every parameter by name, defaults filled in
	 */
	static Map<String, Object> bind(String method, Signature signature, List<Object> args, Map<String, Object> kwargs) {
		String function = "BaseModel." + method;
		List<String> names = new ArrayList<>(signature.names());
		List<Object> defaults = new ArrayList<>(signature.defaults());
		if (signature.recordMethod()) {
			names.add(0, "ids");
			defaults.add(0, REQUIRED);
		}
		if (args.size() > names.size()) {
			throw Py.tooManyArguments(function, names.size() + 1, args.size() + 1);
		}
		Map<String, Object> bound = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			bound.put(names.get(i), args.get(i));
		}
		for (Map.Entry<String, Object> entry : kwargs.entrySet()) {
			String name = entry.getKey();
			if (!names.contains(name) || (signature.recordMethod() && "ids".equals(name))) {
				if (signature.extraKwargs().contains(name)) {
					bound.put(name, entry.getValue());
					continue;
				}
				String target = "search_read".equals(method) ? "BaseModel._read_format" : function;
				throw OdooError.typeError(target + "() got an unexpected keyword argument '" + name + "'");
			}
			if (bound.containsKey(name)) {
				throw OdooError.typeError(function + "() got multiple values for argument '" + name + "'");
			}
			bound.put(name, entry.getValue());
		}
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (!bound.containsKey(names.get(i))) {
				if (defaults.get(i) == REQUIRED) {
					if (!(signature.recordMethod() && i == 0)) {
						missing.add(names.get(i));
					}
				}
				else {
					bound.put(names.get(i), defaults.get(i));
				}
			}
		}
		if (!missing.isEmpty()) {
			throw Py.missingArguments(function, missing);
		}
		return bound;
	}

}
