package io.zenoo.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.zenoo.test.redis.SharedRedis;

/**
 * The Redis the benchmarks use ({@link SharedRedis}: the machine's own on 127.0.0.1:6379 when it answers, else a
 * private {@code redis-server} for this JVM): a namespace of their own (so a run never touches anyone else's keys)
 * and a raw Lettuce connection to find and remove the keys under it with {@code SCAN} (never {@code KEYS}).
 */
final class BenchRedis implements AutoCloseable {

	/** The URL of the Redis on loopback the benchmarks use. */
	static final String URL = SharedRedis.url();

	private static final int BATCH = 500;

	private final String namespace = "zenoo-bench-" + UUID.randomUUID();

	private final RedisClient client = RedisClient.create(URL);

	private final StatefulRedisConnection<byte[], byte[]> connection = this.client.connect(ByteArrayCodec.INSTANCE);

	/** @return the namespace of this run's keys */
	String namespace() {
		return this.namespace;
	}

	/** @return the raw connection, for the baselines */
	StatefulRedisConnection<byte[], byte[]> connection() {
		return this.connection;
	}

	/**
	 * The keys under this run's namespace whose rest starts with {@code prefix}.
	 * @param prefix the part after {@code <namespace>:}, glob characters not allowed
	 */
	List<byte[]> scan(String prefix) {
		if (prefix.chars().anyMatch((c) -> c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')) {
			throw new IllegalArgumentException("prefix must not contain glob characters: " + prefix);
		}
		ScanArgs args = ScanArgs.Builder.matches(this.namespace + ":" + prefix + "*").limit(BATCH);
		RedisCommands<byte[], byte[]> sync = this.connection.sync();
		List<byte[]> keys = new ArrayList<>();
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<byte[]> page = sync.scan(cursor, args);
			keys.addAll(page.getKeys());
			cursor = page;
		}
		while (!cursor.isFinished());
		return keys;
	}

	/**
	 * The one key under {@code <namespace>:<prefix>}.
	 * @throws IllegalStateException if there is not exactly one
	 */
	byte[] onlyKey(String prefix) {
		List<byte[]> keys = scan(prefix);
		if (keys.size() != 1) {
			List<String> names = keys.stream().map((key) -> new String(key, StandardCharsets.UTF_8)).toList();
			throw new IllegalStateException("expected one key under " + this.namespace + ":" + prefix + ", found " + names);
		}
		return keys.get(0);
	}

	/** Remove every key of this run (SCAN + UNLINK), then disconnect. */
	@Override
	public void close() {
		try {
			List<byte[]> keys = scan("");
			for (int from = 0; from < keys.size(); from += BATCH) {
				List<byte[]> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
				this.connection.sync().unlink(batch.toArray(byte[][]::new));
			}
		}
		finally {
			this.connection.close();
			this.client.shutdown();
		}
	}

}
