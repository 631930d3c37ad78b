package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON-RPC routes: {@code /jsonrpc} (services {@code common}, {@code object}, {@code db}) and the web session
 * routes ({@code /web/session/*}, {@code /web/dataset/call_kw}, {@code /web/database/list}).
 */
final class JsonRpcProtocol {

	static final List<Object> VERSION_INFO = List.of(18L, 0L, 0L, "final", 0L, "");

	private final ModelService models;

	private final Auth auth;

	private final Sessions sessions;

	private final String baseUrl;

	JsonRpcProtocol(ModelService models, Auth auth, Sessions sessions, String baseUrl) {
		this.models = models;
		this.auth = auth;
		this.sessions = sessions;
		this.baseUrl = baseUrl;
	}

	static Map<String, Object> version() {
		Map<String, Object> version = new LinkedHashMap<>();
		version.put("server_version", "18.0");
		version.put("server_version_info", VERSION_INFO);
		version.put("server_serie", "18.0");
		version.put("protocol_version", 1L);
		return version;
	}

	/** Counts a {@code GET /web/version}, answered by the router. */
	void versionAsked() {
		this.models.versionAsked();
	}

	HttpReply handle(HttpCall call) {
		if (!call.isJson()) {
			return HttpReply.html(400, "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
					+ "<h1>Bad Request</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;"
					+ call.path() + "&#39; is type=&#39;json&#39;.</p>\n");
		}
		JsonNode root;
		try {
			root = Json.tree(call.body());
		}
		catch (JacksonException ex) {
			return HttpReply.html(400, "Invalid JSON data");
		}
		if (root == null || !root.isObject()) {
			return HttpReply.html(400, "Invalid JSON-RPC data");
		}
		Object id = Json.value(root.get("id"));
		Object rawParams = Json.value(root.get("params"));
		Map<String, Object> params = (rawParams instanceof Map<?, ?>) ? DemoData.castMap(rawParams)
				: new LinkedHashMap<>();
		String sessionId = Sessions.sessionId(call.header("cookie"));
		List<String> cookies = List.of();
		try {
			Object result;
			String path = call.path();
			if (path.equals("/jsonrpc")) {
				result = rpc(params);
			}
			else if (path.equals("/web/session/authenticate")) {
				Long uid = this.auth.login(params.get("db"), params.get("login"), params.get("password"));
				if (uid == null) {
					throw OdooError.accessDenied();
				}
				String session = this.sessions.open(uid);
				cookies = List.of(Sessions.cookie(session));
				result = SessionInfo.build(this.models.store(), uid, this.baseUrl);
			}
			else if (path.equals("/web/session/get_session_info")) {
				long uid = sessionUser(sessionId);
				cookies = List.of(Sessions.cookie(sessionId));
				result = SessionInfo.build(this.models.store(), uid, this.baseUrl);
			}
			else if (path.equals("/web/session/destroy")) {
				this.sessions.destroy(sessionId);
				cookies = Sessions.destroyCookies(Auth.randomToken(63));
				result = ModelService.NONE;
			}
			else if (path.equals("/web/database/list")) {
				cookies = List.of(Sessions.cookie(Auth.randomToken(63)));
				result = List.of(OdooTestServer.DATABASE);
			}
			else {
				result = callKw(sessionUser(sessionId), params);
			}
			return Json.reply(200, Json.result(id, result), cookies);
		}
		catch (OdooError error) {
			return Json.reply(200, Json.error(id, error), List.of());
		}
	}

	private long sessionUser(String sessionId) {
		Long uid = this.sessions.uid(sessionId);
		if (uid == null) {
			throw OdooError.sessionExpired();
		}
		return uid;
	}

	private Object callKw(long uid, Map<String, Object> params) {
		Object model = params.get("model");
		Object method = params.get("method");
		if (!(model instanceof String modelName) || this.models.store().model(modelName) == null) {
			throw OdooError.notFound();
		}
		if (!(method instanceof String methodName)) {
			throw OdooError.typeError("call_kw() missing 1 required positional argument: 'method'");
		}
		List<Object> args = (params.get("args") instanceof List<?> list) ? new ArrayList<>(list) : new ArrayList<>();
		Map<String, Object> kwargs = (params.get("kwargs") instanceof Map<?, ?> map) ? DemoData.castMap(map)
				: new LinkedHashMap<>();
		return this.models.call("session", uid, modelName, methodName, args, kwargs, false);
	}

	private Object rpc(Map<String, Object> params) {
		List<String> missing = new ArrayList<>();
		for (String name : List.of("service", "method", "args")) {
			if (!params.containsKey(name)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw Py.missingArguments("RPC.jsonrpc", missing);
		}
		String service = String.valueOf(params.get("service"));
		String method = String.valueOf(params.get("method"));
		if (!(params.get("args") instanceof List<?> rawArgs)) {
			throw OdooError.typeError("dispatch() argument after * must be an iterable, not "
					+ pythonType(params.get("args")));
		}
		List<Object> args = new ArrayList<>(rawArgs);
		switch (service) {
			case "common" -> {
				return common(method, args);
			}
			case "object" -> {
				return object(method, args);
			}
			case "db" -> {
				return switch (method) {
					case "list" -> List.of(OdooTestServer.DATABASE);
					case "server_version" -> "18.0";
					default -> throw OdooError.of(OdooError.EXCEPTION, "Method not found: " + method);
				};
			}
			default -> throw OdooError.of(OdooError.KEY_ERROR, service);
		}
	}

	private Object common(String method, List<Object> args) {
		switch (method) {
			case "version" -> {
				arity("exp_version", List.of(), args);
				this.models.versionAsked();
				return version();
			}
			case "login" -> {
				arity("exp_login", List.of("db", "login", "password"), args);
				Long uid = this.auth.login(args.get(0), args.get(1), args.get(2));
				return (uid != null) ? uid : false;
			}
			case "authenticate" -> {
				arity("exp_authenticate", List.of("db", "login", "password", "user_agent_env"), args);
				Long uid = this.auth.login(args.get(0), args.get(1), args.get(2));
				return (uid != null) ? uid : false;
			}
			default -> throw OdooError.of(OdooError.EXCEPTION, "Method not found: " + method);
		}
	}

	private Object object(String method, List<Object> args) {
		if (!"execute_kw".equals(method) && !"execute".equals(method)) {
			throw OdooError.of(OdooError.EXCEPTION, "Method not found: " + method);
		}
		if (args.size() < 3) {
			throw OdooError.of(OdooError.INDEX_ERROR, "list index out of range");
		}
		long uid = uid(args.get(1));
		this.auth.check(args.get(0), uid, args.get(2));
		List<Object> rest = args.subList(3, args.size());
		if ("execute".equals(method)) {
			if (rest.size() < 2) {
				throw Py.missingArguments("execute", List.of("obj", "method").subList(rest.size(), 2));
			}
			return this.models.call("jsonrpc", uid, String.valueOf(rest.get(0)), String.valueOf(rest.get(1)),
					new ArrayList<>(rest.subList(2, rest.size())), new LinkedHashMap<>(), false);
		}
		List<String> names = List.of("obj", "method", "args");
		if (rest.size() < 3) {
			throw Py.missingArguments("execute_kw", names.subList(rest.size(), 3));
		}
		if (rest.size() > 4) {
			throw OdooError.typeError("execute_kw() takes from 5 to 6 positional arguments but " + (rest.size() + 2)
					+ " were given");
		}
		if (!(rest.get(2) instanceof List<?> callArgs)) {
			throw OdooError.typeError("execute_kw() argument after * must be an iterable, not "
					+ pythonType(rest.get(2)));
		}
		Object kw = (rest.size() > 3) ? rest.get(3) : null;
		if (kw != null && !(kw instanceof Map<?, ?>)) {
			throw OdooError.typeError("execute_kw() argument after ** must be a mapping, not " + pythonType(kw));
		}
		Map<String, Object> kwargs = (kw != null) ? DemoData.castMap(kw) : new LinkedHashMap<>();
		return this.models.call("jsonrpc", uid, String.valueOf(rest.get(0)), String.valueOf(rest.get(1)),
				new ArrayList<>(callArgs), kwargs, false);
	}

	private static long uid(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text && text.matches("-?\\d+")) {
			return Long.parseLong(text);
		}
		throw OdooError.valueError("invalid literal for int() with base 10: " + Py.repr(value));
	}

	private static void arity(String function, List<String> names, List<Object> args) {
		if (args.size() < names.size()) {
			throw Py.missingArguments(function, names.subList(args.size(), names.size()));
		}
		if (args.size() > names.size()) {
			throw Py.tooManyArguments(function, names.size(), args.size());
		}
	}

	static String pythonType(Object value) {
		if (value == null) {
			return "NoneType";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Long) {
			return "int";
		}
		if (value instanceof Double) {
			return "float";
		}
		if (value instanceof String) {
			return "str";
		}
		if (value instanceof List) {
			return "list";
		}
		return "dict";
	}

}
