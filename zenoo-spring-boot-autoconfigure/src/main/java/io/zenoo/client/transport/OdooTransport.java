package io.zenoo.client.transport;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooVersion;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Sends calls to one Odoo database over one wire protocol. Implementations are thread-safe, non-blocking, and
 * authenticate lazily (once, then cache the uid or session; concurrent first calls share one authentication).
 * <p>
 * Every failure is signalled as an {@link io.zenoo.client.error.OdooException} subtype, never as a raw Netty, Jackson
 * or Spring exception, and no message contains the password or API key.
 */
public interface OdooTransport extends AutoCloseable {

	/**
	 * Calls a model method.
	 * @param call the call
	 * @return the method's result as JSON; a method returning {@code None} yields a JSON {@code null} node
	 */
	Mono<JsonNode> execute(OdooCall call);

	/**
	 * The server's version, without authenticating.
	 * @return the version
	 */
	Mono<OdooVersion> version();

	/**
	 * The id of the user the transport acts as, authenticating if not done yet.
	 * @return the uid
	 */
	Mono<Long> uid();

	/**
	 * The server this transport talks to, as {@code scheme://host:port} without user info. Together with
	 * {@link #database()} and {@link #login()} it scopes cache entries, so that users, databases and servers sharing
	 * a cache never see each other's rows.
	 * @return the server
	 */
	String server();

	/**
	 * The database this transport talks to.
	 * @return the database name
	 */
	String database();

	/**
	 * The user this transport acts as.
	 * @return the login (never the secret)
	 */
	String login();

	/**
	 * A transport to the same server acting as another user, sharing this one's connection pool. Closing it does not
	 * close this one.
	 * @param credentials the other user
	 * @return the transport
	 */
	OdooTransport withCredentials(OdooCredentials credentials);

	/**
	 * The limit on requests in flight that this transport's requests pass, shared with the transports of
	 * {@link #withCredentials(OdooCredentials)}.
	 * @return the bulkhead, or {@code null} for a transport without one
	 */
	default @Nullable OdooBulkhead bulkhead() {
		return null;
	}

	/**
	 * Releases the connection pool (if this transport owns it).
	 */
	@Override
	void close();

}
