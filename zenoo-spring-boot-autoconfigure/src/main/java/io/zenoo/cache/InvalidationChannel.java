package io.zenoo.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * The Redis pub/sub channel {@code <namespace>:invalidations} of one tiered cache. A message is
 * {@code <source id>\n<cache name>\n<redis key>} (an empty key means "everything of that cache"); an instance ignores
 * the messages it sent itself. When the subscription ends or fails, {@code onLost} runs (the tiered cache clears its
 * L1, since invalidations may have been missed) and the channel subscribes again with a backoff.
 * <p>
 * Lettuce also reconnects and re-subscribes silently, and re-subscribes a little after it reports the connection
 * back: an L1 cleared on that report could take an old value from Redis again before the subscription is back, and
 * keep it while the message about the change is lost. So on any dropped or returning connection the channel sends
 * itself a sync message ({@code <source id>\n\n<number>}, which the others ignore: no cache has an empty name), again
 * until it hears it back, and clears L1 once more when it does: from then on no message is missed.
 */
final class InvalidationChannel implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InvalidationChannel.class);

	private static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(500);

	/** How long to wait for a sync message to come back before sending another (doubling up to 32 times this). */
	private static final Duration SYNC_FIRST_WAIT = Duration.ofMillis(20);

	private final String channel;

	private final String sourceId;

	private final String cacheName;

	private final ReactiveStringRedisTemplate publisher;

	private final Sinks.One<Boolean> firstSubscription = Sinks.one();

	private final Disposable subscription;

	private final ZenooCacheStatistics statistics;

	private final Runnable onAll;

	private final Disposable connectionWatch;

	private final Disposable.Swap resync = Disposables.swap();

	/** The number of the sync message not yet heard back, 0 when none is outstanding. */
	private final AtomicLong pendingSync = new AtomicLong();

	private volatile boolean closed;

	InvalidationChannel(ReactiveRedisConnectionFactory connectionFactory, String namespace, String cacheName,
			String sourceId, ZenooCacheStatistics statistics, Consumer<String> onKey, Runnable onAll) {
		this.statistics = statistics;
		this.channel = namespace + ":invalidations";
		this.sourceId = sourceId;
		this.cacheName = cacheName;
		this.onAll = onAll;
		this.publisher = new ReactiveStringRedisTemplate(connectionFactory);
		ChannelTopic topic = ChannelTopic.of(this.channel);
		this.subscription = Flux
			.usingWhen(Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(connectionFactory)),
					(container) -> container.receiveLater(topic).flatMapMany((messages) -> {
						this.firstSubscription.tryEmitValue(true);
						return messages;
					}), ReactiveRedisMessageListenerContainer::destroyLater)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnError((ex) -> {
				logger.debug("Invalidation channel {} lost: {}; clearing L1 of '{}'", this.channel, ex.toString(),
						cacheName);
				onAll.run();
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
			.doOnComplete(onAll)
			.repeatWhen((completions) -> completions.concatMap((count) -> Mono.delay(Duration.ofMillis(200))))
			.subscribe((message) -> dispatch(message.getMessage(), onKey, onAll));
		this.connectionWatch = ConnectionEvents.onConnectionLost(connectionFactory, () -> {
			onAll.run();
			startSync();
		});
	}

	/** A connection dropped or came back: send a new sync message, until heard back. */
	private void startSync() {
		long number = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
		this.pendingSync.set(number);
		sendSync(number, 0);
	}

	private void sendSync(long number, int attempt) {
		if (this.closed || this.pendingSync.get() != number) {
			return;
		}
		Duration delay = SYNC_FIRST_WAIT.multipliedBy(1L << Math.min(attempt, 5));
		this.resync.update(this.publisher.convertAndSend(this.channel, this.sourceId + "\n\n" + number)
			.timeout(PUBLISH_TIMEOUT)
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.delay(delay))
			.subscribe((tick) -> sendSync(number, attempt + 1)));
	}

	private void syncHeard(String text) {
		long number;
		try {
			number = Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (number != 0 && this.pendingSync.compareAndSet(number, 0)) {
			// subscribed again: whatever L1 took from Redis meanwhile may be older than a message that was lost
			logger.debug("Invalidation channel {} is subscribed again; clearing L1 of '{}'", this.channel,
					this.cacheName);
			this.onAll.run();
		}
	}

	private void dispatch(String message, Consumer<String> onKey, Runnable onAll) {
		String[] parts = message.split("\n", 3);
		if (parts.length != 3) {
			return;
		}
		if (parts[0].equals(this.sourceId) && parts[1].isEmpty()) {
			syncHeard(parts[2]);
			return;
		}
		if (parts[0].equals(this.sourceId) || !parts[1].equals(this.cacheName)) {
			return;
		}
		this.statistics.invalidationReceived();
		if (parts[2].isEmpty()) {
			onAll.run();
		}
		else {
			onKey.accept(parts[2]);
		}
	}

	/** Completes once the first subscription is active (for tests and orderly start-up). */
	Mono<Void> subscribed() {
		return this.firstSubscription.asMono().then();
	}

	Mono<Void> publishKey(String redisKey) {
		return publish(redisKey);
	}

	Mono<Void> publishAll() {
		return publish("");
	}

	private Mono<Void> publish(String redisKey) {
		return this.publisher.convertAndSend(this.channel, this.sourceId + "\n" + this.cacheName + "\n" + redisKey)
			.timeout(PUBLISH_TIMEOUT)
			.doOnSuccess((receivers) -> this.statistics.invalidationSent())
			.then()
			.onErrorResume((ex) -> {
				logger.debug("Could not publish an invalidation on {}: {}", this.channel, ex.toString());
				return Mono.empty();
			});
	}

	@Override
	public void close() {
		this.closed = true;
		this.subscription.dispose();
		this.connectionWatch.dispose();
		this.resync.dispose();
	}

}
