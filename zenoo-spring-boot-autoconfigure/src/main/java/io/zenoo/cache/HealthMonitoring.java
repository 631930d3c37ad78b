package io.zenoo.cache;

import java.time.Duration;
import java.util.Objects;

import io.zenoo.cache.stats.ZenooCacheHealthEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The health monitoring of a {@link ZenooCacheManager}: at most one {@link HealthMonitor} at a time (a new one
 * replaces the previous), publishing its {@link ZenooCacheHealthEvent}s to the application's event publisher.
 */
final class HealthMonitoring {

	private final ZenooCacheManager manager;

	private volatile ApplicationEventPublisher eventPublisher = (event) -> {
	};

	private volatile @Nullable HealthMonitor healthMonitor;

	HealthMonitoring(ZenooCacheManager manager) {
		this.manager = manager;
	}

	void eventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher must not be null");
	}

	/** Starts monitoring on the given scheduler, which the monitor disposes; replaces a running one. */
	void start(Duration checkInterval, double alertThreshold, long minRequests, @Nullable Long memoryLimitBytes,
			Scheduler scheduler) {
		HealthMonitor.validate(checkInterval, alertThreshold, minRequests, memoryLimitBytes);
		HealthMonitor previous = this.healthMonitor;
		this.healthMonitor = new HealthMonitor(this.manager, checkInterval, alertThreshold, minRequests,
				memoryLimitBytes, scheduler, (event) -> this.eventPublisher.publishEvent(event));
		if (previous != null) {
			previous.close();
		}
	}

	boolean isActive() {
		return this.healthMonitor != null;
	}

	void stop() {
		HealthMonitor monitor = this.healthMonitor;
		this.healthMonitor = null;
		if (monitor != null) {
			monitor.close();
		}
	}

}
