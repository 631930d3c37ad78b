package io.zenoo.autoconfigure;

import java.time.Duration;

import io.zenoo.client.BatchSettings;
import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How to reach Odoo: {@code zenoo.odoo.*}.
 */
@ConfigurationProperties("zenoo.odoo")
public class ZenooOdooProperties {

	/**
	 * Base URL of the Odoo server, for example http://localhost:8069.
	 */
	private @Nullable String url;

	/**
	 * Database name.
	 */
	private @Nullable String database;

	/**
	 * Login of the user the client acts as.
	 */
	private @Nullable String username;

	/**
	 * Password of that user. Use api-key instead where possible.
	 */
	private @Nullable String password;

	/**
	 * API key of that user (Odoo 14+); replaces the password, and is required by the json2 protocol.
	 */
	private @Nullable String apiKey;

	/**
	 * Wire protocol: json-rpc (stateless /jsonrpc, Odoo 8 to 21), session (web session cookie, faster per call), or
	 * json2 (Odoo 19+ JSON-2 API, API key only).
	 */
	private OdooProtocol protocol = OdooProtocol.JSON_RPC;

	/**
	 * How long to wait for a TCP connection to Odoo.
	 */
	private Duration connectTimeout = ZenooClientSettings.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * How long to wait for a whole response from Odoo.
	 */
	private Duration readTimeout = ZenooClientSettings.DEFAULT_READ_TIMEOUT;

	/**
	 * Size of the HTTP connection pool to Odoo.
	 */
	private int maxConnections = ZenooClientSettings.DEFAULT_MAX_CONNECTIONS;

	/**
	 * Largest response body accepted from Odoo; a larger one fails the call with a typed error.
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(ZenooClientSettings.DEFAULT_MAX_RESPONSE_BYTES);

	/**
	 * How long a get(id) cache miss waits for other get(id) misses of the same model, fields, user and context, to be
	 * read together in one call. 0 turns batching off. Cache hits never wait.
	 */
	private Duration batchWindow = BatchSettings.DEFAULT_WINDOW;

	/**
	 * Most distinct ids read by one batched get(id) call; a batch that reaches it is sent without waiting for the
	 * rest of its window.
	 */
	private int batchMaxSize = BatchSettings.DEFAULT_MAX_SIZE;

	/**
	 * Most Odoo requests one client may have in flight at once (the bulkhead); further requests wait in a queue.
	 * Defaults to max-connections. 0 turns the limit off.
	 */
	private @Nullable Integer maxConcurrentRequests;

	/**
	 * Most requests waiting for a place when max-concurrent-requests are in flight; a request that finds the queue
	 * full fails at once with OdooBulkheadFullException. 0 means no queue.
	 */
	private int maxQueuedRequests = BulkheadSettings.DEFAULT_MAX_QUEUED;

	/**
	 * How long a request waits in the queue for a place before it fails with OdooBulkheadFullException.
	 */
	private Duration queueTimeout = BulkheadSettings.DEFAULT_QUEUE_TIMEOUT;

	private final Retry retry = new Retry();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public OdooProtocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(OdooProtocol protocol) {
		this.protocol = protocol;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Duration getBatchWindow() {
		return this.batchWindow;
	}

	public void setBatchWindow(Duration batchWindow) {
		this.batchWindow = batchWindow;
	}

	public int getBatchMaxSize() {
		return this.batchMaxSize;
	}

	public void setBatchMaxSize(int batchMaxSize) {
		this.batchMaxSize = batchMaxSize;
	}

	public @Nullable Integer getMaxConcurrentRequests() {
		return this.maxConcurrentRequests;
	}

	public void setMaxConcurrentRequests(@Nullable Integer maxConcurrentRequests) {
		this.maxConcurrentRequests = maxConcurrentRequests;
	}

	public int getMaxQueuedRequests() {
		return this.maxQueuedRequests;
	}

	public void setMaxQueuedRequests(int maxQueuedRequests) {
		this.maxQueuedRequests = maxQueuedRequests;
	}

	public Duration getQueueTimeout() {
		return this.queueTimeout;
	}

	public void setQueueTimeout(Duration queueTimeout) {
		this.queueTimeout = queueTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retries of idempotent reads after transport failures; writes are never retried.
	 */
	public static class Retry {

		/**
		 * How many times a read is retried after a timeout, refused or reset connection, or HTTP 502/503/504.
		 * 0 turns retries off.
		 */
		private int attempts = ZenooClientSettings.DEFAULT_RETRY_ATTEMPTS;

		/**
		 * First back-off between retries; doubled on each retry, with jitter.
		 */
		private Duration backoff = ZenooClientSettings.DEFAULT_RETRY_BACKOFF;

		public int getAttempts() {
			return this.attempts;
		}

		public void setAttempts(int attempts) {
			this.attempts = attempts;
		}

		public Duration getBackoff() {
			return this.backoff;
		}

		public void setBackoff(Duration backoff) {
			this.backoff = backoff;
		}

	}

}
