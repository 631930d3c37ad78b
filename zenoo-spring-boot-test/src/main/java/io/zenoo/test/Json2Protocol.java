package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * JSON-2 (Odoo 19+): {@code POST /json/2/<model>/<method>} with {@code Authorization: bearer <api key>}, named
 * arguments plus {@code ids} and {@code context} in the body, the plain result as response, and errors as real HTTP
 * statuses with a {@code {name, message, arguments, context, debug}} body.
 */
final class Json2Protocol {

	private final ModelService models;

	private final Auth auth;

	Json2Protocol(ModelService models, Auth auth) {
		this.models = models;
		this.auth = auth;
	}

	HttpReply handle(HttpCall call, String model, String method) {
		try {
			if (!"POST".equals(call.method())) {
				return HttpReply.html(405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
						+ "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n");
			}
			long uid = authenticate(call);
			String database = call.header("x-odoo-database");
			if (database != null && !OdooTestServer.DATABASE.equals(database)) {
				throw OdooError.notFound("Database " + Py.repr(database) + " not found");
			}
			Map<String, Object> body = body(call);
			if (this.models.store().model(model) == null) {
				throw OdooError.notFound("The model " + Py.repr(model) + " does not exist.");
			}
			// Odoo 19 refuses private methods before it looks at the arguments.
			if (method.startsWith("_")) {
				throw OdooError.accessError("Private methods (such as " + Py.repr(model + "." + method)
						+ ") cannot be called remotely.");
			}
			if (Signatures.find(model, method) == null) {
				throw OdooError.notFound("The method " + Py.repr(method) + " does not exist on the model "
						+ Py.repr(model) + ".");
			}
			List<Object> args = new ArrayList<>();
			Signatures.Signature signature = Signatures.find(model, method);
			Object ids = body.remove("ids");
			if (signature != null && signature.recordMethod()) {
				args.add((ids != null) ? ids : List.of());
			}
			else if (ids != null) {
				throw OdooError.typeError("BaseModel." + method + "() got an unexpected keyword argument 'ids'");
			}
			Object result = this.models.call("json2", uid, model, method, args, body, true);
			return Json.reply(200, (result == ModelService.NONE) ? null : result, List.of());
		}
		catch (OdooError error) {
			Map<String, Object> data = Json.data(error, true);
			Map<String, Object> ordered = new LinkedHashMap<>();
			for (String key : List.of("name", "message", "arguments", "context", "debug")) {
				ordered.put(key, data.get(key));
			}
			return Json.reply(error.json2Status(), ordered, List.of());
		}
	}

	private long authenticate(HttpCall call) {
		String authorization = call.header("authorization");
		if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			throw OdooError.unauthorized("Missing Authorization: bearer <api key> header");
		}
		Long uid = this.auth.apiKeyUser(authorization.substring("bearer ".length()).trim());
		if (uid == null) {
			throw OdooError.unauthorized("Invalid apikey");
		}
		return uid;
	}

	private static Map<String, Object> body(HttpCall call) {
		if (call.body().length == 0) {
			return new LinkedHashMap<>();
		}
		JsonNode root;
		try {
			root = Json.tree(call.body());
		}
		catch (JacksonException ex) {
			throw OdooError.of(OdooError.VALUE_ERROR, "Invalid JSON data");
		}
		if (root == null || !root.isObject()) {
			throw OdooError.of(OdooError.VALUE_ERROR, "Invalid JSON data: the body must be an object");
		}
		return new LinkedHashMap<>(DemoData.castMap(Json.value(root)));
	}

}
