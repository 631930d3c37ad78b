package io.zenoo.cache.warmup;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.zenoo.client.ZenooClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs warm-up tasks concurrently, at most {@code parallelism} at a time, and reports how each went. A failing task
 * never stops the others: its failure is logged and reported. Each task's time and row count is logged at INFO, and
 * progress ({@code 12/40 done}) every tenth of a warm-up of more than ten tasks.
 * <p>
 * Nothing runs until the {@link Mono} of {@link #run()} is subscribed to; every subscription runs the warm-up again.
 */
public class CacheWarmup {

	/** Warm-ups with more tasks than this log their progress. */
	static final int PROGRESS_THRESHOLD = 10;

	private static final Logger logger = LoggerFactory.getLogger(CacheWarmup.class);

	private final ZenooClient client;

	private final List<WarmUpTask> tasks;

	private final int parallelism;

	private final AtomicReference<@Nullable WarmUpReport> lastReport = new AtomicReference<>();

	/**
	 * Creates a warm-up.
	 * @param client the client whose caches the tasks fill
	 * @param tasks the tasks, run in this order as parallelism allows
	 * @param parallelism how many tasks may run at once, at least 1
	 */
	public CacheWarmup(ZenooClient client, List<WarmUpTask> tasks, int parallelism) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks must not be null"));
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
		}
		this.parallelism = parallelism;
	}

	/**
	 * The tasks.
	 * @return the tasks, in order
	 */
	public List<WarmUpTask> tasks() {
		return this.tasks;
	}

	/**
	 * How many tasks may run at once.
	 * @return the parallelism
	 */
	public int parallelism() {
		return this.parallelism;
	}

	/**
	 * The report of the last warm-up that finished.
	 * @return the report, or {@code null} before the first warm-up finished
	 */
	public @Nullable WarmUpReport lastReport() {
		return this.lastReport.get();
	}

	/**
	 * Runs every task.
	 * @return the report, once every task has finished; never an error
	 */
	public Mono<WarmUpReport> run() {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			int total = this.tasks.size();
			AtomicInteger done = new AtomicInteger();
			return Flux.fromStream(IntStream.range(0, total).boxed())
				.flatMap((index) -> runTask(index, this.tasks.get(index))
					.doOnNext((result) -> progress(done.incrementAndGet(), total)), this.parallelism)
				.collectSortedList(Comparator.comparingInt(Indexed::index))
				.map((indexed) -> finish(indexed.stream().map(Indexed::result).toList(), elapsed(started)));
		});
	}

	private Mono<Indexed> runTask(int index, WarmUpTask task) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return Mono.defer(() -> invoke(task))
				.map(CacheWarmup::rows)
				.defaultIfEmpty(Optional.empty())
				.map((rows) -> succeeded(task, rows.orElse(null), elapsed(started)))
				.onErrorResume((ex) -> Mono.just(failed(task, ex, elapsed(started))))
				.map((result) -> new Indexed(index, result));
		});
	}

	private Mono<?> invoke(WarmUpTask task) {
		Mono<?> work = task.warmer().warm(this.client);
		if (work == null) {
			return Mono.error(new IllegalStateException("the warmer returned null instead of a Mono"));
		}
		return work;
	}

	private static Optional<Integer> rows(Object value) {
		return (value instanceof Collection<?> collection) ? Optional.of(collection.size()) : Optional.empty();
	}

	private static WarmUpResult succeeded(WarmUpTask task, @Nullable Integer rows, Duration duration) {
		if (rows != null) {
			logger.info("Cache warm-up '{}': {} rows in {} ms", task.name(), rows, duration.toMillis());
		}
		else {
			logger.info("Cache warm-up '{}': done in {} ms", task.name(), duration.toMillis());
		}
		return new WarmUpResult(task.name(), rows, duration, null);
	}

	private static WarmUpResult failed(WarmUpTask task, Throwable ex, Duration duration) {
		String error = describe(ex);
		logger.warn("Cache warm-up '{}' failed after {} ms: {}", task.name(), duration.toMillis(), error);
		return new WarmUpResult(task.name(), null, duration, error);
	}

	private static void progress(int done, int total) {
		int step = Math.max(1, total / 10);
		if (total > PROGRESS_THRESHOLD && done < total && done % step == 0) {
			logger.info("Cache warm-up: {}/{} done", done, total);
		}
	}

	private WarmUpReport finish(List<WarmUpResult> results, Duration duration) {
		WarmUpReport report = WarmUpReport.of(results, duration);
		if (report.failed() == 0) {
			logger.info("Cache warm-up: {}/{} done in {} ms", report.tasks(), report.tasks(), duration.toMillis());
		}
		else {
			logger.warn("Cache warm-up: {}/{} done in {} ms, {} failed", report.tasks(), report.tasks(),
					duration.toMillis(), report.failed());
		}
		this.lastReport.set(report);
		return report;
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static Duration elapsed(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

	/** A result and the position of its task, to report results in task order. */
	private record Indexed(int index, WarmUpResult result) {
	}

}
