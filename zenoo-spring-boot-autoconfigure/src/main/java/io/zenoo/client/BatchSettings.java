package io.zenoo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link QueryBuilder#get(long)} calls are coalesced (the DataLoader pattern): cache misses of the same model,
 * fields, record type, user and context that arrive within {@code window} of the first one are read in one
 * {@code read} of all their ids, and a batch is sent at once when it holds {@code maxSize} distinct ids. Cache hits
 * never wait.
 *
 * @param window how long the first miss of a batch waits for others; {@link Duration#ZERO} turns batching off
 * @param maxSize the most distinct ids one batched {@code read} asks for; at least 1
 */
public record BatchSettings(Duration window, int maxSize) {

	/** Default window: 1 ms. */
	public static final Duration DEFAULT_WINDOW = Duration.ofMillis(1);

	/** Default largest batch: 100 ids. */
	public static final int DEFAULT_MAX_SIZE = 100;

	/** Batching with the default window and size. */
	public static final BatchSettings DEFAULT = new BatchSettings(DEFAULT_WINDOW, DEFAULT_MAX_SIZE);

	/** No batching: every {@code get(id)} miss is its own {@code read}. */
	public static final BatchSettings OFF = new BatchSettings(Duration.ZERO, DEFAULT_MAX_SIZE);

	/**
	 * Checks the settings.
	 * @param window how long the first miss of a batch waits, zero or more
	 * @param maxSize the most distinct ids per batch, at least 1
	 * @throws IllegalArgumentException if the window is negative or the size below 1
	 */
	public BatchSettings {
		Objects.requireNonNull(window, "window must not be null");
		if (window.isNegative()) {
			throw new IllegalArgumentException("batch window must not be negative, got " + window);
		}
		if (maxSize < 1) {
			throw new IllegalArgumentException("batch max size must be at least 1, got " + maxSize);
		}
	}

	/**
	 * Whether {@code get(id)} calls are batched at all.
	 * @return {@code false} when the window is zero
	 */
	public boolean enabled() {
		return !this.window.isZero();
	}

}
