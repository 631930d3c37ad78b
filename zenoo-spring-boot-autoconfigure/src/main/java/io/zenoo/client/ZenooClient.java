package io.zenoo.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.transport.OdooCall;
import io.zenoo.client.transport.OdooTransport;
import io.zenoo.client.transport.OdooTransports;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive Odoo client: the entry point for queries ({@link #model(Class)}, {@link #model(String)}), generic
 * method calls ({@link #call}) and server information ({@link #version()}).
 * <p>
 * Thread-safe and non-blocking. In a Spring Boot application it is a bean configured from {@code zenoo.odoo.*};
 * elsewhere create one with {@link #create(ZenooClientSettings)} and {@link #close()} it when done.
 */
public class ZenooClient implements AutoCloseable {

	/** What {@link #version()} is observed as. */
	private static final OdooCall VERSION = OdooCall.read("common", "version", Map.of());

	private final OdooTransport transport;

	private final OdooProtocol protocol;

	private final @Nullable ZenooCacheManager cacheManager;

	private final String scope;

	private final OdooCallObserver observer;

	/**
	 * A client over a transport, without caching.
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks (some methods name their arguments differently on JSON-2)
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol) {
		this(transport, protocol, null);
	}

	/**
	 * A client over a transport whose reads are cached in the given manager's caches (by default in its default
	 * cache; per query with {@link QueryBuilder#cache(String)}).
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks
	 * @param cacheManager the caches, or {@code null} for none
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager) {
		this(transport, protocol, cacheManager, OdooCallObserver.NONE);
	}

	/**
	 * A client over a transport whose reads may be cached and whose every call to Odoo goes through an observer
	 * (metrics, tracing).
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks
	 * @param cacheManager the caches, or {@code null} for none
	 * @param observer watches every call; {@link OdooCallObserver#NONE} for none
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.protocol = Objects.requireNonNull(protocol, "protocol must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		this.cacheManager = cacheManager;
		this.scope = transport.server() + "/" + transport.database() + "/" + transport.login();
	}

	/**
	 * A client with its own connection pool.
	 * @param settings where and how to reach Odoo
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings) {
		return new ZenooClient(OdooTransports.create(settings), settings.protocol());
	}

	/**
	 * A client with its own connection pool whose reads are cached.
	 * @param settings where and how to reach Odoo
	 * @param cacheManager the caches
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings, ZenooCacheManager cacheManager) {
		Objects.requireNonNull(cacheManager, "cacheManager must not be null");
		return new ZenooClient(OdooTransports.create(settings), settings.protocol(), cacheManager);
	}

	/**
	 * A client built on an application's {@link WebClient.Builder} (codecs, filters, observations).
	 * @param settings where and how to reach Odoo
	 * @param webClientBuilder the builder to start from; it is cloned, not changed
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings, WebClient.Builder webClientBuilder) {
		return new ZenooClient(OdooTransports.create(settings, webClientBuilder), settings.protocol());
	}

	/**
	 * A typed query on the model of a record type annotated with {@link io.zenoo.client.model.OdooModel}; reads the
	 * record's fields only.
	 * @param <T> the record type
	 * @param recordType for example {@code ResPartner.class}
	 * @return a query builder
	 */
	public <T> QueryBuilder<T> model(Class<T> recordType) {
		Objects.requireNonNull(recordType, "recordType must not be null");
		RecordMapper<T> mapper = RecordMapper.of(recordType);
		return new QueryBuilder<>(this, mapper.model(), RowReader.of(recordType));
	}

	/**
	 * An untyped query; rows are immutable maps of plain Java values. Name the fields you need with
	 * {@link QueryBuilder#fields(String...)}: Odoo's default field set is heavy.
	 * @param model for example {@code res.partner}
	 * @return a query builder
	 */
	public QueryBuilder<Map<String, Object>> model(String model) {
		Objects.requireNonNull(model, "model must not be null");
		if (model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
		return new QueryBuilder<>(this, model, RowReader.forMaps());
	}

	/**
	 * Calls any public model method. Calls made this way are never retried, since the client cannot know whether
	 * the method changes data.
	 * @param model the model, for example {@code res.partner}
	 * @param method the method, for example {@code action_archive}
	 * @param args positional arguments (record ids first for record methods); must be empty on JSON-2
	 * @param kwargs named arguments
	 * @return the method's result as JSON; JSON {@code null} when the method returns nothing
	 */
	public Mono<JsonNode> call(String model, String method, List<?> args, Map<String, ?> kwargs) {
		Objects.requireNonNull(args, "args must not be null");
		Objects.requireNonNull(kwargs, "kwargs must not be null");
		return execute(new OdooCall(model, method, null, args, kwargs, Map.of(), false));
	}

	/**
	 * The server's version; does not authenticate.
	 * @return the version
	 */
	public Mono<OdooVersion> version() {
		return versionCall();
	}

	/**
	 * The id of the user this client acts as; authenticates on first use.
	 * @return the uid
	 */
	public Mono<Long> uid() {
		return withObserver(this.transport.uid());
	}

	/**
	 * A client acting as another user over the same connection pool.
	 * @param credentials the user
	 * @return the client; closing it does not close this one
	 */
	public ZenooClient withCredentials(OdooCredentials credentials) {
		Objects.requireNonNull(credentials, "credentials must not be null");
		return new ZenooClient(this.transport.withCredentials(credentials), this.protocol, this.cacheManager,
				this.observer);
	}

	/**
	 * A client acting as another user, authenticated by password (or by API key where the protocol needs one).
	 * @param login the user's login
	 * @param secret the password, or the API key on {@link OdooProtocol#JSON2}
	 * @return the client
	 */
	public ZenooClient withCredentials(String login, String secret) {
		return withCredentials((this.protocol == OdooProtocol.JSON2) ? OdooCredentials.apiKey(login, secret)
				: OdooCredentials.password(login, secret));
	}

	/** @return the database this client talks to */
	public String database() {
		return this.transport.database();
	}

	/** @return the login this client acts as */
	public String login() {
		return this.transport.login();
	}

	/**
	 * The caches this client's reads go through, as the Python client's {@code client.cache_manager}.
	 * @return the cache manager, or {@code null} when caching is off
	 */
	public @Nullable ZenooCacheManager cacheManager() {
		return this.cacheManager;
	}

	/** @return the wire protocol */
	public OdooProtocol protocol() {
		return this.protocol;
	}

	/**
	 * Releases the connection pool, if this client owns it.
	 */
	@Override
	public void close() {
		this.transport.close();
	}

	/** Who this client is, for cache keys: server, database and login. */
	String scope() {
		return this.scope;
	}

	/**
	 * The cache a query's options choose: none when caching is off or bypassed, the named cache, or the default one.
	 */
	@Nullable ZenooCache cacheFor(CacheOptions options) {
		if (this.cacheManager == null || options.mode() == CacheOptions.Mode.BYPASS) {
			return null;
		}
		if (options.cacheName() != null) {
			return requireCache(options.cacheName());
		}
		return this.cacheManager.getDefaultCache();
	}

	ZenooCache requireCache(String name) {
		if (this.cacheManager == null) {
			throw new IllegalStateException("caching is not enabled on this client: cannot use cache '" + name + "'");
		}
		ZenooCache cache = this.cacheManager.getCache(name);
		if (cache == null) {
			throw new IllegalArgumentException(
					"no cache named '" + name + "'; known caches: " + this.cacheManager.getCacheNames());
		}
		return cache;
	}

	/** Asks the server for its version, observed as {@code common.version}. */
	Mono<OdooVersion> versionCall() {
		return this.observer.observe(VERSION, this.transport.version());
	}

	Mono<JsonNode> execute(OdooCall call) {
		return this.observer.observe(call, withObserver(this.transport.execute(call)));
	}

	/** Lets the transport observe the logins it sends for this call (see {@link OdooCallObserver#CONTEXT_KEY}). */
	private <T> Mono<T> withObserver(Mono<T> call) {
		return (this.observer != OdooCallObserver.NONE)
				? call.contextWrite(Context.of(OdooCallObserver.CONTEXT_KEY, this.observer)) : call;
	}

	static OdooException unexpected(String model, String method, String expected, JsonNode actual) {
		return new io.zenoo.client.error.OdooUnexpectedResponseException(
				model + "." + method + " returned " + describe(actual) + " where " + expected + " was expected");
	}

	private static String describe(JsonNode node) {
		return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String toString() {
		return "ZenooClient[database=" + database() + ", login=" + login() + ", protocol=" + this.protocol + "]";
	}

}
