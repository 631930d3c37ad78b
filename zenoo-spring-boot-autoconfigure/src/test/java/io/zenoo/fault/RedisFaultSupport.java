package io.zenoo.fault;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import reactor.core.publisher.Mono;

/**
 * What the Redis and security fault tests share: timed calls, percentiles, random namespaces and raw Redis access.
 */
final class RedisFaultSupport {

	private RedisFaultSupport() {
	}

	/**
	 * One finished call.
	 * @param startNanos when it was subscribed ({@link System#nanoTime()})
	 * @param nanos how long it took
	 * @param ok whether it completed without an error
	 * @param value what it returned, if it did
	 * @param uncached whether it was made without a cache (a reference)
	 */
	record Call(long startNanos, long nanos, boolean ok, Object value, boolean uncached) {

		Call(long startNanos, long nanos, boolean ok, Object value) {
			this(startNanos, nanos, ok, value, false);
		}

		/** @return this call, marked as made without a cache or not */
		Call uncached(boolean withoutCache) {
			return new Call(this.startNanos, this.nanos, this.ok, this.value, withoutCache);
		}

		long endNanos() {
			return this.startNanos + this.nanos;
		}

	}

	/**
	 * Time a call: never an error, the outcome is in the {@link Call}.
	 * @param call the call, subscribed once
	 * @param bound the longest it may take before it counts as failed
	 * @return the timed outcome
	 */
	static Mono<Call> timed(Supplier<Mono<?>> call, java.time.Duration bound) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return Mono.defer(call)
				.timeout(bound)
				.map((value) -> new Call(start, System.nanoTime() - start, true, value))
				.defaultIfEmpty(new Call(start, System.nanoTime() - start, true, "<empty>"))
				.onErrorResume((ex) -> Mono.just(new Call(start, System.nanoTime() - start, false, ex)));
		});
	}

	/**
	 * @param calls the calls
	 * @param quantile for example 0.99
	 * @return the latency at that quantile in milliseconds (nearest rank), 0 without calls
	 */
	static double percentileMillis(Collection<Call> calls, double quantile) {
		long[] nanos = calls.stream().mapToLong(Call::nanos).toArray();
		if (nanos.length == 0) {
			return 0;
		}
		Arrays.sort(nanos);
		int rank = (int) Math.ceil(quantile * nanos.length);
		return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
	}

	/** @return {@code n=.. p50=.. p99=.. max=..} of the calls, in milliseconds */
	static String summary(Collection<Call> calls) {
		return String.format("n=%d p50=%.1fms p99=%.1fms max=%.1fms", calls.size(), percentileMillis(calls, 0.5),
				percentileMillis(calls, 0.99), percentileMillis(calls, 1.0));
	}

	/** @return {@code prefix} and 8 random characters */
	static String namespace(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** @return milliseconds between two {@link System#nanoTime()} readings */
	static long millisBetween(long fromNanos, long toNanos) {
		return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
	}

	/**
	 * A raw binary connection to a Redis, to plant values and look at keys.
	 */
	static final class RawRedis implements AutoCloseable {

		private final RedisClient client;

		private final StatefulRedisConnection<byte[], byte[]> connection;

		RawRedis(String url) {
			this.client = RedisClient.create(url);
			this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		}

		io.lettuce.core.api.sync.RedisCommands<byte[], byte[]> commands() {
			return this.connection.sync();
		}

		/** @return the keys matching a glob, found with SCAN (never KEYS) */
		List<String> keys(String pattern) {
			List<String> found = new java.util.ArrayList<>();
			ScanIterator.scan(commands(), ScanArgs.Builder.matches(pattern).limit(500))
				.forEachRemaining((key) -> found.add(new String(key, java.nio.charset.StandardCharsets.UTF_8)));
			return found;
		}

		/** @return the string-typed keys (cache values) matching a glob */
		List<String> valueKeys(String pattern) {
			return keys(pattern).stream().filter((key) -> "string".equals(commands().type(bytes(key)))).toList();
		}

		/** Unlink every key matching the glob (SCAN + UNLINK). */
		void unlinkAll(String pattern) {
			keys(pattern).forEach((key) -> commands().unlink(bytes(key)));
		}

		static byte[] bytes(String key) {
			return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public void close() {
			this.connection.close();
			this.client.shutdown();
		}

	}

}
