package io.zenoo.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooMalformedResponseException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side shared by every transport of one server: one Reactor Netty connection pool, one {@link WebClient},
 * the {@link OdooBulkhead} every request passes, and the reading of responses (size limit, one parse into a JSON
 * tree, error translation).
 * <p>
 * Bodies are joined as Netty buffers up to {@code maxResponseBytes} and parsed straight from them, without an
 * intermediate {@code byte[]} or {@code String}.
 */
final class OdooHttp {

	private static final Log logger = LogFactory.getLog(OdooHttp.class);

	private static final int EXCERPT_LENGTH = 200;

	private static final String SESSION_COOKIE = "session_id";

	/** The context key of the request's {@link Sent}: when it was sent, and on which event loop. */
	private static final String SENT_AT = OdooHttp.class.getName() + ".sentAt";

	private final WebClient webClient;

	private final ConnectionProvider pool;

	private final String baseUrl;

	private final int maxResponseBytes;

	private final long readTimeoutNanos;

	private final ZenooClientSettings settings;

	private final OdooBulkhead bulkhead;

	private OdooHttp(WebClient webClient, ConnectionProvider pool, String baseUrl, ZenooClientSettings settings) {
		this.webClient = webClient;
		this.pool = pool;
		this.baseUrl = baseUrl;
		this.settings = settings;
		this.maxResponseBytes = (int) Math.min(settings.maxResponseBytes(), Integer.MAX_VALUE - 8);
		this.readTimeoutNanos = settings.readTimeout().toNanos();
		this.bulkhead = new OdooBulkhead(settings.bulkhead(), serverName(settings.url()));
	}

	static OdooHttp create(ZenooClientSettings settings, WebClient.Builder builder) {
		ConnectionProvider pool = ConnectionProvider.builder("zenoo-odoo")
			.maxConnections(settings.maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(settings.connectTimeout().plus(settings.readTimeout()))
			.build();
		HttpClient httpClient = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(settings.connectTimeout().toMillis(), Integer.MAX_VALUE))
			.responseTimeout(settings.readTimeout())
			.doAfterRequest((request, connection) -> request.currentContextView()
				.<Sent>getOrEmpty(SENT_AT)
				.ifPresent((sent) -> sent.sent(connection.channel().eventLoop())));
		WebClient webClient = builder.clone().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		String url = settings.url().toString();
		String baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		return new OdooHttp(webClient, pool, baseUrl, settings);
	}

	/** The server as shown in messages: scheme, host and port, never user info. */
	String server() {
		return serverName(this.settings.url());
	}

	static String serverName(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	OdooBulkhead bulkhead() {
		return this.bulkhead;
	}

	URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	TransportFailures failures(Redactor redactor) {
		return new TransportFailures(server(), this.settings.connectTimeout(), this.settings.readTimeout(),
				this.settings.maxResponseBytes(), redactor);
	}

	Mono<HttpResult> post(URI uri, byte[] body, Consumer<HttpHeaders> headers, Target target,
			TransportFailures failures) {
		return exchange(this.webClient.post()
			.uri(uri)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body), target, failures);
	}

	Mono<HttpResult> get(URI uri, Consumer<HttpHeaders> headers, Target target, TransportFailures failures) {
		return exchange(this.webClient.get().uri(uri).headers(headers).accept(MediaType.APPLICATION_JSON), target,
				failures);
	}

	private Mono<HttpResult> exchange(WebClient.RequestHeadersSpec<?> request, Target target,
			TransportFailures failures) {
		// one place per HTTP exchange: a retry gives its place back while it backs off; the read timeout starts when
		// the request is sent, after any wait for a place
		return this.bulkhead.guard(request.exchangeToMono((response) -> read(response, target, failures))
			.onErrorMap((ex) -> !(ex instanceof OdooException), (ex) -> failures.translate(ex, target))
			.contextWrite((context) -> context.put(SENT_AT, new Sent())), target);
	}

