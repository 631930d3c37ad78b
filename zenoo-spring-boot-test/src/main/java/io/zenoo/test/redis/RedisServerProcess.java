package io.zenoo.test.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} child process on a free port, for tests that kill or restart Redis without touching
 * the machine's shared server. Uses {@code redis-server} from the PATH, else the binary shipped in
 * {@code com.github.codemonstur:embedded-redis}; fails with a clear message when neither exists.
 */
public final class RedisServerProcess implements AutoCloseable {

	private static final long START_TIMEOUT_SECONDS = 20;

	private final Path binary;

	private final int port;

	private Process process;

	private RedisServerProcess(Path binary, int port) {
		this.binary = binary;
		this.port = port;
	}

	/**
	 * Start a server on a free port.
	 * @return the running server
	 */
	public static RedisServerProcess start() {
		RedisServerProcess server = new RedisServerProcess(findBinary(), freePort());
		server.restart();
		return server;
	}

	/** @return the port */
	public int port() {
		return this.port;
	}

	/** @return {@code redis://127.0.0.1:<port>/0} */
	public String url() {
		return "redis://127.0.0.1:" + this.port + "/0";
	}

	/** Start (again) on the same port; returns once the server accepts connections. */
	public synchronized void restart() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("redis-server is still running on port " + this.port);
		}
		ProcessBuilder builder = new ProcessBuilder(List.of(this.binary.toString(), "--port",
				String.valueOf(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
			.redirectErrorStream(true);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.binary, ex);
		}
		Process started = this.process;
		CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitReadyLine(started.getInputStream()));
		try {
			if (!ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server on port " + this.port + " exited before being ready");
			}
		}
		catch (Exception ex) {
			kill();
			throw new IllegalStateException("redis-server on port " + this.port + " did not start", ex);
		}
	}

	private static boolean awaitReadyLine(InputStream output) {
		BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.contains("Ready to accept connections")) {
					// Keep draining the output so the child never blocks on a full pipe.
					Thread drainer = new Thread(() -> drain(reader), "redis-server-output");
					drainer.setDaemon(true);
					drainer.start();
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void drain(BufferedReader reader) {
		try {
			while (reader.readLine() != null) {
				// discard
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	/** Kill the server with SIGKILL (no clean shutdown) and wait for it to be gone. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		kill();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findBinary() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				Path candidate = Path.of(dir, "redis-server");
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return extractEmbeddedBinary();
	}

	private static Path extractEmbeddedBinary() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String resource;
		if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
			resource = "/redis-server-6.2.6-v5-linux-amd64";
		}
		else if (os.contains("linux") && arch.equals("aarch64")) {
			resource = "/redis-server-6.2.7-linux-arm64";
		}
		else if (os.contains("mac") && arch.equals("aarch64")) {
			resource = "/redis-server-6.2.6-v5-darwin-arm64";
		}
		else if (os.contains("mac")) {
			resource = "/redis-server-6.2.6-v5-darwin-amd64";
		}
		else {
			resource = null;
		}
		InputStream binary = (resource != null) ? RedisServerProcess.class.getResourceAsStream(resource) : null;
		if (binary == null) {
			throw new IllegalStateException("No redis-server found: none on the PATH and no binary for " + os + "/"
					+ arch + " in com.github.codemonstur:embedded-redis. Install Redis (apt-get install redis-server).");
		}
		try (binary) {
			Path target = Files.createTempFile("zenoo-redis-server", "");
			Files.copy(binary, target, StandardCopyOption.REPLACE_EXISTING);
			target.toFile().setExecutable(true);
			target.toFile().deleteOnExit();
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract the embedded redis-server", ex);
		}
	}

}
