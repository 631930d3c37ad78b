package io.zenoo.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * The Redis the sample's tests use: the machine's own at 127.0.0.1:6379 when it answers {@code PING}, else one private
 * {@code redis-server} from the PATH for the whole test JVM. Never skipped: without either, the tests fail and say
 * why. Tests keep to their own random namespace and never flush the server.
 */
final class TestRedis {

	private static final String MACHINE_URL = "redis://127.0.0.1:6379/0";

	private static volatile String url;

	private TestRedis() {
	}

	/** @return the URL of the Redis to use */
	static synchronized String url() {
		if (url == null) {
			url = answersPing(6379) ? MACHINE_URL : startPrivate();
		}
		return url;
	}

	/** @return a namespace no other test uses */
	static String randomNamespace() {
		return "t" + java.util.UUID.randomUUID().toString().replace("-", "");
	}

	private static String startPrivate() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path dir = Files.createTempDirectory("sample-redis");
			Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "",
					"--appendonly", "no", "--dir", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "sample-redis-stop"));
			Awaitility.await("redis-server on port " + port)
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> answersPing(port));
			return "redis://127.0.0.1:" + port + "/0";
		}
		catch (IOException ex) {
			throw new IllegalStateException("No Redis answers on 127.0.0.1:6379 and no redis-server could be started"
					+ " from the PATH: install Redis to run the sample's Redis tests", ex);
		}
	}

	static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.read(reply);
			return read >= 5 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
