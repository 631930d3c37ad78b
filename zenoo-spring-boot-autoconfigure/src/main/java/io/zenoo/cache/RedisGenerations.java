package io.zenoo.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * The generations of the caches on one Redis backend (connection factory and namespace), shared by every instance
 * using that backend: the numbers live in the hash {@code <namespace>:generations} (one field per model, raised with
 * {@code HINCRBY}) and every new number is published on the channel {@code <namespace>:generations} as
 * {@code <source id>\n<model>\n<number>}; an instance keeps the highest number it heard of per model.
 * <p>
 * Reads use a number no other instance can use (a random negative one, private to this instance) whenever the shared
 * one may be behind: from a local write until Redis confirmed its new number and the numbers are loaded (a write's
 * number is never traded for an older private one), and while the numbers are not loaded
 * (at start, and from a lost subscription or connection until {@code HGETALL} loaded them again). After a connection
 * dropped or came back, Lettuce re-subscribes silently and a little later than it reports the connection active: the
 * numbers count as loaded again only once this instance heard its own sync message ({@code <source id>\n\n<private
 * number>}, which the others ignore) on the channel, proving the subscription is back, and loaded the hash after that.
 * Every bump is then either in the hash or heard. What is read and
 * stored under a private number is fresh but shared with nobody. A bump that Redis refused is owed and sent again
 * (backing off up to two seconds) until Redis takes it; bumps of one model made meanwhile travel in one
 * {@code HINCRBY}.
 */
