package io.zenoo.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An in-process Odoo 18 server for tests: {@code /jsonrpc}, {@code /web/session/*}, {@code /web/dataset/call_kw}
 * and JSON-2 ({@code /json/2/<model>/<method>}) over an in-memory store seeded with Odoo 18 demo data.
 * <p>
 * The database is {@value #DATABASE}; the users are listed in {@link OdooTestUsers}. Answers reproduce the recorded
 * Odoo 18 traffic shipped in {@code io.zenoo.test.samples.RecordedSamples}: same status codes, content types, JSON
 * shapes, error names and messages. Each server owns its data; {@link #reset()} restores it.
 * {@link #requestsInFlight()} and {@link #maxRequestsInFlight()} show how many requests it handles at once.
 * <pre>{@code
 * try (OdooTestServer odoo = OdooTestServer.start()) {
 *     String url = odoo.url();          // http://127.0.0.1:<port>
 *     odoo.store().write("res.partner", 10, Map.of("name", "Changed behind the client's back"));
 *     odoo.faults().httpError(1, 502, "text/html", "<html>Bad Gateway</html>");
 *     int searches = odoo.calls().count("res.partner", "search_read");
 * }
 * }</pre>
 */
public final class OdooTestServer implements AutoCloseable {

	/** The database every server serves. */
	public static final String DATABASE = "demo";

	private static final Logger logger = LoggerFactory.getLogger(OdooTestServer.class);

	private final boolean fixtures;

	private final CallRecorder calls = new CallRecorder();

	private final FaultInjector faults = new FaultInjector();

	private final InFlightGauge inFlight = new InFlightGauge();

	private final Sessions sessions = new Sessions();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger openConnections = new AtomicInteger();

	private volatile Engine engine;

	private volatile DisposableServer server;

	/**
	 * This server's own event loop: Reactor Netty's global resources are disposed by Spring Boot when an application
	 * context closes, and the server must outlive the contexts of the tests that use it.
	 */
	private final LoopResources loops = LoopResources.create("odoo-test-server", 1, 2, true);

	private volatile String url = "";

	private OdooTestServer(boolean fixtures) {
		this.fixtures = fixtures;
	}

	/**
	 * Starts a server on a free loopback port, seeded with the demo data plus the fixtures of
	 * {@code record-rules.json}: "Second Company" (id 2, partner 301), partners 302, 303 (company 2) and 305
	 * (company 1), users {@code sales_own} (uid 12, owns sales orders 1-3) and {@code company2_user} (uid 13), and
	 * admin allowed in both companies.
	 * @return the running server
	 */
	public static OdooTestServer start() {
		return startServer(true);
	}

	/**
	 * Starts a server seeded with the demo data exactly as the recorded samples saw it: one company, sales orders with
	 * their original salesmen, no {@code sales_own} or {@code company2_user}. Use it to compare values with the
	 * recordings (for example {@code search_count} of companies is 9, not 13).
	 * @return the running server
	 */
	public static OdooTestServer startAsRecorded() {
		return startServer(false);
	}

	private static OdooTestServer startServer(boolean fixtures) {
		OdooTestServer odoo = new OdooTestServer(fixtures);
		odoo.engine = new Engine(new Store(fixtures), odoo.calls, odoo.sessions);
		odoo.server = HttpServer.create().runOn(odoo.loops).host("127.0.0.1").port(0)
			.doOnChannelInit((observer, channel, remote) -> {
				odoo.openConnections.incrementAndGet();
				channel.closeFuture().addListener((closed) -> odoo.openConnections.decrementAndGet());
			})
			.handle(odoo::handle)
			.bindNow(Duration.ofSeconds(10));
		odoo.url = "http://127.0.0.1:" + odoo.server.port();
		odoo.engine = new Engine(odoo.engine.store, odoo.calls, odoo.sessions, odoo.url);
		logger.debug("Odoo test server started at {}", odoo.url);
		return odoo;
	}

	/** @return the base URL, for example {@code http://127.0.0.1:40123} */
	public String url() {
		return this.url;
	}

	/** @return the port */
	public int port() {
		return this.server.port();
	}

	/** @return the database name ({@value #DATABASE}) */
	public String database() {
		return DATABASE;
	}

	/** @return the calls counted so far */
	public CallLog calls() {
		return this.calls;
	}

	/**
	 * Requests being handled now: received, and not yet answered (a delayed answer counts until its delay is over).
	 * @return the requests in flight
	 */
	public int requestsInFlight() {
		return this.inFlight.current();
	}

	/**
	 * The most requests handled at once since the server started, or since {@link #reset()} or
	 * {@link #clearMaxRequestsInFlight()}.
	 * @return the highest number of requests in flight
	 */
	public int maxRequestsInFlight() {
		return this.inFlight.max();
	}

	/** Restarts {@link #maxRequestsInFlight()} from the requests in flight now. */
	public void clearMaxRequestsInFlight() {
		this.inFlight.clearMax();
	}

	/**
	 * The TCP connections clients hold open to this server right now (idle keep-alive connections included). A
	 * client whose connection pool was closed should leave none: one that stays open was leaked.
	 * @return the number of open connections
	 */
	public int openConnections() {
		return this.openConnections.get();
	}

	/** @return the fault injection controls */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Direct access to the data, bypassing protocols, access rights and the call log: arrange data, or change a record
	 * behind a client's back (its {@code write_date} moves) to test change detection.
	 * @return the store of this server (replaced by {@link #reset()}: ask again after a reset)
	 */
	public TestDataStore store() {
		return this.engine.store;
	}

	/** Expires every web session, so the next {@code call_kw} gets {@code SessionExpiredException}. */
	public void expireSessions() {
		this.sessions.clear();
	}

	/**
	 * Creates an API key for a user (for JSON-2 and API-key authentication over /jsonrpc).
	 * @param login the user's login
	 * @return the key
	 * @throws IllegalArgumentException if no user has this login
	 */
	public String createApiKey(String login) {
		return this.engine.auth.createApiKey(login);
	}

	/** Restores the demo data (and forgets API keys and password changes) and clears counters, faults, sessions. */
	public void reset() {
		this.engine = new Engine(new Store(this.fixtures), this.calls, this.sessions, this.url);
		this.calls.clear();
		this.faults.clear();
		this.sessions.clear();
		this.inFlight.clearMax();
	}

	/** Stops the server and frees its port. Safe to call more than once. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			DisposableServer running = this.server;
			if (running != null) {
				running.disposeNow(Duration.ofSeconds(5));
			}
			this.loops.dispose();
			logger.debug("Odoo test server at {} stopped", this.url);
		}
	}

	@Override
	public String toString() {
		return "OdooTestServer[" + this.url + "]";
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Runnable answered = this.inFlight.enter();
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			FaultInjector.Fault fault = this.faults.next();
			Duration latency = this.faults.latency();
			Mono<Void> answer;
			if (fault instanceof FaultInjector.Drop) {
				answer = Mono.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close()));
			}
			else if (fault instanceof FaultInjector.Trickle trickle) {
				answer = trickle(response, answer(request, body), trickle);
			}
			else {
				HttpReply reply = (fault instanceof FaultInjector.Reply injected) ? injected.reply()
						: answer(request, body);
				answer = send(response, reply);
			}
			// counted out before the answer goes out, so a client never sees it answered while it still counts
			answer = Mono.fromRunnable(answered).then(answer);
			return latency.isZero() ? answer : Mono.delay(latency).then(answer);
		}).doFinally((signal) -> answered.run());
	}

	private HttpReply answer(HttpServerRequest request, byte[] body) {
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders().forEach((entry) -> headers.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT),
				entry.getValue()));
		HttpCall call = new HttpCall(request.method().name(), path, headers, body);
		try {
			return this.engine.router.route(call);
		}
		catch (RuntimeException ex) {
			logger.warn("Odoo test server failed on {} {}", call.method(), path, ex);
			return HttpReply.html(500, "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
					+ "<h1>Internal Server Error</h1>\n");
		}
	}

	private static Mono<Void> send(HttpServerResponse response, HttpReply reply) {
		headers(response, reply);
		return response.sendByteArray(Mono.just(reply.body())).then();
	}

	private static Mono<Void> trickle(HttpServerResponse response, HttpReply reply, FaultInjector.Trickle trickle) {
		headers(response, reply);
		byte[] body = reply.body();
		int chunks = (body.length + trickle.chunkBytes() - 1) / trickle.chunkBytes();
		Flux<byte[]> parts = Flux.range(0, chunks)
			.concatMap((i) -> Mono.delay(trickle.pause())
				.map((tick) -> Arrays.copyOfRange(body, i * trickle.chunkBytes(),
						Math.min(body.length, (i + 1) * trickle.chunkBytes()))));
		return response.sendByteArray(parts).then();
	}

	private static void headers(HttpServerResponse response, HttpReply reply) {
		response.status(HttpResponseStatus.valueOf(reply.status()));
		if (reply.contentType() != null) {
			response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
		}
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(reply.body().length));
		for (String cookie : reply.cookies()) {
			response.addHeader(HttpHeaderNames.SET_COOKIE, cookie);
		}
	}

	/** The parts of a server that {@link #reset()} replaces. */
	private static final class Engine {

		final Store store;

		final Auth auth;

		final HttpRouter router;

		Engine(Store store, CallRecorder calls, Sessions sessions) {
			this(store, calls, sessions, "");
		}

		Engine(Store store, CallRecorder calls, Sessions sessions, String url) {
			this.store = store;
			this.auth = new Auth(store);
			ModelService models = new ModelService(store, calls);
			this.router = new HttpRouter(new JsonRpcProtocol(models, this.auth, sessions, url),
					new Json2Protocol(models, this.auth));
		}

	}

	/** Counted calls. */
	public interface CallLog {

		/** @return calls of {@code model.method} over any protocol */
		int count(String model, String method);

		/** @return all model-method calls */
		int total();

		/**
		 * @return requests of the server version ({@code common.version} over {@code /jsonrpc} and
		 * {@code GET /web/version}), which are not model calls and so are neither in {@link #total()} nor in
		 * {@link #all()}
		 */
		int versionCalls();

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

		/**
		 * Answers the next {@code count} requests normally, but sends each body {@code chunkBytes} at a time with
		 * {@code pause} before every chunk: a server that keeps the connection busy without ever finishing in time.
		 */
		void trickle(int count, int chunkBytes, Duration pause);

		/** Closes the connection without answering the next {@code count} requests. */
		void dropConnection(int count);

		/** Removes every fault. */
		void clear();

	}

}
