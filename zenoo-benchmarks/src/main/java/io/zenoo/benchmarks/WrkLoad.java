package io.zenoo.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Goal 10: the sample application's cached endpoint under {@code wrk} against a constant endpoint of the same
 * application that answers the same bytes (the same rows, read once and kept in a field). Starts the sample
 * application's jar on a free loopback port, waits for its health to be UP, checks that both endpoints answer the same
 * body, warms the endpoints, runs {@code wrk} on each in turn, and stops the application, whatever happened. The
 * fixed four-byte {@code /ping} is measured beside, for scale: it shows what writing a 7 KB JSON body costs, which no
 * cache can save.
 */
final class WrkLoad {

	/** The prefix of the wrk figures' names in {@link Scores}. */
	static final String PREFIX = "wrk:";

	/** The constant endpoint with the cached endpoint's answer (the sample application's {@code PingController}). */
	static final String CONSTANT = "/ping/companies";

	/** The constant four-byte answer, measured for scale only. */
	static final String PING = "/ping";

	/** The cached endpoint: the companies, an {@code @OdooCached} repository method. */
	static final String CACHED = "/partners/companies";

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern P99 = Pattern.compile("^\\s*99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

	/**
	 * How to run.
	 * @param sampleAppJar the sample application's executable jar
	 * @param duration how long wrk measures each endpoint
	 * @param threads wrk's threads
	 * @param connections wrk's connections
	 */
	record Settings(Path sampleAppJar, Duration duration, int threads, int connections) {

		Settings {
			if (!Files.isRegularFile(sampleAppJar)) {
				throw new IllegalArgumentException("The sample application's jar " + sampleAppJar + " does not exist:"
						+ " build it with ./mvnw -pl zenoo-sample-app -am -DskipTests package");
			}
			if (duration.toSeconds() < 1 || threads < 1 || connections < threads) {
				throw new IllegalArgumentException("wrk needs a duration of at least 1 s, at least 1 thread and at"
						+ " least as many connections as threads: " + duration + ", " + threads + ", " + connections);
			}
		}

		/** @return the warm-up of each endpoint before it is measured */
		Duration warmUp() {
			return Duration.ofSeconds(Math.max(1, Math.min(3, this.duration.toSeconds() / 3)));
		}

	}

	private WrkLoad() {
	}

	/** @return the {@code wrk} executable on the {@code PATH}, if any */
	static Optional<Path> findWrk() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "wrk");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Runs the sample application under wrk.
	 * @return requests per second and p99 latency of each endpoint, by {@link Scores} name
	 * @throws IllegalStateException if wrk is missing, the application does not start, or a request fails
	 */
	static Map<String, Score> run(Settings settings) throws IOException, InterruptedException {
		try (Started app = start(settings)) {
			return app.measure();
		}
	}