final class RedisGenerations implements GenerationSource, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisGenerations.class);

	/** How long reads wait for the numbers to load before reading under a private number instead. */
	static final Duration LOAD_WAIT = Duration.ofSeconds(2);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	/** How long to wait for a sync message to come back before sending another; doubled up to 32 times this. */
	private static final Duration SYNC_FIRST_WAIT = Duration.ofMillis(20);

	private static final int SYNC_MAX_DOUBLINGS = 5;

	private final String key;

	private final String sourceId;

	private final ReactiveStringRedisTemplate redis;

	private final Duration commandTimeout;

	private final ZenooCacheStatistics statistics;

	private final Listener listener;

	private final ConcurrentHashMap<String, ModelState> models = new ConcurrentHashMap<>();

	private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.loading());

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final Disposable.Swap retry = Disposables.swap();

	private final Disposable.Swap sync = Disposables.swap();

	private final Disposable subscription;

	private final Disposable connectionWatch;

	/** Whether the subscription is active, as far as this class can tell. */
	private volatile boolean listening;

	private volatile boolean closed;

	/** Told when another instance's changes become known here, so that memory caches follow. */
	interface Listener {

		/** Another instance gave the model a new number. */
		void modelChanged(String model);

		/** Messages may have been lost: any model may have changed. */
		void anyModelMayHaveChanged();

	}

	/**
	 * @param factory the backend's connection
	 * @param namespace the backend's namespace
	 * @param commandTimeout how long one command may take
	 * @param sourceId this instance, to ignore its own messages
	 * @param statistics where failures and messages are counted
	 * @param listener told about other instances' changes
	 */
	RedisGenerations(ReactiveRedisConnectionFactory factory, String namespace, Duration commandTimeout,
			String sourceId, ZenooCacheStatistics statistics, Listener listener) {
		this.key = namespace + ":generations";
		this.sourceId = sourceId;
		this.redis = new ReactiveStringRedisTemplate(factory);
		this.commandTimeout = commandTimeout;
		this.statistics = statistics;
		this.listener = listener;
		ChannelTopic topic = ChannelTopic.of(this.key);
		this.subscription = Flux
			.usingWhen(Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(factory)),
					(container) -> container.receiveLater(topic).flatMapMany((messages) -> {
						// subscribed: whatever was published before is in the hash
						this.listening = true;
						reload();
						return messages;
					}), ReactiveRedisMessageListenerContainer::destroyLater)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError((ex) -> {
				this.listening = false;
				unreachable("subscription to " + this.key + " failed: " + ex);
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF))
			.doOnComplete(() -> {
				this.listening = false;
				lost("subscription to " + this.key + " ended");
			})
			.repeatWhen((completions) -> completions.concatMap((count) -> Mono.delay(FIRST_BACKOFF)))
			.subscribe((message) -> received(message.getMessage()));
		// Lettuce reconnects and re-subscribes silently: messages sent meanwhile are lost, so reload on every change,
		// once the subscription is proven back (the reported reconnection comes before the re-subscription)
		this.connectionWatch = ConnectionEvents.onConnectionLost(factory, () -> {
			lost("a connection to Redis dropped or came back");
			resync();
		});
	}

	@Override
	public long current(String model) {
		ModelState state = this.models.get(model);
		long unloaded = this.phase.get().token();
		if (state == null) {
			return unloaded;
		}
		long pending = state.pendingToken;
		if (pending != 0) {
			return pending;
		}
		return (unloaded != 0) ? unloaded : state.confirmed;
	}

	@Override
	public boolean ready() {
		Phase current = this.phase.get();
		return current.token() == 0 || !current.waiting();
	}

	@Override
	public Mono<Void> whenReady() {
		Phase waiting = this.phase.get();
		return Mono.fromFuture(waiting.loaded(), true)
			.timeout(LOAD_WAIT, Mono.fromRunnable(() -> stopWaiting(waiting.token())));
	}

	/**
	 * Give a model a new number: at once a private one (so this instance's next reads miss), then the one Redis
	 * returns, published to the other instances.
	 * @return completes when Redis gave the number and it was published, or when Redis refused (the bump is then
	 * owed and sent again later); never exceptionally
	 */
	CompletableFuture<Void> bump(String model) {
		ModelState state = state(model);
		CompletableFuture<Void> round;
		synchronized (state) {
			state.owed++;
			state.pendingToken = privateNumber();
			round = state.round;
		}
		drain(model, state);
		return round;
	}

	/** The longest a caller of {@link #bump} should wait for Redis: one command and one publish. */
	Duration bumpWait() {
		return this.commandTimeout.multipliedBy(2);
	}

	private ModelState state(String model) {
		return this.models.computeIfAbsent(model, (name) -> new ModelState());
	}

	/** Send the bumps a model owes, in one {@code HINCRBY}, unless one is already on its way. */
	private void drain(String model, ModelState state) {
		CompletableFuture<Void> round;
		long known;
		synchronized (state) {
			if (this.closed || state.inFlight || state.owed == 0) {
				return;
			}
			state.inFlight = true;
			state.owed = 0;
			round = state.round;
			state.round = new CompletableFuture<>();
			known = state.confirmed;
		}
		increment(model, 1).flatMap((value) -> healed(model, known, value))
			.subscribe((value) -> confirmed(model, state, value, round), (ex) -> bumpFailed(model, state, round, ex));
	}

	private Mono<Long> increment(String model, long delta) {
		return this.redis.<String, String>opsForHash().increment(this.key, model, delta).timeout(this.commandTimeout);
	}

	/**
	 * {@code HINCRBY} answers more than any number that existed when it was sent: one no higher than a number known
	 * before sending means Redis lost the hash (flushed, or a fail-over without persistence). Jump past what this
	 * instance knew, so that the others, which keep their highest number, move on too.
	 */
	private Mono<Long> healed(String model, long known, long value) {
		if (value > known) {
			return Mono.just(value);
		}
		logger.warn("Redis returned generation {} of {} in {}, below the {} known here: the hash was lost; jumping past",
				value, model, this.key, known);
		return increment(model, known - value + 1);
	}

	private void confirmed(String model, ModelState state, long value, CompletableFuture<Void> round) {
		this.consecutiveFailures.set(0);
		boolean owesMore;
		synchronized (state) {
			state.inFlight = false;
			if (value > state.confirmed) {
				state.confirmed = value;
			}
			owesMore = state.owed > 0;
			// While the numbers are not loaded, reads would fall back on the phase's private number, which may be
			// older than this bump (an outage's number, under which values read before the write were stored): the
			// bump's own private number stays until the numbers are loaded (see loaded()).
			if (!owesMore && this.phase.get().token() == 0) {
				state.pendingToken = 0;
			}
		}
		publish(model, value).subscribe(null, null, () -> round.complete(null));
		if (owesMore) {
			drain(model, state);
		}
	}

	private void bumpFailed(String model, ModelState state, CompletableFuture<Void> round, Throwable ex) {
		this.statistics.backendError();
		synchronized (state) {
			state.inFlight = false;
			// the model keeps its private number until Redis takes the bump
			state.owed++;
		}
		logger.debug("Could not raise the generation of {} in {} (will try again): {}", model, this.key, ex.toString());
		round.complete(null);
		scheduleRetry();
	}

	private Mono<Void> publish(String model, long value) {
		return this.redis.convertAndSend(this.key, this.sourceId + "\n" + model + "\n" + value)
			.timeout(this.commandTimeout)
			.retryWhen(Retry.backoff(2, Duration.ofMillis(20)))
			.doOnSuccess((receivers) -> this.statistics.invalidationSent())
			.then()
			.onErrorResume((ex) -> {
				// the number is in the hash: others see it when they next load it or hear of a later one
				this.statistics.backendError();
				logger.debug("Could not publish generation {} of {} on {}: {}", value, model, this.key, ex.toString());
				return Mono.empty();
			});
	}

	private void received(String message) {
		String[] parts = message.split("\n", 3);
		if (parts.length != 3) {
			return;
		}
		if (parts[0].equals(this.sourceId)) {
			if (parts[1].isEmpty()) {
				syncHeard(parse(parts[2]));
			}
			return;
		}
		if (parts[1].isEmpty()) {
			return;
		}
		long value = parse(parts[2]);
		if (value > 0) {
			this.statistics.invalidationReceived();
			raise(parts[1], value);
		}
	}

	/** Keep the highest number heard of. */
	private void raise(String model, long value) {
		ModelState state = state(model);
		boolean raised;
		synchronized (state) {
			raised = value > state.confirmed;
			if (raised) {
				state.confirmed = value;
			}
		}
		if (raised) {
			this.listener.modelChanged(model);
		}
	}

	private static long parse(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Publish a sync message carrying the current private number: hearing it back proves the subscription works, and
	 * only then are the numbers loaded again. Sent again (backing off) until heard or loaded.
	 */
	private void resync() {
		long token = this.phase.get().token();
		if (!this.closed && token != 0) {
			sendSync(token, 0);
		}
	}

	private void sendSync(long token, int attempt) {
		if (this.closed || this.phase.get().token() != token) {
			return;
		}
		Duration wait = SYNC_FIRST_WAIT.multipliedBy(1L << Math.min(attempt, SYNC_MAX_DOUBLINGS));
		this.sync.update(this.redis.convertAndSend(this.key, this.sourceId + "\n\n" + token)
			.timeout(this.commandTimeout)
			.then()
			.onErrorResume((ex) -> {
				this.statistics.backendError();
				unreachable("sending a sync message on " + this.key + " failed: " + ex);
				return Mono.empty();
			})
			.then(Mono.delay(wait))
			.subscribe((tick) -> sendSync(token, attempt + 1)));
	}

	/** Our own sync message came back: the subscription works, so what the hash holds now is all there is. */
	private void syncHeard(long token) {
		if (token != 0 && this.phase.get().token() == token) {
			reload();
		}
	}

	/** Load every model's number ({@code HGETALL}, never {@code KEYS}); on success the numbers are loaded. */
	private void reload() {
		if (this.closed) {
			return;
		}
		long token = this.phase.get().token();
		this.redis.<String, String>opsForHash()
			.entries(this.key)
			.timeout(this.commandTimeout)
			.collectList()
			.subscribe((entries) -> loaded(token, entries), (ex) -> {
				this.statistics.backendError();
				unreachable("loading " + this.key + " failed: " + ex);
				scheduleRetry();
			});
	}

	private void loaded(long token, List<Map.Entry<String, String>> entries) {
		this.consecutiveFailures.set(0);
		for (Map.Entry<String, String> entry : entries) {
			long value = parse(entry.getValue());
			if (value > 0) {
				raise(entry.getKey(), value);
			}
		}
		// numbers loaded without a subscription could fall behind unnoticed: the subscription loads them again
		if (this.listening) {
			Phase before = this.phase.getAndUpdate((current) -> (current.token() == token) ? Phase.LOADED : current);
			if (before.token() == token && token != 0) {
				releaseConfirmedTokens();
				before.loaded().complete(null);
				logger.debug("Loaded {} generations from {}", entries.size(), this.key);
			}
		}
		drainAll();
	}

	/** The numbers are loaded: models whose bumps Redis confirmed meanwhile read under their confirmed numbers. */
	private void releaseConfirmedTokens() {
		this.models.forEach((model, state) -> {
			synchronized (state) {
				if (state.owed == 0 && !state.inFlight) {
					state.pendingToken = 0;
				}
			}
		});
	}

	private void drainAll() {
		this.models.forEach(this::drain);
	}

	/** From now on, until loaded again, reads use a private number. */
	private void lost(String why) {
		Phase before = this.phase.getAndUpdate((current) -> (current.token() == 0) ? Phase.loading() : current);
		if (before.token() == 0) {
			logger.debug("Generations of {} may be behind ({}): reading under a private number until reloaded",
					this.key, why);
			this.listener.anyModelMayHaveChanged();
		}
	}

	/** Like {@link #lost}, and reads stop waiting for the numbers: Redis does not answer. */
	private void unreachable(String why) {
		lost(why);
		stopWaiting(this.phase.get().token());
	}

	private void stopWaiting(long token) {
		this.phase.getAndUpdate((current) -> (current.token() == token && current.token() != 0)
				? new Phase(current.token(), current.loaded(), false) : current);
	}

	private void scheduleRetry() {
		if (this.closed) {
			return;
		}
		int failures = this.consecutiveFailures.incrementAndGet();
		long delay = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 5));
		this.retry.update(Mono.delay(Duration.ofMillis(delay)).subscribe((tick) -> {
			if (this.phase.get().token() != 0) {
				// not loaded yet: prove the subscription first (a reload alone could miss what it lost meanwhile)
				resync();
			}
			drainAll();
		}));
	}

	/** A number no other instance uses: negative (Redis numbers are positive) and random. */
	static long privateNumber() {
		return -1 - ThreadLocalRandom.current().nextLong(Long.MAX_VALUE - 1);
	}

	@Override
	public void close() {
		this.closed = true;
		this.subscription.dispose();
		this.connectionWatch.dispose();
		this.retry.dispose();
		this.sync.dispose();
	}

	@Override
	public String toString() {
		return "RedisGenerations[" + this.key + "]";
	}

	/**
	 * Whether the numbers are loaded ({@code token} 0), else the private number reads use and whether they still
	 * wait for the load.
	 */
	private record Phase(long token, CompletableFuture<Void> loaded, boolean waiting) {

		static final Phase LOADED = new Phase(0, CompletableFuture.completedFuture(null), false);

		static Phase loading() {
			return new Phase(privateNumber(), new CompletableFuture<>(), true);
		}

	}

	/** One model's number; the bump bookkeeping is guarded by the instance's lock. */
	private static final class ModelState {

		/** The highest number Redis gave or another instance announced. */
		volatile long confirmed;

		/** A private number while local bumps are not yet confirmed by Redis, else 0. */
		volatile long pendingToken;

		/** Bumps not yet sent to Redis. */
		int owed;

		/** Whether an {@code HINCRBY} is on its way. */
		boolean inFlight;

		/** Completed once the bumps owed now are confirmed (or refused). */
		CompletableFuture<Void> round = new CompletableFuture<>();

	}

}
