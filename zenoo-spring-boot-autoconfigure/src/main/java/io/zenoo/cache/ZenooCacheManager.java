package io.zenoo.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.zenoo.cache.stats.BreakerState;
import io.zenoo.cache.stats.DetailedStats;
import io.zenoo.cache.stats.RedisHealth;
import io.zenoo.cache.stats.ZenooCacheHealthEvent;
import io.zenoo.cache.stats.ZenooCacheStats;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Holds the Zenoo caches by name, and sets new ones up at run time like the Python library's
 * {@code setup_memory_cache} / {@code setup_redis_cache}. A Spring {@link CacheManager}, so an application's own
 * {@code @Cacheable(cacheManager = "zenooCacheManager")} methods can use these caches.
 * <p>
 * The {@code setup*} methods return the new cache at once: creating a cache does no network I/O (a Redis cache
 * connects on first use; a tiered cache subscribes to its invalidation channel in the background). Cache names are
 * unique: setting up a name twice is refused.
 * <p>
 * {@link #destroy()} (called by Spring when the context closes) stops the invalidation subscriptions and shuts down the
 * Redis connections that caches with their own {@code url} opened, and stops the health monitoring.
 * <p>
 * Statistics: {@link #getStats()} (counters), {@link #getDetailedStats()} (with response times, sizes, memory and
 * per-model counters once {@link #enableDetailedStats()} was called), {@link #checkRedisHealth()} and
 * {@link #setupHealthMonitoring(Duration, double)}.
 * <p>
 * Invalidation: every query key carries its model's <em>generation</em>; {@link #invalidateModelCache(String)} (which
 * every write through the client does) gives the model a new one, in O(1), in every cache and, through Redis, in every
 * instance sharing it. Also {@link #invalidatePattern(String)}, {@link #clearCache(String, String)},
 * {@link #clearAllCaches()}, {@link #addRelatedModels(String, String...)} and
 * {@link #setupAutoInvalidation(String, Duration)}.
 */
public class ZenooCacheManager implements CacheManager, DisposableBean, ApplicationEventPublisherAware {

	/**
	 * How many lookups a cache must have had, since its hit rate was last judged, before the health check judges it
	 * (unless given otherwise to {@link #setupHealthMonitoring(Duration, double, long, Long)}).
	 */
	public static final long DEFAULT_HEALTH_MIN_REQUESTS = 100;

	private final String sourceId = UUID.randomUUID().toString();

	private final CacheRegistry registry = new CacheRegistry();

	private final Invalidations invalidations = new Invalidations(this.registry, this.sourceId);

	private final CacheSetup setup;

	private final HealthMonitoring health = new HealthMonitoring(this);

	private volatile boolean detailedStats;

	private final Set<String> writeThroughCaches = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Create a manager without an application Redis connection: Redis caches need their own {@code url}.
	 */
	public ZenooCacheManager() {
		this(null);
	}

	/**
	 * Create a manager.
	 * @param connectionFactory the application's Redis connection, used by Redis caches without their own
	 * {@code url}; {@code null} if there is none
	 */
	public ZenooCacheManager(@Nullable ReactiveRedisConnectionFactory connectionFactory) {
		this.setup = new CacheSetup(connectionFactory, this.sourceId, this.registry, this.invalidations,
				() -> this.detailedStats);
	}

	/**
	 * Set up a memory cache. The first cache set up becomes the default until {@link #setDefaultCacheName} says
	 * otherwise.
	 * @param spec the settings
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken
	 */
	public ZenooCache setupMemoryCache(MemoryCacheSpec spec) {
		return this.setup.register(new MemoryZenooCache(spec));
	}

	/**
	 * Set up a memory cache that reads time from the given ticker, so that tests can move time forward instead of
	 * waiting (as Caffeine's own tests do).
	 * @param spec the settings
	 * @param ticker the time source
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken
	 */
	public ZenooCache setupMemoryCache(MemoryCacheSpec spec, com.github.benmanes.caffeine.cache.Ticker ticker) {
		java.util.Objects.requireNonNull(ticker, "ticker must not be null");
		return this.setup.register(new MemoryZenooCache(spec, ticker, null));
	}

	/**
	 * Set up a Redis cache, on its own connection if the spec has a {@code url}, else on the application's.
	 * @param spec the settings
	 * @return the new cache
	 * @throws InvalidCacheSpecException if the name is taken or there is no connection to use
	 */
	public ZenooCache setupRedisCache(RedisCacheSpec spec) {
		return this.setup.redis(spec);
	}

	/**
	 * Set up a tiered cache: the memory cache {@code l1} in front of the Redis cache {@code l2}, both already set up.
	 * @param name the name of the tiered cache
	 * @param l1 the name of a memory cache
	 * @param l2 the name of a Redis cache
	 * @return the new cache
	 * @throws InvalidCacheSpecException if a name is missing, unknown, or of the wrong type
	 */
	public ZenooCache setupTieredCache(String name, String l1, String l2) {
		return this.setup.tiered(name, l1, l2);
	}

	/**
	 * Make a cache the default (used by queries that name none).
	 * @param name the name of an existing cache
	 * @throws InvalidCacheSpecException if there is no such cache
	 */
	public void setDefaultCacheName(String name) {
		if (!this.registry.contains(name)) {
			throw new InvalidCacheSpecException("default-cache", "names cache '" + name + "', which does not exist",
					"Name one of the configured caches: " + getCacheNames() + ".");
		}
		this.setup.defaultCacheName(name);
	}

	/**
	 * Return the default cache.
	 * @return the default cache, or {@code null} when there is no cache at all (caching disabled)
	 */
	public @Nullable ZenooCache getDefaultCache() {
		return this.registry.get(this.setup.defaultCacheName());
	}

	/**
	 * Return a cache by name.
	 * @param name the cache name
	 * @return the cache, or {@code null} if there is none of that name
	 */
	@Override
	public @Nullable ZenooCache getCache(String name) {
		return this.registry.get(name);
	}

	/**
	 * Return the names of all caches, in the order they were set up.
	 * @return the names
	 */
	@Override
	public Collection<String> getCacheNames() {
		return this.registry.names();
	}

	/**
	 * Remove every entry of every cache.
	 * @return completes when done; never an error
	 */
	public Mono<Void> clearAllCaches() {
		return Flux.fromIterable(allCaches()).concatMap(ZenooCache::removeAll).then();
	}

	/**
	 * Call the listener for every cache set up so far and for every cache set up later (metrics binders use this to
	 * cover caches created at run time).
	 * @param listener called with each cache, once
	 */
	public void addCacheListener(Consumer<ZenooCache> listener) {
		this.registry.addListener(Objects.requireNonNull(listener, "listener must not be null"));
	}

	List<ZenooCache> allCaches() {
		return this.registry.all();
	}

	/**
	 * Return the hits, misses, hit rate and requests of every cache and in total, as the Python client's
	 * {@code get_stats()}.
	 * @return the statistics at this moment
	 */
	public ZenooCacheStats getStats() {
		return StatsCollector.stats(allCaches());
	}

	/**
	 * Start collecting response times and per-model counters in every cache (and in caches set up later), from zero.
	 * Counts stay exact; hit times are measured on a random sample of one hit in 32, every miss is timed.
	 */
	public void enableDetailedStats() {
		this.detailedStats = true;
		allCaches().forEach((cache) -> cache.statistics().enableDetailed());
	}

	/**
	 * Stop collecting response times and per-model counters; what was collected is dropped.
	 */
	public void disableDetailedStats() {
		this.detailedStats = false;
		allCaches().forEach((cache) -> cache.statistics().disableDetailed());
	}

	/** @return whether detailed statistics are being collected */
	public boolean isDetailedStatsEnabled() {
		return this.detailedStats;
	}

	/**
	 * Return the detailed statistics of every cache: the counters with miss rate, average hit and miss times (a miss
	 * includes the Odoo call), entries, estimated memory, per-model counters and, for tiered caches, each level. Sizes
	 * of Redis caches are counted with {@code SCAN}.
	 * @return the statistics; never an error
	 */
	public Mono<DetailedStats> getDetailedStats() {
		return StatsCollector.detailed(this.detailedStats, allCaches());
	}

	/**
	 * {@code PING} the Redis server of every Redis and tiered cache, on the cache's own connection, within the cache's
	 * command timeout or two seconds, whichever is longer (the first check may have to connect).
	 * @return one status per Redis or tiered cache, in set-up order; never an error
	 */
	public Mono<List<RedisHealth>> checkRedisHealth() {
		return StatsCollector.redisHealth(allCaches());
	}

	/**
	 * Return the circuit breaker state of a Redis cache (for a tiered cache: of its Redis level).
	 * @param name the cache name
	 * @return the state, or {@code null} when there is no such Redis or tiered cache
	 */
	public @Nullable BreakerState breakerState(String name) {
		RedisZenooCache redis = StatsCollector.redisOf(this.registry.get(name));
		return (redis != null) ? redis.breakerState() : null;
	}

	/**
	 * Return whether a Redis cache's memory fallback is serving instead of Redis.
	 * @param name the cache name
	 * @return whether the fallback is active; false for other caches
	 */
	public boolean isFallbackActive(String name) {
		RedisZenooCache redis = StatsCollector.redisOf(this.registry.get(name));
		return redis != null && redis.fallbackActive();
	}

	/**
	 * Remove the entries of one cache whose key text matches a Redis-style glob ({@code *}, {@code ?}, {@code [..]})
	 * and/or whose key belongs to an Odoo model. Redis caches use {@code SCAN MATCH} and {@code UNLINK}, never
	 * {@code KEYS}; a tiered cache also drops its whole L1, here and in other instances.
	 * @param name the cache name
	 * @param pattern the glob on the key text (as in the Redis key after {@code <namespace>:<cache>:}), or {@code null}
	 * @param model the model, for example {@code res.partner}, or {@code null}
	 * @return how many entries were removed; never an error once started
	 * @throws IllegalArgumentException if there is no such cache or neither a pattern nor a model is given
	 */
	public Mono<Long> invalidate(String name, @Nullable String pattern, @Nullable String model) {
		return this.invalidations.invalidate(name, pattern, model);
	}

	// ---------------------------------------------------------------- invalidation

	/**
	 * Invalidate every cached query of a model, and of its {@linkplain #addRelatedModels related models}, in every
	 * cache, for every user, as the Python client's {@code invalidate_model_cache}: the model gets a new generation
	 * (O(1), whatever the number of entries). Its older entries are never read again and leave by TTL or size
	 * eviction. Instances sharing a Redis cache's backend follow as soon as they hear of it on
	 * {@code <namespace>:generations}.
	 * @param model the model, for example {@code res.partner}
	 * @return completes once this instance reads the model afresh and Redis has the new generation (or after a short
	 * bound: a Redis failure is counted as a backend error and the bump is sent again later); never an error
	 * @throws IllegalArgumentException if the model is null, blank or not a model name
	 */
	public Mono<Void> invalidateModelCache(String model) {
		return this.invalidations.invalidateModels(Set.of(ModelNames.require(model, "model")));
	}

	/**
	 * Invalidate several models at once, each with its related models, as {@link #invalidateModelCache(String)}: what
	 * every write through the client calls, and what a unit of work calls once for all the models it touched.
	 * @param models the models
	 * @return completes as {@link #invalidateModelCache(String)}; never an error
	 * @throws IllegalArgumentException if a model is null, blank or not a model name
	 */
	public Mono<Void> invalidateModels(Collection<String> models) {
		return this.invalidations.invalidateModels(models);
	}

	/**
	 * Remove the entries of every cache whose key text matches a Redis-style glob, as the Python client's
	 * {@code invalidate_pattern}. Query keys read {@code <model>:<domain>:<method>:<details>:<scope>:g<generation>},
	 * for example {@code res.partner:is_company=True:search_read:…}, so {@code res.partner:is_company=True:*} removes
	 * the queries of companies. Memory caches look at every key; Redis caches use {@code SCAN MATCH} and
	 * {@code UNLINK} in batches, never {@code KEYS}; tiered caches also drop their whole L1, here and in other
	 * instances.
	 * @param pattern the glob, for example {@code res.partner:*}
	 * @return how many entries were removed, over all caches (an entry held by a tiered cache's L1 and L2 counts
	 * twice when its L1 cache is also set up as a cache of its own); never an error once started
	 * @throws IllegalArgumentException if the pattern is null or blank
	 */
	public Mono<Long> invalidatePattern(String pattern) {
		return this.invalidations.invalidatePattern(pattern);
	}

	/**
	 * Remove the entries of one cache whose key text matches a glob, as the Python client's
	 * {@code clear_cache("memory", "res.partner:*")}; see {@link #invalidatePattern(String)}.
	 * @param cacheName the cache
	 * @param pattern the glob
	 * @return how many entries were removed; never an error once started
	 * @throws IllegalArgumentException if there is no such cache, or the pattern is null or blank
	 */
	public Mono<Long> clearCache(String cacheName, String pattern) {
		return this.invalidations.clearCache(cacheName, pattern);
	}

	/**
	 * Invalidate a pattern every {@code interval}, as the Python client's {@code setup_auto_invalidation}, on a
	 * scheduler of this manager's own, until the returned handle is disposed or {@link #destroy()}. A pattern naming
	 * just a model, {@code <model>:*}, gives the model a new generation (O(1), and other instances follow); any
	 * other pattern is removed from every cache as {@link #invalidatePattern(String)} does. A run still going when
	 * the next is due is skipped; a failed run is logged and the next one happens as planned.
	 * @param pattern the glob, for example {@code res.partner:*}
	 * @param interval how often, positive
	 * @return the handle that stops it
	 * @throws IllegalArgumentException if the pattern is null or blank, or the interval is not positive
	 */
	public Disposable setupAutoInvalidation(String pattern, Duration interval) {
		return this.invalidations.setupAutoInvalidation(pattern, interval, null);
	}

	/** As {@link #setupAutoInvalidation(String, Duration)} on the given scheduler (tests pass virtual time). */
	Disposable setupAutoInvalidation(String pattern, Duration interval, Scheduler scheduler) {
		return this.invalidations.setupAutoInvalidation(pattern, interval, scheduler);
	}

	/**
	 * Declare that a change of {@code model} also makes the cached queries of other models stale (for example
	 * {@code res.partner} → {@code res.users}, whose rows show partner fields): every invalidation of the model,
	 * automatic or manual, then invalidates them too. Not transitive. Adding to a model adds to what it had.
	 * @param model the model that changes
	 * @param relatedModels the models whose queries it also invalidates
	 * @throws IllegalArgumentException if a name is null, blank or not a model name, none is given, or the model is
	 * named as its own related model
	 */
	public void addRelatedModels(String model, String... relatedModels) {
		this.invalidations.addRelatedModels(model, relatedModels);
	}

	/**
	 * @param model the model
	 * @return the models a change of {@code model} also invalidates
	 */
	public Set<String> getRelatedModels(String model) {
		return this.invalidations.relatedModels(model);
	}

	/**
	 * Count more Odoo methods as changing records, so that a successful {@code ZenooClient.call} of one invalidates its
	 * model. Built in: {@code create}, {@code write}, {@code unlink}, {@code copy}, {@code name_create},
	 * {@code toggle_active}, {@code action_archive}, {@code action_unarchive} and every method starting with
	 * {@code action_} or {@code button_}.
	 * @param methods method names, or prefixes ending with {@code *} (such as {@code message_*})
	 * @throws IllegalArgumentException if one is null, blank, contains white space or a misplaced {@code *}
	 */
	public void addMutatingMethods(String... methods) {
		this.invalidations.addMutatingMethods(methods);
	}

	/**
	 * @param method an Odoo method name
	 * @return whether a call of it invalidates its model's cached queries
	 */
	public boolean isMutatingMethod(String method) {
		return this.invalidations.isMutatingMethod(method);
	}

	/**
	 * Run a cached read of one model's query with the generation its key must carry (the client's query keys use
	 * it). Memory caches' generations are this instance's own; Redis and tiered caches' are shared through their
	 * Redis backend. While those are loading (at start, and after a lost subscription) the read waits for them, once
	 * and for at most two seconds; when Redis cannot give them, or after a local write until Redis confirmed its new
	 * generation, the read gets a number private to this instance (so it reads and stores fresh entries that no other
	 * instance shares).
	 * @param <R> the result type
	 * @param cache the cache the read goes to, one of this manager's
	 * @param model the model
	 * @param read the read, given the generation
	 * @return the read, the generation taken when subscribed to
	 */
	public <R> Mono<R> withGeneration(ZenooCache cache, String model, LongFunction<Mono<R>> read) {
		return this.invalidations.withGeneration(cache, model, read);
	}

	/**
	 * The generation a cache's query keys of a model carry now (see {@link #withGeneration}, which also waits while
	 * the generations load).
	 * @param cache one of this manager's caches
	 * @param model the model
	 * @return the generation
	 */
	public long generation(ZenooCache cache, String model) {
		return this.invalidations.generations().current(cache, model);
	}

	/**
	 * Receive the application's event publisher (called by Spring): health monitoring publishes its
	 * {@link ZenooCacheHealthEvent}s there.
	 * @param eventPublisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.health.eventPublisher(eventPublisher);
	}

	/**
	 * Check the caches periodically, as the Python client's {@code setup_health_monitoring}: see
	 * {@link #setupHealthMonitoring(Duration, double, Long)}, without a memory limit.
	 * @param checkInterval how often to check
	 * @param alertThreshold the lowest acceptable hit rate, between 0 and 1
	 */
	public void setupHealthMonitoring(Duration checkInterval, double alertThreshold) {
		setupHealthMonitoring(checkInterval, alertThreshold, null);
	}

	/**
	 * Check the caches every {@code checkInterval} on a dedicated thread: a cache whose hit rate over the interval
	 * falls below {@code alertThreshold}, memory caches whose estimated heap passes {@code memoryLimitBytes}, and a Redis
	 * server that stops answering are each logged as a warning and published as a {@link ZenooCacheHealthEvent}
	 * (once per episode). A hit rate is judged only once the cache had {@link #DEFAULT_HEALTH_MIN_REQUESTS} lookups
	 * since it was last judged. Calling it again replaces the previous monitoring; {@link #destroy()} stops it.
	 * @param checkInterval how often to check, positive
	 * @param alertThreshold the lowest acceptable hit rate, between 0 and 1
	 * @param memoryLimitBytes the memory limit in bytes, or {@code null} for none
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public void setupHealthMonitoring(Duration checkInterval, double alertThreshold, @Nullable Long memoryLimitBytes) {
		setupHealthMonitoring(checkInterval, alertThreshold, DEFAULT_HEALTH_MIN_REQUESTS, memoryLimitBytes);
	}

	/**
	 * As {@link #setupHealthMonitoring(Duration, double, Long)}, judging a cache's hit rate only once it had
	 * {@code minRequests} lookups since it was last judged (a cache that just started is not reported on its first
	 * few misses; the lookups of a quiet interval count towards the next one).
	 * @param checkInterval how often to check, positive
	 * @param alertThreshold the lowest acceptable hit rate, between 0 and 1
	 * @param minRequests the lookups needed to judge a hit rate, not negative (0 or 1: any lookup)
	 * @param memoryLimitBytes the memory limit in bytes, or {@code null} for none
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public void setupHealthMonitoring(Duration checkInterval, double alertThreshold, long minRequests,
			@Nullable Long memoryLimitBytes) {
		HealthMonitor.validate(checkInterval, alertThreshold, minRequests, memoryLimitBytes);
		startMonitoring(checkInterval, alertThreshold, minRequests, memoryLimitBytes,
				Schedulers.newSingle("zenoo-cache-health", true));
	}

	/** @return whether periodic health monitoring is running */
	public boolean isHealthMonitoringActive() {
		return this.health.isActive();
	}

	/** Start monitoring on the given scheduler (tests pass a virtual-time one); the monitor disposes it. */
	void startMonitoring(Duration checkInterval, double alertThreshold, long minRequests,
			@Nullable Long memoryLimitBytes, Scheduler scheduler) {
		this.health.start(checkInterval, alertThreshold, minRequests, memoryLimitBytes, scheduler);
	}

	/**
	 * Stop the health monitoring, the automatic invalidations, the invalidation and generation subscriptions, and
	 * close the Redis connections this manager opened.
	 */
	@Override
	public void destroy() {
		this.health.stop();
		this.invalidations.close();
		this.setup.closeResources();
	}

	// ---------------------------------------------------------------- cache-aside, write-through, change watch

	/**
	 * The cache-aside operations ({@code get}, {@code set}, {@code evict}) on a named cache, as the Python guide's
	 * {@code cache_manager} calls with a cache name.
	 * @param cacheName the cache
	 * @return the operations on that cache
	 * @throws IllegalArgumentException if there is no such cache (the message lists the known ones)
	 */
	public CacheAside cache(String cacheName) {
		return CacheAside.of(this.invalidations.requireCache(cacheName));
	}

	/**
	 * Read a value of the default cache; see {@link CacheAside#get(Object)}.
	 * @param key the key
	 * @return the value, or empty on a miss
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public Mono<Object> get(Object key) {
		return defaultAside().get(key);
	}

	/**
	 * Read a value of the default cache as a class; see {@link CacheAside#get(Object, Class)}.
	 * @param <T> the type
	 * @param key the key
	 * @param type the class
	 * @return the value, or empty on a miss
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public <T> Mono<T> get(Object key, Class<T> type) {
		return defaultAside().get(key, type);
	}

	/**
	 * Read a value of the default cache as a generic type; see {@link CacheAside#get(Object, java.lang.reflect.Type)}.
	 * @param <T> the type
	 * @param key the key
	 * @param type the type
	 * @return the value, or empty on a miss
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public <T> Mono<T> get(Object key, java.lang.reflect.Type type) {
		return defaultAside().get(key, type);
	}

	/**
	 * Store a value in the default cache with its default TTL; see {@link CacheAside#set(Object, Object)}.
	 * @param key the key
	 * @param value the value, immutable
	 * @return completes when stored
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public Mono<Void> set(Object key, Object value) {
		return defaultAside().set(key, value);
	}

	/**
	 * Store a value in the default cache for a given time; see {@link CacheAside#set(Object, Object, Duration)}.
	 * @param key the key
	 * @param value the value, immutable
	 * @param ttl how long; {@link Duration#ZERO} for no expiry
	 * @return completes when stored
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public Mono<Void> set(Object key, Object value, Duration ttl) {
		return defaultAside().set(key, value, ttl);
	}

	/**
	 * Remove a value from the default cache; see {@link CacheAside#evict(Object)}.
	 * @param key the key
	 * @return whether a value was there
	 * @throws IllegalStateException if there is no cache at all (caching disabled)
	 */
	public Mono<Boolean> evict(Object key) {
		return defaultAside().evict(key);
	}

	private CacheAside defaultAside() {
		return CacheAside.ofDefault(getDefaultCache());
	}

	/**
	 * Set a cache's stale-if-error and refresh-ahead (see {@link CacheFreshness}). Set it right after setting the
	 * cache up: entries stored before keep the lifetime they were given. Instances sharing a Redis cache should use
	 * the same {@code maxStale}, since an entry's freshness is read from its Redis TTL.
	 * @param cacheName the cache
	 * @param freshness the settings
	 * @throws IllegalArgumentException if there is no such cache
	 * @throws InvalidCacheSpecException if the cache cannot honour them: its default TTL is 0 (entries never expire)
	 * or, for a memory cache, its strategy is {@code lru}
	 */
	public void setFreshness(String cacheName, CacheFreshness freshness) {
		java.util.Objects.requireNonNull(freshness, "freshness must not be null");
		ZenooCache cache = this.invalidations.requireCache(cacheName);
		if (!(cache instanceof AbstractZenooCache own)) {
			throw new IllegalArgumentException("Cache '" + cacheName + "' is not a Zenoo cache of this manager");
		}
		own.freshness(freshness);
	}

	/**
	 * Make writes through the client refresh the records they wrote in a cache, instead of only invalidating them
	 * (see {@code QueryBuilder.writeThrough()}, which asks for it per query).
	 * @param cacheName the cache
	 * @param writeThrough whether queries using that cache write through
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public void setWriteThrough(String cacheName, boolean writeThrough) {
		this.invalidations.requireCache(cacheName);
		if (writeThrough) {
			this.writeThroughCaches.add(cacheName);
		}
		else {
			this.writeThroughCaches.remove(cacheName);
		}
	}

	/**
	 * @param cacheName a cache name
	 * @return whether writes of queries using that cache refresh the written records' cached {@code get(id)} entries
	 */
	public boolean isWriteThrough(String cacheName) {
		return cacheName != null && this.writeThroughCaches.contains(cacheName);
	}

	/**
	 * The Redis backend of a Redis or tiered cache (for a tiered cache: of its Redis level), where other components
	 * (the change watch's leases) keep state shared by every instance using that backend.
	 * @param cacheName the cache
	 * @return the backend, or {@code null} when the cache is a memory cache
	 * @throws IllegalArgumentException if there is no such cache
	 */
	public @Nullable RedisBackend redisBackend(String cacheName) {
		RedisZenooCache redis = StatsCollector.redisOf(this.invalidations.requireCache(cacheName));
		return (redis != null) ? new RedisBackend(redis.connectionFactory(), redis.spec().namespace()) : null;
	}

}
