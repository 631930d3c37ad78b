package io.zenoo.cache;

import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
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
 */
final class InvalidationChannel implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InvalidationChannel.class);

	private static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(500);

	private final String channel;

	private final String sourceId;

	private final String cacheName;

	private final ReactiveStringRedisTemplate publisher;

	private final Sinks.One<Boolean> firstSubscription = Sinks.one();

	private final Disposable subscription;

	private final ZenooCacheStatistics statistics;

	InvalidationChannel(ReactiveRedisConnectionFactory connectionFactory, String namespace, String cacheName,
			String sourceId, ZenooCacheStatistics statistics, Consumer<String> onKey, Runnable onAll) {
		this.statistics = statistics;
		this.channel = namespace + ":invalidations";
		this.sourceId = sourceId;
		this.cacheName = cacheName;
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
	}

	private void dispatch(String message, Consumer<String> onKey, Runnable onAll) {
		String[] parts = message.split("\n", 3);
		if (parts.length != 3 || parts[0].equals(this.sourceId) || !parts[1].equals(this.cacheName)) {
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
		this.subscription.dispose();
	}

}
