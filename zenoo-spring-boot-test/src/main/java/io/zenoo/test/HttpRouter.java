package io.zenoo.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes a request to its protocol and answers unknown routes like Werkzeug does. */
final class HttpRouter {

	private final JsonRpcProtocol jsonRpc;

	private final Json2Protocol json2;

	HttpRouter(JsonRpcProtocol jsonRpc, Json2Protocol json2) {
		this.jsonRpc = jsonRpc;
		this.json2 = json2;
	}

	HttpReply route(HttpCall call) {
		String path = call.path();
		if (path.startsWith("/json/2/")) {
			String[] parts = path.substring("/json/2/".length()).split("/");
			if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
				return this.json2.handle(call, parts[0], parts[1]);
			}
			return notFound();
		}
		if (path.equals("/web/version")) {
			this.jsonRpc.versionAsked();
			Map<String, Object> version = new LinkedHashMap<>();
			version.put("version_info", JsonRpcProtocol.VERSION_INFO);
			version.put("version", "18.0");
			return Json.reply(200, version, List.of());
		}
		boolean jsonRoute = path.equals("/jsonrpc") || path.startsWith("/web/session/")
				&& List.of("authenticate", "get_session_info", "destroy").contains(path.substring(13))
				|| path.equals("/web/dataset/call_kw") || path.startsWith("/web/dataset/call_kw/")
				|| path.equals("/web/database/list");
		if (!jsonRoute) {
			return notFound();
		}
		if (!"POST".equals(call.method())) {
			return HttpReply.html(405, "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
					+ "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n");
		}
		return this.jsonRpc.handle(call);
	}

	private static HttpReply notFound() {
		return HttpReply.html(404, "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
				+ "<p>The requested URL was not found on the server. If you entered the URL manually please check your "
				+ "spelling and try again.</p>\n");
	}

}
