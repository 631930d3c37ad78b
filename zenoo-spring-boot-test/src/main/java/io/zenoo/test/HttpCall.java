package io.zenoo.test;

import java.util.Map;

/**
 * One HTTP request as the protocols see it.
 * @param method the request method
 * @param path the path without query string
 * @param headers the headers by lower-case name
 * @param body the body bytes
 */
record HttpCall(String method, String path, Map<String, String> headers, byte[] body) {

	String header(String name) {
		return this.headers.get(name);
	}

	/** {@code true} if the content type says JSON, as Odoo's type inference requires for JSON routes. */
	boolean isJson() {
		String type = header("content-type");
		if (type == null) {
			return false;
		}
		String media = type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
		return media.equals("application/json") || media.equals("application/json-rpc");
	}

}
