package io.zenoo.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.zenoo.cache.warmup.CacheWarmup;
import io.zenoo.cache.warmup.CacheWarmupException;
import io.zenoo.cache.warmup.WarmUpReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;

/**
 * Starts the warm-up of an application: in the background once the application is ready (never delaying or failing
 * startup), or, with {@code zenoo.cache.warm-up-fail-fast}, during startup, before the application serves anything,
 * failing startup with a {@link CacheWarmupException} if any task fails.
 */
class WarmUpStarter
		implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware,
		DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WarmUpStarter.class);

	private final Supplier<@Nullable CacheWarmup> warmup;

	private final boolean failFast;

	private final AtomicBoolean started = new AtomicBoolean();

	private @Nullable ApplicationContext context;

	private volatile @Nullable Disposable background;

	/**
	 * @param warmup the warm-up, looked up when it is time to run it; {@code null} for none
	 * @param failFast whether to run it during startup and fail startup when it fails
	 */
	WarmUpStarter(Supplier<@Nullable CacheWarmup> warmup, boolean failFast) {
		this.warmup = warmup;
		this.failFast = failFast;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		CacheWarmup warmup = this.failFast ? toRun() : null;
		if (warmup == null) {
			return;
		}
		logger.info("Cache warm-up: {} tasks, {} at a time, during startup (fail-fast)", warmup.tasks().size(),
				warmup.parallelism());
		// fail-fast means startup waits for the result: this runs on the thread that refreshes the context, never on
		// a Reactor thread (block() itself refuses to run on one)
		WarmUpReport report = warmup.run().block();
		if (report != null && report.failed() > 0) {
			throw new CacheWarmupException(report);
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		CacheWarmup warmup = (event.getApplicationContext() == this.context) ? toRun() : null;
		if (warmup == null) {
			return;
		}
		logger.info("Cache warm-up: {} tasks, {} at a time, in the background", warmup.tasks().size(),
				warmup.parallelism());
		// subscribed on another thread, so that a CacheWarmer that does slow work before returning its Mono does not
		// hold up the thread that announced the application ready
		this.background = warmup.run()
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe(null, (ex) -> logger.warn("Cache warm-up failed: {}", ex.toString()));
	}

	/** The warm-up to start now: none without tasks, and none once started (it runs once per startup). */
	private @Nullable CacheWarmup toRun() {
		CacheWarmup warmup = this.warmup.get();
		if (warmup == null || warmup.tasks().isEmpty() || !this.started.compareAndSet(false, true)) {
			return null;
		}
		return warmup;
	}

	@Override
	public void destroy() {
		Disposable running = this.background;
		if (running != null) {
			running.dispose();
		}
	}

}
