package io.zenoo.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.springframework.util.FileSystemUtils;

/**
 * A {@code redis-server} of one test class's own, on a free loopback port, for tests that stop Redis: started on first
 * use, killed by {@link #kill()} or {@link #close()}. The shared Redis is never touched.
 */
final class PrivateRedis implements AutoCloseable {

	private Process process;

	private Path dir;

	private int port;

	/**
	 * @return the server's URL, starting the server if needed
	 */
	synchronized String url() {
		if (this.process == null) {
			start();
		}
		return "redis://127.0.0.1:" + this.port + "/0";
	}

	private void start() {
		try {
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
			this.dir = Files.createTempDirectory("sample-private-redis");
			this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start a private redis-server from the PATH", ex);
		}
		Awaitility.await("private redis-server on port " + this.port)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> TestRedis.answersPing(this.port));
	}

	/**
	 * Kill the server at once (SIGKILL), as a crash would.
	 */
	synchronized void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("redis-server on port " + this.port + " did not stop");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public synchronized void close() {
		kill();
		if (this.dir != null) {
			FileSystemUtils.deleteRecursively(this.dir.toFile());
		}
	}

}
