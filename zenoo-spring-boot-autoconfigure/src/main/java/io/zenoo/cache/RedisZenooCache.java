package io.zenoo.cache;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * A Redis cache on Spring Data Redis reactive commands.
 * <p>
 * Keys are {@code <namespace>:<name>:<key text>} (see {@link CacheKeyText}); each entry has its own TTL
 * ({@code SET ... PX}; {@link Duration#ZERO}: no expiry). Values are JSON or MessagePack without type information;
 * the caller's type decides how they are read, and a value that does not decode is a miss, is deleted and counted.
 * <p>
 * Every Redis call goes through a {@link RedisGuard} (timeout, retries, circuit breaker). No call fails because Redis
 * does: a failed read is a miss, a failed write is logged and counted. With the fallback enabled a private memory
 * cache serves reads and writes while Redis fails; it is cleared whenever the breaker closes again, since its entries
 * may be stale by then. {@link #removeAll()} uses {@code SCAN} and {@code UNLINK}, never {@code KEYS}.
 * <p>
 * Reads wait for this JVM's own writes of the same key that are still in flight, so a read after a write (including
 * Spring's {@code put} sent in the background from a non-blocking thread) sees it.
 * <p>
 * With {@link CacheFreshness} set, entries are written with {@code PX} of their TTL plus {@code max-stale}, and lookups
 * read {@code PTTL} with {@code GET} (one round trip) to tell fresh entries from expired ones kept for stale-if-error;
 * without it a lookup is one {@code GET}, as before.
 */
final class RedisZenooCache extends AbstractZenooCache {

	private static final Logger logger = LoggerFactory.getLogger(RedisZenooCache.class);

	private static final int BATCH = 500;

	private final RedisCacheSpec spec;

	private final ReactiveRedisTemplate<String, byte[]> redis;

	private final ValueCodec codec;

	private final RedisGuard guard;

	private final @Nullable MemoryZenooCache fallback;

	private final SingleFlight singleFlight = new SingleFlight();

	private final ConcurrentHashMap<String, CompletableFuture<Void>> pendingWrites = new ConcurrentHashMap<>();

	private final List<Runnable> recoveryActions = new CopyOnWriteArrayList<>();

	private final ReactiveRedisConnectionFactory connectionFactory;

	RedisZenooCache(RedisCacheSpec spec, ReactiveRedisConnectionFactory connectionFactory) {
		super(spec.name());
		this.spec = spec;
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveRedisTemplate<>(connectionFactory, RedisSerializationContext
			.<String, byte[]>newSerializationContext()
			.key(RedisSerializer.string())
			.value(RedisSerializer.byteArray())
			.hashKey(RedisSerializer.string())
			.hashValue(RedisSerializer.byteArray())
			.build());
		// untyped values read back as Long (not Integer), as the client's own untyped rows do
		this.codec = ValueCodec.of(spec.serializer(),
				JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS).build(),
				spec.encryption());
		// the fallback is written through store (untyped): its values stay objects
		this.fallback = spec.enableFallback() ? new MemoryZenooCache(new MemoryCacheSpec(spec.name() + "-fallback",
				spec.fallbackMaxSize(), spec.defaultTtl(), CacheStrategy.TTL).withStorage(MemoryStorage.OBJECTS)) : null;
		this.guard = new RedisGuard(spec, this::onBreakerTransition);
	}

	/** Run the action every time the breaker closes again after an outage. */
	void onRecovery(Runnable action) {
		this.recoveryActions.add(action);
	}

	private void onBreakerTransition(CircuitBreaker.StateTransition transition) {
		if (transition.getToState() == CircuitBreaker.State.CLOSED) {
			this.recoveryActions.forEach(Runnable::run);
		}
		if (this.fallback != null && (transition.getToState() == CircuitBreaker.State.CLOSED
				|| transition == CircuitBreaker.StateTransition.CLOSED_TO_OPEN)) {
			// Entries written to the fallback before the outage or during it may be stale now.
			this.fallback.removeIf((key) -> true);
		}
	}

	@Override
	public CacheType type() {
		return CacheType.REDIS;
	}

	@Override
	public Duration defaultTtl() {
		return this.spec.defaultTtl();
	}

	ReactiveRedisConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	RedisCacheSpec spec() {
		return this.spec;
	}

	CircuitBreaker circuitBreaker() {
		return this.guard.breaker();
	}

	CircuitBreaker.State circuitState() {
		return this.guard.state();
	}

	@Nullable MemoryZenooCache fallback() {
		return this.fallback;
	}

	@Override
	public Object getNativeCache() {
		return this.redis;
	}

	@Override
	Duration syncTimeout() {
		return this.guard.worstCallTime().plusSeconds(1);
	}

	/** The Redis key of a cache key: {@code <namespace>:<name>:<text>}. */
	String redisKey(Object key) {
		CacheSpecChecks.requireKey(key);
		String text = (key instanceof CacheKeyText keyText) ? keyText.cacheKeyText() : String.valueOf(key);
		return this.spec.keyPrefix() + text;
	}

	@Override
	public <T> Mono<T> find(Object key, Type type) {
		CacheFreshness freshness = freshness();
		if (!freshness.staleIfError()) {
			return read(key, redisKey(key), type, true);
		}
		// entries are kept past their TTL: only an unexpired one is a hit
		long keepMillis = freshness.maxStale().toMillis();
		String redisKey = redisKey(key);
		return Mono.defer(() -> {
			long start = statistics().start();
			return this.<T>getWithTtl(redisKey, type)
				.filter((raw) -> freshMillis(raw.pttl(), keepMillis) > 0)
				.map(Raw::value)
				.doOnNext((found) -> statistics().hit(key, start))
				.switchIfEmpty(Mono.fromRunnable(() -> statistics().miss(key, start)));
		}).onErrorResume((ex) -> {
			backendFailure("read", redisKey, ex);
			return (this.fallback != null) ? this.fallback.<T>find(key, type) : Mono.<T>empty();
		});
	}

	/** GET and PTTL together, decoded; not counted, errors not handled. */
	private <T> Mono<Raw<T>> getWithTtl(String redisKey, Type type) {
		ByteBuffer rawKey = ByteBuffer.wrap(redisKey.getBytes(StandardCharsets.UTF_8));
		Mono<Long> pttl = this.redis.createMono((connection) -> connection.keyCommands().pTtl(rawKey));
		Mono<byte[]> get = this.redis.opsForValue().get(redisKey);
		return Mono.defer(() -> afterPendingWrite(redisKey, this.guard.call(Mono.zip(get, pttl))))
			.flatMap((both) -> this.<T>decode(redisKey, both.getT1(), type).map((value) -> new Raw<>(value, both.getT2())));
	}

	/**
	 * How long an entry stays fresh, in milliseconds, from its {@code PTTL} and the time it is kept past its TTL:
	 * {@link Long#MAX_VALUE} for an entry without expiry, zero or less for an expired entry kept for stale-if-error.
	 */
	static long freshMillis(long pttl, long keepMillis) {
		return (pttl == -1) ? Long.MAX_VALUE : pttl - keepMillis;
	}

	/**
	 * One GET and decode; a hit is counted, a miss only when {@code countMiss} (a probe that goes on to a counted
	 * read must not count the same miss twice).
	 */
	private <T> Mono<T> read(Object key, String redisKey, Type type, boolean countMiss) {
		return Mono.defer(() -> {
			long start = statistics().start();
			Mono<T> value = afterPendingWrite(redisKey, this.guard.call(this.redis.opsForValue().get(redisKey)))
				.<T>flatMap((bytes) -> decode(redisKey, bytes, type))
				.doOnNext((found) -> statistics().hit(key, start));
			return countMiss ? value.switchIfEmpty(Mono.fromRunnable(() -> statistics().miss(key, start))) : value;
		}).onErrorResume((ex) -> {
			backendFailure("read", redisKey, ex);
			return (this.fallback != null) ? this.fallback.<T>find(key, type) : Mono.<T>empty();
		});
	}

	/** Read a value together with its remaining TTL ({@link Duration#ZERO}: no expiry). */
	<T> Mono<Timed<T>> findWithTtl(Object key, Type type) {
		String redisKey = redisKey(key);
		ByteBuffer rawKey = ByteBuffer.wrap(redisKey.getBytes(StandardCharsets.UTF_8));
		Mono<Long> pttl = this.redis.createMono((connection) -> connection.keyCommands().pTtl(rawKey));
		Mono<byte[]> get = this.redis.opsForValue().get(redisKey);
		return Mono.defer(() -> {
			long start = statistics().start();
			return afterPendingWrite(redisKey, this.guard.call(Mono.zip(get, pttl)))
				.<Timed<T>>flatMap((both) -> this.<T>decode(redisKey, both.getT1(), type)
					.map((value) -> new Timed<>(value, (both.getT2() > 0) ? Duration.ofMillis(both.getT2()) : Duration.ZERO)))
				.doOnNext((value) -> statistics().hit(key, start))
				.switchIfEmpty(Mono.fromRunnable(() -> statistics().miss(key, start)));
		}).onErrorResume((ex) -> {
				backendFailure("read", redisKey, ex);
				return (this.fallback != null)
						? this.fallback.<T>find(key, type).map((value) -> new Timed<>(value, this.spec.defaultTtl()))
						: Mono.empty();
			});
	}

	private <T> Mono<T> afterPendingWrite(String redisKey, Mono<T> read) {
		CompletableFuture<Void> pending = this.pendingWrites.get(redisKey);
		return (pending != null) ? Mono.fromFuture(pending, true).then(read) : read;
	}

	private <T> Mono<T> decode(String redisKey, byte[] bytes, Type type) {
		try {
			@SuppressWarnings("unchecked")
			T value = (T) this.codec.decode(bytes, type, redisKey);
			return Mono.justOrEmpty(value);
		}
		catch (RuntimeException ex) {
			statistics().decodeFailure();
			logger.debug("Cache '{}': value under {} does not decode as {}, deleting it: {}", getName(), redisKey,
					type.getTypeName(), ex.toString());
			return this.guard.call(this.redis.unlink(redisKey)).onErrorResume((unlinkFailure) -> Mono.empty()).then(Mono.empty());
		}
	}

	@Override
	public Mono<Void> store(Object key, @Nullable Object value, @Nullable Duration ttl) {
		return storeKeeping(key, value, ttl, freshness().maxStale());
	}

	/**
	 * Store a value kept {@code keep} past its TTL (for stale-if-error: {@code PX} is the TTL plus {@code keep}; an
	 * entry without expiry has none either way).
	 */
	Mono<Void> storeKeeping(Object key, @Nullable Object value, @Nullable Duration ttl, Duration keep) {
		String redisKey = redisKey(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.spec.defaultTtl());
		if (value == null) {
			return remove(key).then();
		}
		return Mono.defer(() -> {
			byte[] bytes;
			try {
				bytes = this.codec.encode(value, redisKey);
			}
			catch (RuntimeException ex) {
				statistics().decodeFailure();
				logger.debug("Cache '{}': value of type {} cannot be encoded, not caching it: {}", getName(),
						value.getClass().getName(), ex.toString());
				return Mono.empty();
			}
			Mono<Boolean> set = effective.isZero() ? this.redis.opsForValue().set(redisKey, bytes)
					: this.redis.opsForValue().set(redisKey, bytes, effective.plus(keep));
			CompletableFuture<Void> done = new CompletableFuture<>();
			this.pendingWrites.put(redisKey, done);
			return this.guard.call(set)
				.doOnSuccess((ok) -> statistics().put())
				.then()
				.onErrorResume((ex) -> {
					backendFailure("write", redisKey, ex);
					return (this.fallback != null) ? this.fallback.store(key, value, effective) : Mono.empty();
				})
				.doFinally((signal) -> {
					this.pendingWrites.remove(redisKey, done);
					done.complete(null);
				});
		});
	}

	@Override
	public <T> Mono<T> findOrLoad(Object key, Type type, Supplier<Mono<T>> loader, @Nullable Duration ttl) {
		String redisKey = redisKey(key);
		Duration effective = CacheSpecChecks.effectiveTtl(ttl, this.spec.defaultTtl());
		CacheFreshness freshness = freshness();
		if (freshness.isOn()) {
			return findOrLoadFreshly(key, redisKey, type, loader, effective, freshness);
		}
		return Mono.defer(() -> {
			long start = statistics().startLoad();
			// a hit is one GET; only a miss goes through single flight, where a second read catches a value another
			// caller stored meanwhile
			return this.<T>read(key, redisKey, type, false)
				.switchIfEmpty(Mono.defer(() -> this.singleFlight.run(redisKey, () -> this.<T>find(key, type)
					.switchIfEmpty(Mono.defer(loader)
						.flatMap((value) -> store(key, value, effective).thenReturn(value))
						.doOnNext((value) -> statistics().missCompleted(start))))));
		});
	}

	/**
	 * {@link #findOrLoad} with stale-if-error or refresh-ahead: one GET and PTTL; a fresh entry is a hit (and, past
	 * the refresh-ahead fraction of its TTL, loaded again in the background); an expired entry kept for
	 * stale-if-error is loaded again, falling back on it when the load fails with a transport failure.
	 */
	private <T> Mono<T> findOrLoadFreshly(Object key, String redisKey, Type type, Supplier<Mono<T>> loader,
			Duration ttl, CacheFreshness freshness) {
		long keepMillis = freshness.maxStale().toMillis();
		Supplier<Mono<T>> loadAndStore = () -> Mono.defer(loader)
			.flatMap((value) -> storeKeeping(key, value, ttl, freshness.maxStale()).thenReturn(value));
		return Mono.deferContextual((context) -> {
			long start = statistics().startLoad();
			long refreshesBefore = refreshAhead().completions();
			Mono<Optional<Raw<T>>> lookup = this.<T>getWithTtl(redisKey, type).map(Optional::of).onErrorResume((ex) -> {
				backendFailure("read", redisKey, ex);
				// the fallback holds what was written while Redis failed: served as fresh
				return (this.fallback != null) ? this.fallback.<T>find(key, type).map((value) -> new Raw<>(value, -1L))
					.map(Optional::of) : Mono.empty();
			}).defaultIfEmpty(Optional.empty());
			return lookup.flatMap((found) -> {
				if (found.isEmpty()) {
					// counted by the second read, as in the plain path
					return this.singleFlight.run(redisKey, () -> this.<T>find(key, type)
						.switchIfEmpty(Mono.defer(loadAndStore).doOnNext((value) -> statistics().missCompleted(start))));
				}
				Raw<T> raw = found.get();
				long fresh = freshMillis(raw.pttl(), keepMillis);
				if (fresh > 0) {
					statistics().hit(key, start);
					if (freshness.refreshesAhead() && !ttl.isZero() && raw.pttl() != -1
							&& fresh <= (long) (ttl.toMillis() * (1 - freshness.refreshAhead()))) {
						refreshAhead().startIfNoneCompletedSince(redisKey, refreshesBefore, Mono.defer(loadAndStore),
								context);
					}
					return Mono.just(raw.value());
				}
				statistics().miss(key, start);
				return this.singleFlight.run(redisKey, loadAndStore)
					.doOnNext((value) -> statistics().missCompleted(start))
					.onErrorResume(StaleIfError::allows, (ex) -> {
						statistics().servedStale();
						logger.debug("Cache '{}': serving the expired value of {} since loading it failed: {}",
								getName(), redisKey, ex.toString());
						return Mono.just(raw.value());
					});
			});
		});
	}

	@Override
	public Mono<Boolean> remove(Object key) {
		String redisKey = redisKey(key);
		Mono<Boolean> fromFallback = (this.fallback != null) ? this.fallback.remove(key) : Mono.just(false);
		return fromFallback.then(Mono.defer(() -> {
			CompletableFuture<Void> done = new CompletableFuture<>();
			this.pendingWrites.put(redisKey, done);
			return this.guard.call(this.redis.unlink(redisKey))
				.map((count) -> count > 0)
				.onErrorResume((ex) -> {
					backendFailure("delete", redisKey, ex);
					return Mono.just(false);
				})
				.doFinally((signal) -> {
					this.pendingWrites.remove(redisKey, done);
					done.complete(null);
				});
		}));
	}

	@Override
	public Mono<Void> removeAll() {
		ScanOptions scan = ScanOptions.scanOptions().match(escapeGlob(this.spec.keyPrefix()) + "*").count(BATCH).build();
		Mono<Void> clearFallback = (this.fallback != null) ? this.fallback.removeAll() : Mono.empty();
		return clearFallback.then(this.guard.stream(this.redis.scan(scan))
			.buffer(BATCH)
			.concatMap((keys) -> this.guard.call(this.redis.unlink(keys.toArray(String[]::new))))
			.then()
			.onErrorResume((ex) -> {
				backendFailure("clear", this.spec.keyPrefix() + "*", ex);
				return Mono.empty();
			}));
	}

	/** Keys whose values are read to estimate the average entry size. */
	private static final int FOOTPRINT_SAMPLE = 32;

	/** What Redis spends on one key besides its name and value (dict entry, object headers, expiry). */
	private static final long REDIS_ENTRY_OVERHEAD = 64;

	@Override
	Mono<Footprint> footprint() {
		ScanOptions scan = ScanOptions.scanOptions().match(escapeGlob(this.spec.keyPrefix()) + "*").count(BATCH).build();
		return this.redis.scan(scan)
			.index()
			.concatMap((indexed) -> {
				if (indexed.getT1() >= FOOTPRINT_SAMPLE) {
					return Mono.just(new long[] { 1, 0, 0 });
				}
				String key = indexed.getT2();
				return this.redis.opsForValue().get(key)
					.map((bytes) -> new long[] { 1, bytes.length + key.length() + REDIS_ENTRY_OVERHEAD, 1 })
					.defaultIfEmpty(new long[] { 1, 0, 0 });
			})
			.reduce(new long[3], (sum, one) -> new long[] { sum[0] + one[0], sum[1] + one[1], sum[2] + one[2] })
			.map((sum) -> Footprint.sampled(sum[0], sum[1], (int) sum[2]))
			.timeout(FOOTPRINT_TIMEOUT)
			.onErrorResume((ex) -> {
				logger.debug("Cache '{}': could not measure its Redis keys: {}", getName(), ex.toString());
				return Mono.just(Footprint.UNKNOWN);
			});
	}

	private static final Duration FOOTPRINT_TIMEOUT = Duration.ofSeconds(5);

	@Override
	Mono<Long> removeMatching(KeyFilter filter) {
		ScanOptions scan = ScanOptions.scanOptions().match(filter.redisPattern(this.spec.keyPrefix())).count(BATCH).build();
		int prefixLength = this.spec.keyPrefix().length();
		Mono<Long> fromFallback = (this.fallback != null) ? this.fallback.removeMatching(filter) : Mono.just(0L);
		return fromFallback.then(this.guard.stream(this.redis.scan(scan))
			.filter((redisKey) -> filter.matchesText(redisKey.substring(prefixLength)))
			.buffer(BATCH)
			.concatMap((keys) -> this.guard.call(this.redis.unlink(keys.toArray(String[]::new))))
			.reduce(0L, Long::sum)
			.onErrorResume((ex) -> {
				backendFailure("pattern removal", filter.redisPattern(this.spec.keyPrefix()), ex);
				return Mono.just(0L);
			}));
	}

	/** A health check may take longer than one command: the first one also opens the connection. */
	private static final Duration PING_TIMEOUT_FLOOR = Duration.ofSeconds(2);

	/**
	 * Whether Redis answers a {@code PING} on this cache's connection within the command timeout (at least two
	 * seconds, since the first check may have to connect).
	 */
	Mono<Duration> ping() {
		Duration timeout = (this.spec.commandTimeout().compareTo(PING_TIMEOUT_FLOOR) > 0) ? this.spec.commandTimeout()
				: PING_TIMEOUT_FLOOR;
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.redis.createMono((connection) -> connection.ping())
				.timeout(timeout)
				.map((pong) -> Duration.ofNanos(System.nanoTime() - start));
		});
	}

	io.zenoo.cache.stats.BreakerState breakerState() {
		return switch (this.guard.state()) {
			case CLOSED, DISABLED, METRICS_ONLY -> io.zenoo.cache.stats.BreakerState.CLOSED;
			case HALF_OPEN -> io.zenoo.cache.stats.BreakerState.HALF_OPEN;
			case OPEN, FORCED_OPEN -> io.zenoo.cache.stats.BreakerState.OPEN;
		};
	}

	/** Whether the memory fallback serves instead of Redis (enabled and the breaker not closed). */
	boolean fallbackActive() {
		return this.fallback != null && breakerState() != io.zenoo.cache.stats.BreakerState.CLOSED;
	}

	private void backendFailure(String operation, String redisKey, Throwable ex) {
		statistics().backendError();
		logger.debug("Cache '{}': Redis {} of {} failed: {}", getName(), operation, redisKey, ex.toString());
	}

	static String escapeGlob(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** A value and its {@code PTTL} in milliseconds ({@code -1}: no expiry). */
	private record Raw<T>(T value, long pttl) {
	}

	/** A value and how long it has left to live ({@link Duration#ZERO}: no expiry). */
	record Timed<T>(T value, Duration remaining) {
	}

}
