package io.zenoo.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An in-process Odoo 18 server for tests: {@code /jsonrpc}, {@code /web/session/*}, {@code /web/dataset/call_kw}
 * and JSON-2 ({@code /json/2/<model>/<method>}) over an in-memory store seeded with Odoo 18 demo data.
 * <p>
 * SKELETON: the API below is the contract; the implementation is being written.
 */
public final class OdooTestServer implements AutoCloseable {

	/** The database every server serves. */
	public static final String DATABASE = "demo";

	private OdooTestServer() {
	}

	/**
	 * Starts a server on a free loopback port, seeded with the demo data.
	 * @return the running server
	 */
	public static OdooTestServer start() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** @return the base URL, for example {@code http://127.0.0.1:40123} */
	public String url() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** @return the port */
	public int port() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** @return the database name ({@value #DATABASE}) */
	public String database() {
		return DATABASE;
	}

	/** @return the calls counted so far */
	public CallLog calls() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** @return the fault injection controls */
	public Faults faults() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Expires every web session, so the next {@code call_kw} gets {@code SessionExpiredException}. */
	public void expireSessions() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/**
	 * Creates an API key for a user (for JSON-2 and API-key authentication over /jsonrpc).
	 * @param login the user's login
	 * @return the key
	 */
	public String createApiKey(String login) {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Restores the demo data and clears counters, faults, sessions. */
	public void reset() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Stops the server. */
	@Override
	public void close() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Counted calls. */
	public interface CallLog {

		/** @return calls of {@code model.method} over any protocol */
		int count(String model, String method);

		/** @return all model-method calls */
		int total();

		/** @return every call in order */
		List<RecordedCall> all();

		/** Forgets the calls counted so far. */
		void clear();

	}

	/**
	 * One call as the server received it, with its arguments normalised to named form.
	 * @param protocol {@code jsonrpc}, {@code session} or {@code json2}
	 * @param uid the caller
	 * @param model the model
	 * @param method the method
	 * @param kwargs every argument by name ({@code domain}, {@code fields}, {@code ids}, ...)
	 * @param context the context
	 */
	public record RecordedCall(String protocol, long uid, String model, String method, Map<String, Object> kwargs,
			Map<String, Object> context) {
	}

	/** Fault injection. */
	public interface Faults {

		/** Delays every response. */
		void latency(Duration latency);

		/** Answers the next {@code count} requests with this HTTP status and body. */
		void httpError(int count, int status, String contentType, String body);

		/** Answers the next {@code count} requests with HTTP 200 and these raw bytes. */
		void rawBody(int count, String contentType, byte[] body);

		/** Closes the connection without answering the next {@code count} requests. */
		void dropConnection(int count);

		/** Removes every fault. */
		void clear();

	}

}
