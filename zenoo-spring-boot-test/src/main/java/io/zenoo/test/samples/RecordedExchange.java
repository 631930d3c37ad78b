package io.zenoo.test.samples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One recorded HTTP exchange with a real Odoo 18 server: the request exactly as sent and the response exactly as
 * received (status, headers and raw body).
 *
 * @param number the sample number ({@code 1..99})
 * @param name the file name without the number and extension, for example {@code search_read_companies}
 * @param title the first line of the file (what the sample shows)
 * @param method the request method, for example {@code POST}
 * @param path the request path, for example {@code /jsonrpc}
 * @param requestHeaders the request headers in recorded order
 * @param requestBody the raw request body
 * @param status the response status code
 * @param reason the response status reason phrase
 * @param responseHeaders the response headers in recorded order
 * @param responseBody the raw response body
 */
public record RecordedExchange(int number, String name, String title, String method, String path,
		List<Header> requestHeaders, String requestBody, int status, String reason, List<Header> responseHeaders,
		String responseBody) {

	/**
	 * Creates an exchange, copying the header lists.
	 * @param number the sample number
	 * @param name the sample name
	 * @param title the sample title
	 * @param method the request method
	 * @param path the request path
	 * @param requestHeaders the request headers
	 * @param requestBody the request body
	 * @param status the response status
	 * @param reason the response reason phrase
	 * @param responseHeaders the response headers
	 * @param responseBody the response body
	 */
	public RecordedExchange {
		requestHeaders = List.copyOf(requestHeaders);
		responseHeaders = List.copyOf(responseHeaders);
	}

	/**
	 * Returns the first request header with this name.
	 * @param headerName the header name, case-insensitive
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String requestHeader(String headerName) {
		return first(this.requestHeaders, headerName);
	}

	/**
	 * Returns the first response header with this name.
	 * @param headerName the header name, case-insensitive
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String responseHeader(String headerName) {
		return first(this.responseHeaders, headerName);
	}

	/**
	 * Returns every response header with this name (for example each {@code Set-Cookie}).
	 * @param headerName the header name, case-insensitive
	 * @return the values in recorded order, possibly empty
	 */
	public List<String> responseHeaders(String headerName) {
		return this.responseHeaders.stream().filter((h) -> h.name().equalsIgnoreCase(headerName)).map(Header::value)
			.toList();
	}

	/** @return the response content type without parameters, lower case, or an empty string */
	public String responseMediaType() {
		String type = responseHeader("Content-Type");
		if (type == null) {
			return "";
		}
		int semicolon = type.indexOf(';');
		return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
	}

	/** @return {@code true} for the XML-RPC samples ({@code /xmlrpc/...}) */
	public boolean isXmlRpc() {
		return this.path.startsWith("/xmlrpc");
	}

	/**
	 * @return the headers as a map of lower-case name to the first value
	 */
	public Map<String, String> requestHeaderMap() {
		java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
		for (Header header : this.requestHeaders) {
			map.putIfAbsent(header.name().toLowerCase(Locale.ROOT), header.value());
		}
		return map;
	}

	@Override
	public String toString() {
		return "RecordedExchange[" + this.number + " " + this.name + ": " + this.method + " " + this.path + " -> "
				+ this.status + "]";
	}

	private static @Nullable String first(List<Header> headers, String headerName) {
		for (Header header : headers) {
			if (header.name().equalsIgnoreCase(headerName)) {
				return header.value();
			}
		}
		return null;
	}

	/**
	 * One HTTP header line.
	 * @param name the header name as recorded
	 * @param value the header value
	 */
	public record Header(String name, String value) {
	}

}
