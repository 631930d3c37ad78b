package io.zenoo.client.transport;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooVersion;
import io.zenoo.client.ZenooClientSettings;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link io.zenoo.client.OdooProtocol#JSON_RPC}: stateless {@code POST /jsonrpc}. Authenticates once with
 * {@code common.authenticate} for the uid, then sends every call as {@code object.execute_kw} with the secret.
 */
final class JsonRpcTransport extends AbstractOdooTransport {

	/** What a login is observed as. */
	private static final OdooCall LOGIN = OdooCall.read("common", "authenticate", Map.of());

	private static final Target VERSION = Target.service("common.version");

	private final JsonRpcClient rpc;

	private final URI endpoint;

	private final SharedAuthentication<Long> uid;

	JsonRpcTransport(OdooHttp http, ZenooClientSettings settings, boolean ownsHttp) {
		super(http, settings, ownsHttp);
		this.rpc = new JsonRpcClient(http, new Redactor(settings.credentials().secret()));
		this.endpoint = http.uri("/jsonrpc");
		this.uid = new SharedAuthentication<>(LOGIN, this::authenticate);
	}

	@Override
	OdooTransport sharing(OdooHttp http, ZenooClientSettings settings) {
		return new JsonRpcTransport(http, settings, false);
	}

	@Override
	public Mono<JsonNode> execute(OdooCall call) {
		Objects.requireNonNull(call, "call must not be null");
		Target target = Target.of(call);
		Mono<JsonNode> request = this.uid.current()
			.flatMap((uid) -> this.rpc.call(this.endpoint, Map.of("service", "object", "method", "execute_kw",
					"args", List.of(this.settings.database(), uid, this.settings.credentials().secret(),
							call.model(), call.method(), CallArguments.positional(call), CallArguments.named(call))),
					target));
		return call.readOnly() ? this.retries.apply(request) : request;
	}

	@Override
	public Mono<OdooVersion> version() {
		return version(this.rpc, this.endpoint, this.retries);
	}

	static Mono<OdooVersion> version(JsonRpcClient rpc, URI endpoint, Retries retries) {
		return retries.apply(rpc.call(endpoint, Map.of("service", "common", "method", "version", "args", List.of()),
				VERSION))
			.map((node) -> VersionParser.parse(node, VERSION, rpc.failures().server()));
	}

	@Override
	public Mono<Long> uid() {
		return this.uid.current();
	}

	private Mono<Long> authenticate() {
		Target target = Target.service("common.authenticate");
		OdooCredentials credentials = this.settings.credentials();
		Mono<JsonNode> request = this.rpc.call(this.endpoint, Map.of("service", "common", "method", "authenticate",
				"args", List.of(this.settings.database(), credentials.login(), credentials.secret(), Map.of())),
				target);
		return this.retries.apply(request)
			.map((result) -> Authentication.uid(result, target, this.settings, this.rpc.failures().server()));
	}

}
