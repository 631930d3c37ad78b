package io.zenoo.cache;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The periodic invalidations of {@link ZenooCacheManager#setupAutoInvalidation}: each runs its action every interval
 * on one scheduler of its own (a run still going when the next is due is skipped, not queued), until disposed or
 * until {@link #close()}.
 */
final class AutoInvalidations implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AutoInvalidations.class);

	private final Disposable.Composite tasks = Disposables.composite();

	private volatile Scheduler scheduler;

	/** Schedule on this manager's own scheduler, created on first use. */
	Disposable schedule(String pattern, Duration interval, Supplier<Mono<?>> action) {
		return schedule(pattern, interval, action, scheduler());
	}

	/** Schedule on the given scheduler (tests pass a virtual-time one); it is not disposed here. */
	Disposable schedule(String pattern, Duration interval, Supplier<Mono<?>> action, Scheduler on) {
		Disposable task = Flux.interval(interval, interval, on)
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.defer(action).onErrorResume((ex) -> {
				logger.warn("Automatic invalidation of '{}' failed: {}", pattern, ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
		this.tasks.add(task);
		return new Disposable() {

			@Override
			public void dispose() {
				task.dispose();
				AutoInvalidations.this.tasks.remove(task);
			}

			@Override
			public boolean isDisposed() {
				return task.isDisposed();
			}

		};
	}

	private synchronized Scheduler scheduler() {
		if (this.scheduler == null) {
			this.scheduler = Schedulers.newSingle("zenoo-cache-auto-invalidation", true);
		}
		return this.scheduler;
	}

	/** @return how many automatic invalidations are running */
	int size() {
		return this.tasks.size();
	}

	@Override
	public void close() {
		this.tasks.dispose();
		Scheduler own = this.scheduler;
		if (own != null) {
			own.dispose();
		}
	}

}
