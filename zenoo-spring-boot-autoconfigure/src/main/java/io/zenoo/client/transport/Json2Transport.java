package io.zenoo.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooInvalidCallException;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link io.zenoo.client.OdooProtocol#JSON2} (Odoo 19+): {@code POST /json/2/<model>/<method>} with the API key as a
 * bearer token and the database in {@code X-Odoo-Database}; named arguments only; plain JSON results; errors as HTTP
 * statuses with a {@code {name, message, ...}} body.
 */
final class Json2Transport extends AbstractOdooTransport {

	/** What a login is observed as. */
	private static final OdooCall LOGIN = OdooCall.read("res.users", "context_get", Map.of());

	private static final Target VERSION = Target.service("web.version");

	private final Redactor redactor;

	private final TransportFailures failures;

	private final Consumer<HttpHeaders> headers;

	private final SharedAuthentication<Long> uid;

	Json2Transport(OdooHttp http, ZenooClientSettings settings, boolean ownsHttp) {
		super(http, settings, ownsHttp);
		this.redactor = new Redactor(settings.credentials().secret());
		this.failures = http.failures(this.redactor);
		String authorization = "bearer " + settings.credentials().secret();
		String database = settings.database();
		this.headers = (headers) -> {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
			headers.set("X-Odoo-Database", database);
		};
		this.uid = new SharedAuthentication<>(LOGIN, this::contextUid);
	}

	@Override
	OdooTransport sharing(OdooHttp http, ZenooClientSettings settings) {
		return new Json2Transport(http, settings, false);
	}

	@Override
	public Mono<JsonNode> execute(OdooCall call) {
		Objects.requireNonNull(call, "call must not be null");
		Target target = Target.of(call);
		if (!call.args().isEmpty()) {
			return Mono.error(new OdooInvalidCallException("JSON-2 takes named arguments only, but " + target
					+ " was given " + call.args().size() + " positional argument(s): pass them by name in kwargs"));
		}
		URI uri = this.http.uri("/json/2/" + UriUtils.encodePathSegment(call.model(), StandardCharsets.UTF_8) + "/"
				+ UriUtils.encodePathSegment(call.method(), StandardCharsets.UTF_8));
		Mono<JsonNode> request = Mono.defer(() -> this.http.post(uri,
				OdooJson.write(CallArguments.json2Body(call), target), this.headers, target, this.failures))
			.map((response) -> result(response, target));
		return call.readOnly() ? this.retries.apply(request) : request;
	}

	private JsonNode result(HttpResult response, Target target) {
		JsonNode body = response.json();
		if (response.isSuccess() && body != null) {
			return body;
		}
		throw ServerErrors.fromJson2(response, target, this.redactor, this.failures.server());
	}

	@Override
	public Mono<OdooVersion> version() {
		return this.retries
			.apply(this.http.get(this.http.uri("/web/version"), (headers) -> {
			}, VERSION, this.failures))
			.map((response) -> VersionParser.parse(result(response, VERSION), VERSION, this.failures.server()));
	}

	@Override
	public Mono<Long> uid() {
		return this.uid.current();
	}

	private Mono<Long> contextUid() {
		OdooCall call = OdooCall.read("res.users", "context_get", Map.of());
		Target target = Target.of(call);
		return execute(call).map((context) -> {
			JsonNode uid = context.isObject() ? context.get("uid") : null;
			if (uid == null) {
				throw new OdooUnexpectedResponseException("Odoo at " + this.failures.server() + " answered " + target
						+ " without a uid");
			}
			return Authentication.uid(uid, target, this.settings, this.failures.server());
		});
	}

}
