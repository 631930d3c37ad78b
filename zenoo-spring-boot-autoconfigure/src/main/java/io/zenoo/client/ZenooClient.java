package io.zenoo.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooTransportException;
import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.transport.OdooCall;
import io.zenoo.client.transport.OdooTransport;
import io.zenoo.client.transport.OdooTransports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive Odoo client: the entry point for queries ({@link #model(Class)}, {@link #model(String)}), generic
 * method calls ({@link #call}) and server information ({@link #version()}, {@link #userContext()}).
 * <p>
 * Metadata (the version, the user's context, {@link QueryBuilder#fieldsGet(String...) fields_get}) is cached for a
 * long time, as {@link MetadataCaching} says; {@link #refreshMetadata()} drops it.
 * <p>
 * Thread-safe and non-blocking. In a Spring Boot application it is a bean configured from {@code zenoo.odoo.*};
 * elsewhere create one with {@link #create(ZenooClientSettings)} and {@link #close()} it when done.
 */
public class ZenooClient implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ZenooClient.class);

	/** What {@link #version()} is observed as. */
	private static final OdooCall VERSION = OdooCall.read("common", "version", Map.of());

	private final OdooTransport transport;

	private final OdooProtocol protocol;

	private final @Nullable ZenooCacheManager cacheManager;

	private final String scope;

	private final OdooCallObserver observer;

	private final BatchSettings batching;

	private final Scheduler batchTimer;

	private final @Nullable GetBatcher batcher;

	private final MetadataReads metadata;

	private final WriteInvalidator invalidator;

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
		this(transport, protocol, cacheManager, observer, BatchSettings.DEFAULT, MetadataCaching.defaults());
	}

	/**
	 * A client whose concurrent {@link QueryBuilder#get(long)} calls are coalesced as the batching says.
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks
	 * @param cacheManager the caches, or {@code null} for none
	 * @param observer watches every call; {@link OdooCallObserver#NONE} for none
	 * @param batching how {@code get(id)} calls are batched; {@link BatchSettings#OFF} for never
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer, BatchSettings batching) {
		this(transport, protocol, cacheManager, observer, batching, MetadataCaching.defaults());
	}

	/**
	 * A client whose reads may be cached, whose calls go through an observer, and whose metadata is cached as given.
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks
	 * @param cacheManager the caches, or {@code null} for none
	 * @param observer watches every call; {@link OdooCallObserver#NONE} for none
	 * @param metadataCaching where and how long metadata is cached (when there are caches)
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer, MetadataCaching metadataCaching) {
		this(transport, protocol, cacheManager, observer, BatchSettings.DEFAULT, metadataCaching);
	}

	/**
	 * A client with every option.
	 * @param transport how calls reach Odoo
	 * @param protocol the protocol the transport speaks
	 * @param cacheManager the caches, or {@code null} for none
	 * @param observer watches every call; {@link OdooCallObserver#NONE} for none
	 * @param batching how {@code get(id)} calls are batched; {@link BatchSettings#OFF} for never
	 * @param metadataCaching where and how long metadata is cached (when there are caches)
	 */
	public ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer, BatchSettings batching, MetadataCaching metadataCaching) {
		this(transport, protocol, cacheManager, observer, batching, metadataCaching, Schedulers.parallel(), null);
	}

	/**
	 * @param batchTimer runs the batch windows' timers (a virtual-time scheduler in tests)
	 */
	ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer, BatchSettings batching, MetadataCaching metadataCaching, Scheduler batchTimer) {
		this(transport, protocol, cacheManager, observer, batching, metadataCaching, batchTimer, null);
	}

	/**
	 * @param invalidator what writes invalidate; {@code null} for the cache manager's model invalidation
	 */
	private ZenooClient(OdooTransport transport, OdooProtocol protocol, @Nullable ZenooCacheManager cacheManager,
			OdooCallObserver observer, BatchSettings batching, MetadataCaching metadataCaching, Scheduler batchTimer,
			@Nullable WriteInvalidator invalidator) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.protocol = Objects.requireNonNull(protocol, "protocol must not be null");
		this.observer = Objects.requireNonNull(observer, "observer must not be null");
		this.batching = Objects.requireNonNull(batching, "batching must not be null");
		this.batchTimer = Objects.requireNonNull(batchTimer, "batchTimer must not be null");
		Objects.requireNonNull(metadataCaching, "metadataCaching must not be null");
		this.cacheManager = cacheManager;
		this.scope = transport.server() + "/" + transport.database() + "/" + transport.login();
		this.batcher = batching.enabled() ? new GetBatcher(batching, batchTimer) : null;
		this.metadata = new MetadataReads(this, transport, this.scope, metadataCaching);
		this.invalidator = (invalidator != null) ? invalidator
				: (cacheManager != null) ? cacheInvalidator(cacheManager) : WriteInvalidator.NONE;
	}

	private static WriteInvalidator cacheInvalidator(ZenooCacheManager cacheManager) {
		return (models) -> Mono.defer(() -> cacheManager.invalidateModels(models))
			.onErrorResume(IllegalArgumentException.class, (ex) -> {
				// a model name the cache cannot key by has no cached queries to invalidate
				logger.debug("Not invalidating {}: {}", models, ex.getMessage());
				return Mono.empty();
			});
	}

	/**
	 * A client with its own connection pool.
	 * @param settings where and how to reach Odoo
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings) {
		return new ZenooClient(OdooTransports.create(settings), settings.protocol(), null, OdooCallObserver.NONE,
				settings.batching());
	}

	/**
	 * A client with its own connection pool whose reads are cached.
	 * @param settings where and how to reach Odoo
	 * @param cacheManager the caches
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings, ZenooCacheManager cacheManager) {
		Objects.requireNonNull(cacheManager, "cacheManager must not be null");
		return new ZenooClient(OdooTransports.create(settings), settings.protocol(), cacheManager,
				OdooCallObserver.NONE, settings.batching());
	}

	/**
	 * A client built on an application's {@link WebClient.Builder} (codecs, filters, observations).
	 * @param settings where and how to reach Odoo
	 * @param webClientBuilder the builder to start from; it is cloned, not changed
	 * @return the client
	 */
	public static ZenooClient create(ZenooClientSettings settings, WebClient.Builder webClientBuilder) {
		return new ZenooClient(OdooTransports.create(settings, webClientBuilder), settings.protocol(), null,
				OdooCallObserver.NONE, settings.batching());
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
	 * the method changes data. A method that changes records ({@code create}, {@code write}, {@code unlink},
	 * {@code copy}, {@code name_create}, {@code toggle_active}, {@code action_*}, {@code button_*}, and those added with
	 * {@link ZenooCacheManager#addMutatingMethods}) invalidates the model's cached queries, and its related models',
	 * once Odoo confirmed it, or when the outcome is unknown (a transport failure: the call may have run); not after
	 * an error Odoo reported, since Odoo then rolled the call back.
	 * @param model the model, for example {@code res.partner}
	 * @param method the method, for example {@code action_archive}
	 * @param args positional arguments (record ids first for record methods); must be empty on JSON-2
	 * @param kwargs named arguments
	 * @return the method's result as JSON; JSON {@code null} when the method returns nothing
	 */
	public Mono<JsonNode> call(String model, String method, List<?> args, Map<String, ?> kwargs) {
		Objects.requireNonNull(args, "args must not be null");
		Objects.requireNonNull(kwargs, "kwargs must not be null");
		OdooCall call = new OdooCall(model, method, null, args, kwargs, Map.of(), false);
		boolean mutating = this.cacheManager != null && this.cacheManager.isMutatingMethod(method);
		return mutating ? executeWrite(call) : execute(call);
	}

	/**
	 * The server's version; does not authenticate. Cached per server (shared by all users) for the metadata TTL.
	 * @return the version
	 */
	public Mono<OdooVersion> version() {
		return this.metadata.version(CacheOptions.Mode.USE);
	}

	/**
	 * The server's version, asked of the server now (as a health check needs); the fresh answer replaces the cached
	 * one.
	 * @return the version
	 */
	public Mono<OdooVersion> refreshVersion() {
		return this.metadata.version(CacheOptions.Mode.REFRESH);
	}

	/**
	 * The context Odoo gives this client's user ({@code res.users.context_get}: {@code lang}, {@code tz},
	 * {@code uid}, ...). Cached per server, database and user for the metadata TTL.
	 * @return the context, an unmodifiable map
	 */
	public Mono<Map<String, Object>> userContext() {
		return this.metadata.userContext(CacheOptions.Mode.USE);
	}

	/**
	 * The context of this client's user, asked of the server now; the fresh answer replaces the cached one.
	 * @return the context, an unmodifiable map
	 */
	public Mono<Map<String, Object>> refreshUserContext() {
		return this.metadata.userContext(CacheOptions.Mode.REFRESH);
	}

	/**
	 * Drops the cached metadata this client sees from the metadata cache: the server version, this user's context and
	 * this user's field definitions ({@code fields_get} of every model). The next reads ask Odoo again. Other users'
	 * contexts and field definitions stay cached.
	 * @return completes when dropped; never an error from the cache
	 */
	public Mono<Void> refreshMetadata() {
		return this.metadata.refresh();
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
				this.observer, this.batching, this.metadata.settings(), this.batchTimer, this.invalidator);
	}

	/**
	 * This client with another way of invalidating after writes, over the same connection pool and caches: a unit of
	 * work uses it to suppress the per-call invalidation and invalidate the models it touched once, when it ends
	 * (with {@link ZenooCacheManager#invalidateModels}). Its writes still wait for the given invalidator.
	 * @param invalidator called after each write of this client with the written model
	 * @return the client; closing it closes the shared connection pool, so close only the original
	 */
	public ZenooClient withWriteInvalidator(WriteInvalidator invalidator) {
		Objects.requireNonNull(invalidator, "invalidator must not be null");
		return new ZenooClient(this.transport, this.protocol, this.cacheManager, this.observer, this.batching,
				this.metadata.settings(), this.batchTimer, invalidator);
	}

	/**
	 * Run a unit of work: Odoo's external API has no transaction spanning several calls, so this is an honest
	 * substitute, not a database transaction. The function gets the {@link io.zenoo.client.tx.OdooTransaction tx}
	 * handle, whose {@code tx.model(...).create/update/delete} steps run in the order the returned {@code Mono} chains
	 * them; deletes are deferred to the end, after every other step succeeded. When a step or the function fails (or
	 * the subscriber cancels), what was done is compensated in reverse order: records created are deleted, records
	 * updated get back the values read just before the write. Every touched model is invalidated once, at the end
	 * (commit or rollback), not after each write.
	 * <p>
	 * Guaranteed: after an error the failure is signalled only once the compensation ran; if a compensation failed,
	 * the error is a {@link io.zenoo.client.tx.CompensationFailedException} listing what is left in Odoo. Not
	 * guaranteed: isolation (other clients see every intermediate state, and a concurrent writer's change to a field
	 * this transaction updated is overwritten by the restore); atomicity across a crash of this JVM (nothing is
	 * persisted, so a crash mid-way leaves the steps done so far); undoing side effects of Odoo's own (computed
	 * fields are recomputed, but mail messages, followers, sequence numbers and server actions triggered by a
	 * create or write remain); undoing a delete (a delete that fails after earlier deletes succeeded leaves those
	 * deleted, reported in the exception). See {@code docs/patterns.md}.
	 * @param <R> the result type
	 * @param function builds the unit of work from the handle
	 * @return the function's result, after the commit; the failure, after the rollback
	 */
	public <R> Mono<R> transaction(java.util.function.Function<io.zenoo.client.tx.OdooTransaction, ? extends Mono<R>> function) {
		return io.zenoo.client.tx.Transactions.run(this, function);
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

	/** @return how this client batches {@code get(id)} calls */
	public BatchSettings batching() {
		return this.batching;
	}

	/** The cached metadata reads of this client. */
	MetadataReads metadata() {
		return this.metadata;
	}

	/**
	 * Who this client is, for cache keys: server, database and login. Entries cached for one scope are never served
	 * to another, because Odoo's record rules give users different rows.
	 * @return the scope; holds no secret
	 */
	public String scope() {
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

	/** The coalescer of {@code get(id)} misses, or {@code null} when batching is off. */
	@Nullable GetBatcher batcher() {
		return this.batcher;
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

	/**
	 * A call that changes records of its model, followed by the invalidation of the model: after success, and after a
	 * transport failure or a cancellation (the call may have run); not after an error Odoo reported (Odoo rolled the
	 * call back). The result is given only once this instance no longer serves the model's older entries.
	 */
	Mono<JsonNode> executeWrite(OdooCall call) {
		Mono<Void> invalidation = Mono.defer(() -> this.invalidator.invalidate(Set.of(call.model())));
		return execute(call)
			.onErrorResume(OdooTransportException.class, (ex) -> invalidation.then(Mono.error(ex)))
			.flatMap((result) -> invalidation.thenReturn(result))
			.doOnCancel(() -> invalidation.subscribe());
	}

	/** A cached read of a model, given the generation its key carries; see {@link ZenooCacheManager#withGeneration}. */
	<R> Mono<R> withGeneration(ZenooCache cache, String model, LongFunction<Mono<R>> read) {
		ZenooCacheManager manager = Objects.requireNonNull(this.cacheManager, "a cache without a cache manager");
		return manager.withGeneration(cache, model, read);
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
