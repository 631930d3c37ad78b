package io.zenoo.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the status and raw body of a recorded Odoo 18 response from the samples shipped in the test-support jar.
 */
final class RecordedBodies {

	private static final String ROOT = "io/zenoo/test/odoo18/samples/";

	private RecordedBodies() {
	}

	record Response(int status, String contentType, String body) {
	}

	static Response response(String fileName) {
		String text = read(fileName);
		int start = text.indexOf("### RESPONSE\n");
		if (start < 0) {
			throw new IllegalStateException("no response in " + fileName);
		}
		String response = text.substring(start + "### RESPONSE\n".length());
		int headersEnd = response.indexOf("\n\n");
		String[] head = response.substring(0, headersEnd).split("\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		String contentType = "";
		for (String header : head) {
			if (header.toLowerCase().startsWith("content-type:")) {
				contentType = header.substring("content-type:".length()).strip();
			}
		}
		String body = response.substring(headersEnd + 2);
		int pretty = body.indexOf("\n\n### RESPONSE BODY");
		if (pretty >= 0) {
			body = body.substring(0, pretty);
		}
		return new Response(status, contentType, body.strip());
	}

	private static String read(String fileName) {
		try (InputStream in = RecordedBodies.class.getClassLoader().getResourceAsStream(ROOT + fileName)) {
			if (in == null) {
				throw new IllegalStateException("sample not on the classpath: " + fileName);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
