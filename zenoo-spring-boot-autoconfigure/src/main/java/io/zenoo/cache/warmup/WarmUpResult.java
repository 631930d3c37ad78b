package io.zenoo.cache.warmup;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one warm-up task went.
 *
 * @param name the task's name
 * @param rows how many rows it read, or {@code null} when its result was not a collection
 * @param duration how long it took
 * @param error the failure (exception type and message), or {@code null} when it succeeded
 */
public record WarmUpResult(String name, @Nullable Integer rows, Duration duration, @Nullable String error) {

	/**
	 * Checks the parts.
	 */
	public WarmUpResult {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(duration, "duration must not be null");
	}

	/**
	 * Whether the task succeeded.
	 * @return {@code true} without error
	 */
	public boolean succeeded() {
		return this.error == null;
	}

}
