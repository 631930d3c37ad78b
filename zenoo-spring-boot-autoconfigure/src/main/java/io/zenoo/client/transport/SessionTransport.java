package io.zenoo.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooSessionExpiredException;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link io.zenoo.client.OdooProtocol#SESSION}: the web client's protocol. Logs in once with
 * {@code /web/session/authenticate}, keeps the {@code session_id} cookie, and sends calls to
 * {@code /web/dataset/call_kw/<model>/<method>}. When Odoo reports the session expired, logs in again (once, shared
 * by every call that noticed) and replays the call once; a second expiry reaches the caller.
 */
final class SessionTransport extends AbstractOdooTransport {

	private static final Log logger = LogFactory.getLog(SessionTransport.class);

	/** What a login is observed as. */
	private static final OdooCall LOGIN = OdooCall.read("session", "authenticate", Map.of());

	private static final Target AUTHENTICATE = Target.service("session.authenticate");

	private final JsonRpcClient rpc;

	private final SharedAuthentication<Session> sessions;

	SessionTransport(OdooHttp http, ZenooClientSettings settings, boolean ownsHttp) {
		super(http, settings, ownsHttp);
		this.rpc = new JsonRpcClient(http, new Redactor(settings.credentials().secret()));
		this.sessions = new SharedAuthentication<>(LOGIN, this::authenticate);
	}

	@Override
	OdooTransport sharing(OdooHttp http, ZenooClientSettings settings) {
		return new SessionTransport(http, settings, false);
	}

	@Override
	public Mono<JsonNode> execute(OdooCall call) {
		Objects.requireNonNull(call, "call must not be null");
		Target target = Target.of(call);
		URI uri = this.rpc.http()
			.uri("/web/dataset/call_kw/" + UriUtils.encodePathSegment(call.model(), StandardCharsets.UTF_8) + "/"
					+ UriUtils.encodePathSegment(call.method(), StandardCharsets.UTF_8));
		Map<String, ?> params = Map.of("model", call.model(), "method", call.method(), "args",
				CallArguments.positional(call), "kwargs", CallArguments.named(call));
		Mono<JsonNode> request = Mono.defer(() -> {
			Mono<Session> used = this.sessions.current();
			return used.flatMap((session) -> send(uri, params, target, session))
				.onErrorResume(OdooSessionExpiredException.class, (expired) -> {
					logger.debug("Odoo session expired during " + target + "; logging in again and replaying once");
					return this.sessions.renew(used).flatMap((session) -> send(uri, params, target, session));
				});
		});
		return call.readOnly() ? this.retries.apply(request) : request;
	}

	private Mono<JsonNode> send(URI uri, Map<String, ?> params, Target target, Session session) {
		return this.rpc.exchange(uri, params, target, (headers) -> headers.add(HttpHeaders.COOKIE,
				"session_id=" + session.id()))
			.map((response) -> this.rpc.unwrap(response, target));
	}

	private Mono<Session> authenticate() {
		Map<String, ?> params = Map.of("db", this.settings.database(), "login", this.settings.credentials().login(),
				"password", this.settings.credentials().secret());
		Mono<Session> login = this.rpc
			.exchange(this.rpc.http().uri("/web/session/authenticate"), params, AUTHENTICATE, (headers) -> {
			})
			.map(this::toSession);
		return this.retries.apply(login);
	}

	private Session toSession(HttpResult response) {
		JsonNode result = this.rpc.unwrap(response, AUTHENTICATE);
		JsonNode uidNode = result.isObject() ? result.get("uid") : result;
		long uid = Authentication.uid((uidNode != null) ? uidNode : result, AUTHENTICATE, this.settings,
				this.rpc.failures().server());
		String sessionId = response.sessionId();
		if (sessionId == null) {
			throw new OdooUnexpectedResponseException("Odoo at " + this.rpc.failures().server()
					+ " accepted the login for " + AUTHENTICATE + " but set no session_id cookie");
		}
		return new Session(uid, sessionId);
	}

	@Override
	public Mono<OdooVersion> version() {
		return JsonRpcTransport.version(this.rpc, this.rpc.http().uri("/jsonrpc"), this.retries);
	}

	@Override
	public Mono<Long> uid() {
		return this.sessions.current().map(Session::uid);
	}

	/** A logged-in web session. {@code toString()} hides the cookie, which is as good as a password. */
	record Session(long uid, String id) {

		@Override
		public String toString() {
			return "Session[uid=" + this.uid + ", id=******]";
		}

	}

}