	/**
	 * Starts the sample application (without waiting for it), so that its start can overlap other work.
	 * @throws IllegalStateException if wrk is missing
	 */
	static Started start(Settings settings) throws IOException {
		Path wrk = findWrk().orElseThrow(() -> new IllegalStateException("wrk is not on the PATH: install it"
				+ " (Debian/Ubuntu: apt-get install -y wrk; ./zenoo-benchmarks/run-all.sh does it when run as root)"));
		int port = freePort();
		Path log = Files.createTempFile("zenoo-sample-app-", ".log");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process app = new ProcessBuilder(java, "-Xmx512m", "-jar", settings.sampleAppJar().toString(),
				"--server.port=" + port, "--server.address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new Started(settings, wrk, app, "http://127.0.0.1:" + port, log);
	}

	/** The sample application, started; closing stops it. */
	static final class Started implements AutoCloseable {

		private final Settings settings;

		private final Path wrk;

		private final Process app;

		private final String base;

		private final Path log;

		private Started(Settings settings, Path wrk, Process app, String base, Path log) {
			this.settings = settings;
			this.wrk = wrk;
			this.app = app;
			this.base = base;
			this.log = log;
		}

		/**
		 * Waits for the application's health, checks the endpoints, warms them and measures them in the order ping,
		 * constant, cached, cached, constant, ping (half the duration each time), so that the application still
		 * getting faster (or slower) during the run favours no endpoint.
		 * @return requests per second (the mean of the two halves) and the larger p99 latency of each endpoint, by
		 * {@link Scores} name
		 */
		Map<String, Score> measure() throws IOException, InterruptedException {
			awaitHealthy(this.app, this.base, this.log);
			requireOk(this.base + PING);
			String constant = requireOk(this.base + CONSTANT);
			String cached = requireOk(this.base + CACHED);
			if (!constant.equals(cached)) {
				throw new IllegalStateException(CONSTANT + " and " + CACHED + " answer different bodies: the"
						+ " comparison would not be like for like");
			}
			for (String endpoint : List.of(PING, CONSTANT, CACHED)) {
				wrk(this.wrk, this.settings, this.settings.warmUp(), this.base + endpoint);
			}
			Duration half = Duration.ofSeconds(Math.max(1, this.settings.duration().toSeconds() / 2));
			Map<String, double[]> requests = new LinkedHashMap<>();
			Map<String, Double> p99s = new LinkedHashMap<>();
			for (String endpoint : List.of(PING, CONSTANT, CACHED, CACHED, CONSTANT, PING)) {
				String output = wrk(this.wrk, this.settings, half, this.base + endpoint);
				double[] sum = requests.computeIfAbsent(endpoint, (key) -> new double[2]);
				sum[0] += number(REQUESTS, output, endpoint);
				sum[1]++;
				Matcher p99 = P99.matcher(output);
				if (p99.find()) {
					double millis = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
						case "us" -> 0.001;
						case "s" -> 1000;
						default -> 1;
					};
					p99s.merge(endpoint, millis, Math::max);
				}
			}
			Map<String, Score> scores = new LinkedHashMap<>();
			requests.forEach((endpoint, sum) -> scores.put(PREFIX + endpoint, new Score(sum[0] / sum[1], Double.NaN,
					"req/s")));
			p99s.forEach((endpoint, millis) -> scores.put(PREFIX + endpoint + ":p99 latency",
					new Score(millis, Double.NaN, "ms")));
			return scores;
		}

		@Override
		public void close() throws IOException {
			try {
				stop(this.app);
			}
			catch (InterruptedException ex) {
				this.app.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			finally {
				Files.deleteIfExists(this.log);
			}
		}

	}

	private static String wrk(Path wrk, Settings settings, Duration duration, String url)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + settings.threads(),
				"-c" + settings.connections(), "-d" + duration.toSeconds() + "s", "--timeout", "5s", "--latency", url));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out;
		try {
			if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("wrk did not finish within " + (duration.toSeconds() + 30) + " s: "
						+ command);
			}
			out = process.getInputStream().readAllBytes();
		}
		finally {
			process.destroyForcibly();
		}
		String output = new String(out, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("wrk failed (exit " + process.exitValue() + ") on " + url + ":\n" + output);
		}
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find() && Long.parseLong(non2xx.group(1)) > 0) {
			throw new IllegalStateException(url + " answered " + non2xx.group(1) + " requests with an error status");
		}
		Matcher errors = SOCKET_ERRORS.matcher(output);
		// a timed-out request only shows an overloaded machine (its latency is in the figures); a refused one is an error
		if (errors.find() && Long.parseLong(errors.group(1)) > 0) {
			throw new IllegalStateException("wrk could not connect to " + url + ":\n" + output);
		}
		return output;
	}

	private static double number(Pattern pattern, String output, String endpoint) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in wrk's output for " + endpoint + ":\n" + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static void awaitHealthy(Process app, String base, Path log) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("the sample application exited (" + app.exitValue() + "):\n" + tail(log));
			}
			String body = get(http, base + "/actuator/health");
			if (body != null && body.contains("\"UP\"")) {
				return;
			}
			// polling the health endpoint of another process: nothing to wait on but time
			app.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException("the sample application was not healthy within " + STARTUP.toSeconds()
				+ " s:\n" + tail(log));
	}

	/** @return the body of a 200 answer */
	private static String requireOk(String url) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String body = get(http, url);
		if (body == null) {
			throw new IllegalStateException(url + " did not answer 200 (a jar built before the endpoint existed?"
					+ " rebuild it: ./mvnw -pl zenoo-sample-app -am -DskipTests package)");
		}
		return body;
	}

	private static @Nullable String get(HttpClient http, String url) throws IOException, InterruptedException {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (java.net.ConnectException ex) {
			return null;
		}
	}

	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		if (!app.waitFor(20, TimeUnit.SECONDS)) {
			app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
