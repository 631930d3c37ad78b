package io.zenoo.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link io.zenoo.client.transport.OdooTransport} needs to reach one Odoo database. Plain data, built
 * by the auto-configuration from {@code zenoo.odoo.*} or by hand in code and tests.
 *
 * @param url the server's base URL, for example {@code http://localhost:8069}
 * @param database the database name
 * @param credentials the user the client acts as
 * @param protocol the wire protocol
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for a whole response
 * @param maxConnections the size of the HTTP connection pool
 * @param maxResponseBytes the largest response body accepted; larger ones fail with a typed error
 * @param retryAttempts how many times an idempotent read is retried after a transport failure (0 = never)
 * @param retryBackoff the first back-off between retries (doubled each time, with jitter)
 * @param batching how concurrent {@code get(id)} calls are coalesced into one {@code read}
 * @param bulkhead how many requests may be in flight at once, and how many may wait
 */
public record ZenooClientSettings(URI url, String database, OdooCredentials credentials, OdooProtocol protocol,
		Duration connectTimeout, Duration readTimeout, int maxConnections, long maxResponseBytes, int retryAttempts,
		Duration retryBackoff, BatchSettings batching, BulkheadSettings bulkhead) {

	/** Default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** Default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/** Default connection pool size. */
	public static final int DEFAULT_MAX_CONNECTIONS = 50;

	/** Default largest response body: 64 MB. */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

	/** Default number of retries for idempotent reads. */
	public static final int DEFAULT_RETRY_ATTEMPTS = 2;

	/** Default first back-off between retries. */
	public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);

	public ZenooClientSettings {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(database, "database must not be null");
		Objects.requireNonNull(credentials, "credentials must not be null");
		Objects.requireNonNull(protocol, "protocol must not be null");
		Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
		Objects.requireNonNull(readTimeout, "readTimeout must not be null");
		Objects.requireNonNull(retryBackoff, "retryBackoff must not be null");
		Objects.requireNonNull(batching, "batching must not be null");
		Objects.requireNonNull(bulkhead, "bulkhead must not be null");
		String scheme = url.getScheme();
		if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
			throw new IllegalArgumentException("url must be an http or https URL, got '" + url + "'");
		}
		if (url.getHost() == null) {
			throw new IllegalArgumentException("url must name a host, got '" + url + "'");
		}
		if (database.isBlank()) {
			throw new IllegalArgumentException("database must not be blank");
		}
		requirePositive(connectTimeout, "connectTimeout");
		requirePositive(readTimeout, "readTimeout");
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
		}
		if (maxResponseBytes < 1) {
			throw new IllegalArgumentException("maxResponseBytes must be at least 1, got " + maxResponseBytes);
		}
		if (retryAttempts < 0) {
			throw new IllegalArgumentException("retryAttempts must not be negative, got " + retryAttempts);
		}
		if (retryBackoff.isNegative()) {
			throw new IllegalArgumentException("retryBackoff must not be negative, got " + retryBackoff);
		}
		if (protocol == OdooProtocol.JSON2 && !credentials.apiKey()) {
			throw new IllegalArgumentException("the json2 protocol authenticates with an API key, not a password: "
					+ "set zenoo.odoo.api-key instead of zenoo.odoo.password");
		}
	}

	/**
	 * Settings with a {@link BulkheadSettings#of(int) bulkhead} of {@code maxConnections} requests in flight.
	 * @param url the server's base URL
	 * @param database the database name
	 * @param credentials the user
	 * @param protocol the wire protocol
	 * @param connectTimeout how long to wait for a TCP connection
	 * @param readTimeout how long to wait for a whole response
	 * @param maxConnections the size of the HTTP connection pool
	 * @param maxResponseBytes the largest response body accepted
	 * @param retryAttempts how many times an idempotent read is retried
	 * @param retryBackoff the first back-off between retries
	 * @param batching how concurrent {@code get(id)} calls are coalesced
	 */
	public ZenooClientSettings(URI url, String database, OdooCredentials credentials, OdooProtocol protocol,
			Duration connectTimeout, Duration readTimeout, int maxConnections, long maxResponseBytes,
			int retryAttempts, Duration retryBackoff, BatchSettings batching) {
		this(url, database, credentials, protocol, connectTimeout, readTimeout, maxConnections, maxResponseBytes,
				retryAttempts, retryBackoff, batching, BulkheadSettings.of(Math.max(maxConnections, 0)));
	}

	/**
	 * Settings with the default {@link BatchSettings#DEFAULT batching}.
	 * @param url the server's base URL
	 * @param database the database name
	 * @param credentials the user
	 * @param protocol the wire protocol
	 * @param connectTimeout how long to wait for a TCP connection
	 * @param readTimeout how long to wait for a whole response
	 * @param maxConnections the size of the HTTP connection pool
	 * @param maxResponseBytes the largest response body accepted
	 * @param retryAttempts how many times an idempotent read is retried
	 * @param retryBackoff the first back-off between retries
	 */
	public ZenooClientSettings(URI url, String database, OdooCredentials credentials, OdooProtocol protocol,
			Duration connectTimeout, Duration readTimeout, int maxConnections, long maxResponseBytes,
			int retryAttempts, Duration retryBackoff) {
		this(url, database, credentials, protocol, connectTimeout, readTimeout, maxConnections, maxResponseBytes,
				retryAttempts, retryBackoff, BatchSettings.DEFAULT);
	}

	/**
	 * Settings with every default, for the given server, database and user.
	 * @param url the server's base URL
	 * @param database the database name
	 * @param credentials the user
	 * @return the settings, speaking {@link OdooProtocol#JSON_RPC}
	 */
	public static ZenooClientSettings of(String url, String database, OdooCredentials credentials) {
		return new ZenooClientSettings(URI.create(url), database, credentials, OdooProtocol.JSON_RPC,
				DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_RESPONSE_BYTES,
				DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_BACKOFF);
	}

	/**
	 * A copy speaking another protocol.
	 * @param protocol the protocol
	 * @return the copy
	 */
	public ZenooClientSettings withProtocol(OdooProtocol protocol) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, this.maxResponseBytes, this.retryAttempts, this.retryBackoff,
				this.batching, this.bulkhead);
	}

	/**
	 * A copy acting as another user.
	 * @param credentials the user
	 * @return the copy
	 */
	public ZenooClientSettings withCredentials(OdooCredentials credentials) {
		return new ZenooClientSettings(this.url, this.database, credentials, this.protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, this.maxResponseBytes, this.retryAttempts, this.retryBackoff,
				this.batching, this.bulkhead);
	}

	/**
	 * A copy with other timeouts.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @return the copy
	 */
	public ZenooClientSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, this.protocol, connectTimeout,
				readTimeout, this.maxConnections, this.maxResponseBytes, this.retryAttempts, this.retryBackoff,
				this.batching, this.bulkhead);
	}

	/**
	 * A copy with another retry policy.
	 * @param retryAttempts retries after the first try
	 * @param retryBackoff the first back-off
	 * @return the copy
	 */
	public ZenooClientSettings withRetry(int retryAttempts, Duration retryBackoff) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, this.protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, this.maxResponseBytes, retryAttempts, retryBackoff, this.batching,
				this.bulkhead);
	}

	/**
	 * A copy with another response size limit.
	 * @param maxResponseBytes the largest body accepted
	 * @return the copy
	 */
	public ZenooClientSettings withMaxResponseBytes(long maxResponseBytes) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, this.protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, maxResponseBytes, this.retryAttempts, this.retryBackoff,
				this.batching, this.bulkhead);
	}

	/**
	 * A copy that coalesces {@code get(id)} calls differently.
	 * @param batching the batching; {@link BatchSettings#OFF} for none
	 * @return the copy
	 */
	public ZenooClientSettings withBatching(BatchSettings batching) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, this.protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, this.maxResponseBytes, this.retryAttempts, this.retryBackoff,
				batching, this.bulkhead);
	}

	/**
	 * A copy with another limit on requests in flight.
	 * @param bulkhead the limit; {@link BulkheadSettings#UNLIMITED} for none
	 * @return the copy
	 */
	public ZenooClientSettings withBulkhead(BulkheadSettings bulkhead) {
		return new ZenooClientSettings(this.url, this.database, this.credentials, this.protocol, this.connectTimeout,
				this.readTimeout, this.maxConnections, this.maxResponseBytes, this.retryAttempts, this.retryBackoff,
				this.batching, bulkhead);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}

}
