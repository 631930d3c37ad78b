package io.zenoo.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** The thread-safe {@link OdooTestServer.Faults}: queued one-shot faults plus a latency applied to every response. */
final class FaultInjector implements OdooTestServer.Faults {

	/** What to do with one request instead of answering it normally. */
	sealed interface Fault permits Drop, Reply, Trickle {
	}

	/** The normal answer, its body sent {@code chunkBytes} at a time with {@code pause} between chunks. */
	record Trickle(int chunkBytes, Duration pause) implements Fault {
	}

	record Drop() implements Fault {
	}

	record Reply(HttpReply reply) implements Fault {
	}

	private final Deque<Fault> queue = new ArrayDeque<>();

	private Duration latency = Duration.ZERO;

	@Override
	public synchronized void latency(Duration latency) {
		if (latency == null || latency.isNegative()) {
			throw new IllegalArgumentException("latency must be zero or positive");
		}
		this.latency = latency;
	}

	@Override
	public synchronized void httpError(int count, int status, String contentType, String body) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("Not an HTTP status: " + status);
		}
		enqueue(count, new Reply(new HttpReply(status, contentType, bytes(body), java.util.List.of())));
	}

	@Override
	public synchronized void rawBody(int count, String contentType, byte[] body) {
		enqueue(count, new Reply(new HttpReply(200, contentType, (body != null) ? body.clone() : new byte[0],
				java.util.List.of())));
	}

	@Override
	public synchronized void trickle(int count, int chunkBytes, Duration pause) {
		if (chunkBytes < 1) {
			throw new IllegalArgumentException("chunkBytes must be at least 1: " + chunkBytes);
		}
		if (pause == null || pause.isNegative()) {
			throw new IllegalArgumentException("pause must be zero or positive");
		}
		enqueue(count, new Trickle(chunkBytes, pause));
	}

	@Override
	public synchronized void dropConnection(int count) {
		enqueue(count, new Drop());
	}

	@Override
	public synchronized void clear() {
		this.queue.clear();
		this.latency = Duration.ZERO;
	}

	synchronized Fault next() {
		return this.queue.poll();
	}

	synchronized Duration latency() {
		return this.latency;
	}

	private void enqueue(int count, Fault fault) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative: " + count);
		}
		for (int i = 0; i < count; i++) {
			this.queue.add(fault);
		}
	}

	private static byte[] bytes(String body) {
		return (body != null) ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
	}

}
