package io.zenoo.cache.invalidation;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zenoo.cache.RedisBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One instance polls each model among those sharing a Redis backend: the holder of the lease
 * {@code <namespace>:watch:<model>} (its value the instance id, taken with {@code SET NX PX} for twice the interval and
 * renewed by the holder at every interval). The last observed state lives in {@code <namespace>:watch-state:<model>},
 * so a new leader (after the previous one stopped or crashed) continues from it instead of invalidating needlessly.
 * <p>
 * When Redis fails, this instance polls anyway, with the states it last knew (from memory): a Redis outage costs
 * extra polls, never missed changes. Failures are counted in the watch's statistics and logged at debug level.
 */
final class RedisWatchCoordinator implements WatchCoordinator {

	private static final Logger logger = LoggerFactory.getLogger(RedisWatchCoordinator.class);

	private static final RedisScript<Long> LEAD = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
			if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
			return 0""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String namespace;

	private final String instanceId;

	private final Duration leaseTime;

	private final Duration stateTime;

	private final Duration timeout;

	private final Runnable onFailure;

	private final Local fallback = new Local();

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	/**
	 * @param backend where the leases and states live
	 * @param instanceId this instance
	 * @param interval the polling interval: leases last twice as long
	 * @param onFailure counts a Redis failure
	 */
	RedisWatchCoordinator(RedisBackend backend, String instanceId, Duration interval, Runnable onFailure) {
		this.redis = new ReactiveStringRedisTemplate(backend.connectionFactory());
		this.namespace = backend.namespace();
		this.instanceId = instanceId;
		this.leaseTime = interval.multipliedBy(2);
		// a state outlives several lost leases, but not a watch removed for good
		Duration day = Duration.ofDays(1);
		this.stateTime = (interval.multipliedBy(10).compareTo(day) > 0) ? interval.multipliedBy(10) : day;
		this.timeout = Duration.ofSeconds(2);
		this.onFailure = onFailure;
	}

	String leaseKey(String model) {
		return this.namespace + ":watch:" + model;
	}

	private String stateKey(String model) {
		return this.namespace + ":watch-state:" + model;
	}

	@Override
	public Mono<Boolean> lead(String model) {
		return this.redis
			.execute(LEAD, List.of(leaseKey(model)),
					List.of(this.instanceId, Long.toString(Math.max(1, this.leaseTime.toMillis()))))
			.next()
			.timeout(this.timeout)
			.map((result) -> result == 1L)
			.doOnNext((leading) -> {
				if (leading) {
					this.held.add(model);
				}
				else {
					this.held.remove(model);
				}
			})
			.onErrorResume((ex) -> failed("lease of " + model, ex, true));
	}

	@Override
	public Mono<ModelState> load(String model) {
		return this.redis.opsForValue()
			.get(stateKey(model))
			.timeout(this.timeout)
			.mapNotNull(ModelState::decode)
			.onErrorResume((ex) -> failed("state of " + model, ex, null).then(this.fallback.load(model)));
	}

	@Override
	public Mono<Void> save(String model, ModelState state) {
		return this.fallback.save(model, state)
			.then(this.redis.opsForValue().set(stateKey(model), state.encode(), this.stateTime).timeout(this.timeout))
			.then()
			.onErrorResume((ex) -> failed("state of " + model, ex, null).then());
	}

	private <T> Mono<T> failed(String what, Throwable ex, @org.jspecify.annotations.Nullable T fallbackValue) {
		this.onFailure.run();
		logger.debug("Change watch: Redis failed for the {}; polling on this instance: {}", what, ex.toString());
		return Mono.justOrEmpty(fallbackValue);
	}

	@Override
	public void close() {
		for (String model : Set.copyOf(this.held)) {
			// best effort, never waited for: a lease not released expires after twice the interval
			this.redis.execute(RELEASE, List.of(leaseKey(model)), List.of(this.instanceId))
				.timeout(this.timeout)
				.subscribe((released) -> {
				}, (ex) -> logger.debug("Change watch: could not release the lease of {}: {}", model, ex.toString()));
		}
		this.held.clear();
	}

}
