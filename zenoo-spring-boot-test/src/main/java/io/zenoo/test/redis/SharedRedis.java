package io.zenoo.test.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The Redis that non-destructive tests share: the machine's own at 127.0.0.1:6379 when it answers {@code PING}, else
 * one private {@code redis-server} for the whole test JVM (from the PATH, or the binary shipped in embedded-redis),
 * so that a fresh machine without Redis still runs every Redis test instead of skipping it. Tests must keep to their
 * own key namespace ({@link #randomNamespace()}) and never flush the server; tests that stop, kill or break Redis use
 * a {@link RedisServerProcess} of their own instead.
 */
public final class SharedRedis {

	private static final String MACHINE_URL = "redis://127.0.0.1:6379/0";

	private static volatile String url;

	private SharedRedis() {
	}

	/**
	 * @return the URL of the shared Redis
	 */
	public static synchronized String url() {
		if (url == null) {
			if (answersPing("127.0.0.1", 6379)) {
				url = MACHINE_URL;
			}
			else {
				RedisServerProcess process = RedisServerProcess.start();
				Runtime.getRuntime().addShutdownHook(new Thread(process::close, "shared-redis-stop"));
				url = process.url();
			}
		}
		return url;
	}

	/**
	 * @param database a database index
	 * @return the URL of that database on the shared Redis
	 */
	public static String url(int database) {
		String base = url();
		return base.substring(0, base.lastIndexOf('/') + 1) + database;
	}

	/**
	 * A key namespace of one test's own, so that tests sharing the server never see each other's keys.
	 * @return a namespace no other caller of this method gets
	 */
	public static String randomNamespace() {
		return "t" + java.util.UUID.randomUUID().toString().replace("-", "");
	}

	/** @return the host of the shared Redis */
	public static String host() {
		return java.net.URI.create(url()).getHost();
	}

	/** @return the port of the shared Redis */
	public static int port() {
		return java.net.URI.create(url()).getPort();
	}

	private static boolean answersPing(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
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