	/**
	 * Reactor Netty's response timeout only bounds the silence between two reads: a body trickling in would never
	 * end. The whole body must arrive within the read timeout of the request being sent.
	 */
	private Mono<HttpResult> read(ClientResponse response, Target target, TransportFailures failures) {
		return Mono.deferContextual((context) -> {
			Sent sent = context.<Sent>getOrEmpty(SENT_AT).orElse(null);
			long sentAt = (sent != null && sent.at != 0) ? sent.at : System.nanoTime();
			long remaining = Math.max(this.readTimeoutNanos - (System.nanoTime() - sentAt), 1);
			EventLoop loop = (sent != null) ? sent.loop : null;
			if (loop == null) {
				return readBody(response, target, failures).timeout(Duration.ofNanos(remaining));
			}
			return readBody(response, target, failures).timeout(deadline(loop, remaining));
		});
	}

	/**
	 * A signal after {@code nanos} from a timer of the connection's own event loop. The response is read on that
	 * loop, so starting and cancelling the timer stays on its thread, where Reactor's default timer (a scheduler
	 * thread of its own) would be woken for every request.
	 */
	private static Mono<Long> deadline(EventLoop loop, long nanos) {
		return Mono.create((sink) -> {
			ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), nanos, TimeUnit.NANOSECONDS);
			sink.onCancel(() -> timer.cancel(false));
		});
	}

	/** When a request was sent (System.nanoTime, 0 until it is) and the event loop of its connection. */
	private static final class Sent {

		volatile long at;

		volatile @Nullable EventLoop loop;

		void sent(EventLoop loop) {
			this.loop = loop;
			this.at = System.nanoTime();
		}

	}

	private Mono<HttpResult> readBody(ClientResponse response, Target target, TransportFailures failures) {
		int status = response.statusCode().value();
		long declaredLength = response.headers().contentLength().orElse(-1L);
		if (declaredLength > this.maxResponseBytes) {
			return Mono.error(failures.tooLarge(target, null));
		}
		String sessionId = sessionId(response);
		MediaType contentType = response.headers().contentType().orElse(null);
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), this.maxResponseBytes)
			.map((buffer) -> toResult(status, contentType, buffer, sessionId, target, failures))
			.switchIfEmpty(Mono.fromSupplier(() -> toResult(status, contentType, null, sessionId, target, failures)));
	}

	private HttpResult toResult(int status, @Nullable MediaType contentType, @Nullable DataBuffer buffer,
			@Nullable String sessionId, Target target, TransportFailures failures) {
		try {
			boolean success = status >= 200 && status < 300;
			if (success) {
				if (buffer == null || buffer.readableByteCount() == 0) {
					throw new OdooMalformedResponseException(
							"Odoo at " + server() + " answered " + target + " with an empty body", null);
				}
				return new HttpResult(status, parse(buffer, target, failures), "", sessionId);
			}
			String text = (buffer != null) ? buffer.toString(StandardCharsets.UTF_8) : "";
			JsonNode json = isJson(contentType) ? parseQuietly(text) : null;
			return new HttpResult(status, json, excerpt(failures.redact(text)), sessionId);
		}
		finally {
			if (buffer != null) {
				DataBufferUtils.release(buffer);
			}
		}
	}

	private static JsonNode parse(DataBuffer buffer, Target target, TransportFailures failures) {
		try (InputStream in = buffer.asInputStream()) {
			JsonNode node = OdooJson.MAPPER.readTree(in);
			if (node == null || node.isMissingNode()) {
				throw new OdooMalformedResponseException("Odoo answered " + target + " with no JSON value", null);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw failures.malformed(target, ex);
		}
		catch (IOException ex) {
			throw failures.translate(ex, target);
		}
	}

	private static @Nullable JsonNode parseQuietly(String text) {
		try {
			return text.isBlank() ? null : OdooJson.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isJson(@Nullable MediaType contentType) {
		return contentType != null && (MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| contentType.getSubtype().endsWith("+json"));
	}

	private static String excerpt(String text) {
		String collapsed = text.replaceAll("\\s+", " ").strip();
		return (collapsed.length() > EXCERPT_LENGTH) ? collapsed.substring(0, EXCERPT_LENGTH) + "..." : collapsed;
	}

	private static @Nullable String sessionId(ClientResponse response) {
		if (response.headers().header(HttpHeaders.SET_COOKIE).isEmpty()) {
			return null;
		}
		ResponseCookie cookie = response.cookies().getFirst(SESSION_COOKIE);
		return (cookie != null && !cookie.getValue().isEmpty()) ? cookie.getValue() : null;
	}

	void close() {
		this.pool.disposeLater()
			.subscribe(null, (ex) -> logger.debug("Closing the Odoo connection pool failed", ex));
	}

}
