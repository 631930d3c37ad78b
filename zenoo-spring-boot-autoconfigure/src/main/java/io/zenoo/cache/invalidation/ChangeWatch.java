package io.zenoo.cache.invalidation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zenoo.cache.RedisBackend;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Detects changes made outside this application (Odoo's UI, other programs, server actions), which no write through
 * the client announces: every {@code interval}, for each watched model, one {@code read_group} over all records
 * (archived included) returns the record count and the newest {@code write_date}; when either moved since the last
 * poll, the model gets a new generation ({@link ZenooCacheManager#invalidateModels}, the path writes take), so every
 * cache and every instance sharing Redis drops its cached queries. The first poll only records the baseline.
 * <p>
 * <b>One poller per model</b>: instances sharing a Redis backend elect one poller per model with a lease in Redis
 * and keep the last observed state there; without Redis, each instance polls. Polling runs on a scheduler of its own,
 * never blocks, and survives failures: an Odoo or Redis error is logged and counted ({@link #failures()}), and the
 * next interval polls again. {@link #close()} stops it (the application context does when it closes).
 * <p>
 * <b>Freshness</b>: a change made outside the application is seen at most {@code interval} plus one poll's duration
 * later (plus the pub/sub latency on other instances). Odoo's {@code write_date} has a resolution of one second, so a
 * change landing in the same second as the newest date the previous poll saw, on the same record count, would look
 * like no change; so a newly seen state stays <em>unconfirmed</em> until a poll starting at least a second after it
 * was seen finds it unchanged, and every poll of an unconfirmed state invalidates the model too (with an interval of
 * a second or more: one extra invalidation after each change, and one after the baseline). What this cannot see:
 * an update whose {@code write_date} is older than the newest already seen (Odoo dates a write at the start of its
 * database transaction, so a transaction running longer than the interval can be missed until the next change), and
 * direct SQL that does not set {@code write_date}.
 */
public final class ChangeWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChangeWatch.class);

	private static final long CONFIRMATION_MILLIS = 1000;

	private final ZenooClient client;

	private final ZenooCacheManager cacheManager;

	private final ChangeDetectionSettings settings;

	private final WatchCoordinator coordinator;

	private final Scheduler scheduler;

	private final boolean ownScheduler;

	private final Disposable task;

	private final AtomicLong polls = new AtomicLong();

	private final AtomicLong changes = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong rounds = new AtomicLong();

	private ChangeWatch(ZenooClient client, ChangeDetectionSettings settings, @Nullable Scheduler scheduler,
			String instanceId) {
		ZenooCacheManager manager = client.cacheManager();
		if (manager == null && !settings.models().isEmpty()) {
			throw new IllegalArgumentException("change detection needs a client with caches: this one has none");
		}
		this.client = client;
		this.cacheManager = (manager != null) ? manager : new ZenooCacheManager();
		this.settings = settings;
		RedisBackend backend = backend(this.cacheManager, settings.cacheName());
		this.coordinator = (backend != null)
				? new RedisWatchCoordinator(backend, instanceId, settings.interval(), this.failures::incrementAndGet)
				: new WatchCoordinator.Local();
		this.ownScheduler = scheduler == null && !settings.models().isEmpty();
		this.scheduler = (scheduler != null) ? scheduler
				: this.ownScheduler ? Schedulers.newSingle("zenoo-change-watch", true) : Schedulers.immediate();
		this.task = settings.models().isEmpty() ? Flux.never().subscribe()
				: Flux.interval(Duration.ZERO, settings.interval(), this.scheduler)
					.onBackpressureDrop()
					.concatMap((tick) -> pollAll(), 1)
					.subscribe();
	}

	/**
	 * Start watching the models, polling at once (the baseline) and then every interval.
	 * @param client the client that polls Odoo and whose cache manager is invalidated
	 * @param settings what to watch
	 * @return the running watch; close it to stop
	 * @throws IllegalArgumentException if the client has no caches, or the settings name a cache that does not exist
	 */
	public static ChangeWatch start(ZenooClient client, ChangeDetectionSettings settings) {
		return new ChangeWatch(requireClient(client), requireSettings(settings), null, UUID.randomUUID().toString());
	}

	/** As {@link #start}, on the given scheduler (tests pass a virtual-time one) and as the given instance. */
	static ChangeWatch start(ZenooClient client, ChangeDetectionSettings settings, Scheduler scheduler,
			String instanceId) {
		return new ChangeWatch(requireClient(client), requireSettings(settings), scheduler, instanceId);
	}

	private static ZenooClient requireClient(@Nullable ZenooClient client) {
		if (client == null) {
			throw new IllegalArgumentException("client must not be null");
		}
		return client;
	}

	private static ChangeDetectionSettings requireSettings(@Nullable ChangeDetectionSettings settings) {
		if (settings == null) {
			throw new IllegalArgumentException("settings must not be null");
		}
		return settings;
	}

	/** The Redis backend named, or the first one of the manager's caches; {@code null} for none. */
	private static @Nullable RedisBackend backend(ZenooCacheManager manager, @Nullable String cacheName) {
		if (cacheName != null) {
			return manager.redisBackend(cacheName);
		}
		for (String name : manager.getCacheNames()) {
			RedisBackend backend = manager.redisBackend(name);
			if (backend != null) {
				return backend;
			}
		}
		return null;
	}

	private Mono<Void> pollAll() {
		return Flux.fromIterable(this.settings.models())
			.concatMap(this::check)
			.then()
			.doFinally((signal) -> this.rounds.incrementAndGet());
	}

	/** One model's turn: poll it if this instance leads it; never an error. */
	Mono<Void> check(String model) {
		return this.coordinator.lead(model)
			.filter(Boolean::booleanValue)
			.flatMap((leading) -> {
				long start = now();
				return poll(model).flatMap((seen) -> this.coordinator.load(model)
					.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty())
					.flatMap((previous) -> decide(model, previous.orElse(null), seen, start)));
			})
			.onErrorResume((ex) -> {
				this.failures.incrementAndGet();
				logger.warn("Change watch of {} failed; polling again in {}: {}", model, this.settings.interval(),
						ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> decide(String model, @Nullable ModelState previous, ModelState seen, long pollStart) {
		if (previous == null) {
			logger.debug("Change watch of {}: baseline {} records, newest {}", model, seen.count(), seen.newest());
			return this.coordinator.save(model, seen);
		}
		if (!previous.sameData(seen.count(), seen.newest())) {
			this.changes.incrementAndGet();
			logger.debug("Change watch of {}: changed ({} -> {} records, newest {} -> {})", model, previous.count(),
					seen.count(), previous.newest(), seen.newest());
			return invalidate(model).then(this.coordinator.save(model, seen));
		}
		if (previous.confirmed()) {
			return Mono.empty();
		}
		// unchanged but perhaps only because a later change fell in the same second as the newest date
		boolean confirmedNow = pollStart - previous.firstSeenMillis() >= CONFIRMATION_MILLIS;
		Mono<Void> invalidation = invalidate(model);
		return confirmedNow ? invalidation.then(this.coordinator.save(model, previous.confirm())) : invalidation;
	}

	private Mono<Void> invalidate(String model) {
		return this.cacheManager.invalidateModels(Set.of(model));
	}

	/** The count and newest write date of every record of the model, archived ones included, in one call. */
	private Mono<ModelState> poll(String model) {
		Map<String, Object> kwargs = Map.of("domain", List.of(), "fields", List.of("write_date:max"), "groupby",
				List.of(), "lazy", false, "context", Map.of("active_test", false));
		return Mono.defer(() -> {
			this.polls.incrementAndGet();
			return this.client.call(model, "read_group", List.of(), kwargs);
		}).map((node) -> parse(model, node, now()));
	}

	static ModelState parse(String model, JsonNode node, long seenAt) {
		if (!node.isArray()) {
			throw new IllegalStateException(model + ".read_group returned " + node.getNodeType() + ", not a list");
		}
		if (node.isEmpty()) {
			return new ModelState(0, null, seenAt, false);
		}
		JsonNode row = node.get(0);
		JsonNode count = row.get("__count");
		if (count == null || !count.isIntegralNumber()) {
			throw new IllegalStateException(model + ".read_group returned no __count");
		}
		JsonNode newest = row.get("write_date");
		String date = (newest != null && newest.isString()) ? newest.asString() : null;
		return new ModelState(count.longValue(), date, seenAt, false);
	}

	private long now() {
		return this.scheduler.now(TimeUnit.MILLISECONDS);
	}

	/** @return the models watched */
	public List<String> models() {
		return this.settings.models();
	}

	/** @return the polling interval */
	public Duration interval() {
		return this.settings.interval();
	}

	/** @return how many polls this instance sent to Odoo */
	public long polls() {
		return this.polls.get();
	}

	/** @return how many changes this instance detected (each invalidated its model) */
	public long changes() {
		return this.changes.get();
	}

	/** @return how many polls or Redis commands failed */
	public long failures() {
		return this.failures.get();
	}

	/** @return how many intervals this watch completed (each model checked, polled or not) */
	public long rounds() {
		return this.rounds.get();
	}

	/** @return whether the watch is running */
	public boolean isRunning() {
		return !this.task.isDisposed();
	}

	/** Stop polling and give up this instance's leases. */
	@Override
	public void close() {
		this.task.dispose();
		this.coordinator.close();
		if (this.ownScheduler) {
			this.scheduler.dispose();
		}
	}

	@Override
	public String toString() {
		return "ChangeWatch[models=" + this.settings.models() + ", interval=" + this.settings.interval() + "]";
	}

}
