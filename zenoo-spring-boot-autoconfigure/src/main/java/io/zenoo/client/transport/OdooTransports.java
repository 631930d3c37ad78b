package io.zenoo.client.transport;

import java.util.Objects;

import io.zenoo.client.ZenooClientSettings;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the {@link OdooTransport} for a {@link ZenooClientSettings#protocol() protocol}. Each transport owns one
 * Reactor Netty connection pool sized by {@code maxConnections}, with the settings' connect and read timeouts and
 * response size limit; {@link OdooTransport#close()} releases it.
 */
public final class OdooTransports {

	private OdooTransports() {
	}

	/**
	 * Creates a transport with a plain {@link WebClient}.
	 * @param settings the server, database, user and limits
	 * @return the transport
	 */
	public static OdooTransport create(ZenooClientSettings settings) {
		return create(settings, WebClient.builder());
	}

	/**
	 * Creates a transport on top of a caller-supplied {@link WebClient.Builder} (for example Spring Boot's, with its
	 * observation and customizers). The builder is cloned, not modified; its connector is replaced by one using the
	 * transport's own connection pool and timeouts.
	 * @param settings the server, database, user and limits
	 * @param webClientBuilder the builder to start from
	 * @return the transport
	 */
	public static OdooTransport create(ZenooClientSettings settings, WebClient.Builder webClientBuilder) {
		Objects.requireNonNull(settings, "settings must not be null");
		Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
		OdooHttp http = OdooHttp.create(settings, webClientBuilder);
		return switch (settings.protocol()) {
			case JSON_RPC -> new JsonRpcTransport(http, settings, true);
			case SESSION -> new SessionTransport(http, settings, true);
			case JSON2 -> new Json2Transport(http, settings, true);
		};
	}

}
