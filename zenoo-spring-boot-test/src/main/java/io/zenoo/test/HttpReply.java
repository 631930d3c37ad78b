package io.zenoo.test;

import java.util.List;

/**
 * An HTTP answer: status, content type, body and {@code Set-Cookie} headers.
 * @param status the status code
 * @param contentType the content type header
 * @param body the body bytes
 * @param cookies the {@code Set-Cookie} header values
 */
record HttpReply(int status, String contentType, byte[] body, List<String> cookies) {

	static final String JSON = "application/json; charset=utf-8";

	static final String HTML = "text/html; charset=utf-8";

	static HttpReply html(int status, String body) {
		return new HttpReply(status, HTML, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
	}

	HttpReply withCookies(List<String> more) {
		return new HttpReply(this.status, this.contentType, this.body, more);
	}

}
