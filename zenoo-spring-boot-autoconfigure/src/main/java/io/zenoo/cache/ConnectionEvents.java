package io.zenoo.cache;

import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Tells when a Lettuce connection of a factory drops or comes back. Lettuce reconnects and re-subscribes pub/sub
 * channels by itself, silently: the messages sent meanwhile are lost, so whoever relies on them must hear about it.
 */
final class ConnectionEvents {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionEvents.class);

	private ConnectionEvents() {
	}

	/**
	 * Run the action whenever a connection of the factory is lost, and again when a connection comes back after a
	 * loss (whatever was received in between may be stale). A connection opened for the first time does not count.
	 * Does nothing (and says so at debug level) for factories whose client resources are not visible.
	 */
	static Disposable onConnectionLost(ReactiveRedisConnectionFactory factory, Runnable action) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			AtomicBoolean lost = new AtomicBoolean();
			return lettuce.getClientConfiguration()
				.getClientResources()
				.map((resources) -> resources.eventBus().get().subscribe((event) -> {
					if (event instanceof ConnectionDeactivatedEvent) {
						lost.set(true);
						action.run();
					}
					else if (event instanceof ConnectionActivatedEvent && lost.getAndSet(false)) {
						action.run();
					}
				}))
				.orElseGet(() -> unsupported(factory));
		}
		return unsupported(factory);
	}

	private static Disposable unsupported(ReactiveRedisConnectionFactory factory) {
		logger.debug("Connection events of {} are not visible: tiered caches clear L1 only when the invalidation "
				+ "subscription fails or Redis recovers from failed calls", factory.getClass().getName());
		return Disposables.disposed();
	}

}
