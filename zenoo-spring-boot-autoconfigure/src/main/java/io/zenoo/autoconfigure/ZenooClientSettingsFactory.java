package io.zenoo.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import io.zenoo.client.BatchSettings;
import io.zenoo.client.BulkheadSettings;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.OdooProtocol;
import io.zenoo.client.ZenooClientSettings;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link ZenooOdooProperties} and turns them into {@link ZenooClientSettings}; every mistake becomes a
 * {@link ZenooConfigurationException} naming the property. Never puts a secret into a message.
 */
final class ZenooClientSettingsFactory {

	private static final String PREFIX = "zenoo.odoo.";

	private ZenooClientSettingsFactory() {
	}

	static ZenooClientSettings create(ZenooOdooProperties properties) {
		URI url = url(properties.getUrl());
		String database = required(properties.getDatabase(), "database", "the Odoo database name, e.g. 'odoo'");
		String username = required(properties.getUsername(), "username", "the login of the Odoo user, e.g. 'admin'");
		OdooCredentials credentials = credentials(properties, username);
		positive(properties.getConnectTimeout(), "connect-timeout");
		positive(properties.getReadTimeout(), "read-timeout");
		if (properties.getMaxConnections() < 1) {
			throw new ZenooConfigurationException(PREFIX + "max-connections",
					"must be at least 1, got " + properties.getMaxConnections(), "Set it to a positive pool size.");
		}
		if (properties.getMaxResponseSize() == null || properties.getMaxResponseSize().toBytes() < 1) {
			throw new ZenooConfigurationException(PREFIX + "max-response-size", "must be positive",
					"Set it to a size such as 64MB.");
		}
		if (properties.getRetry().getAttempts() < 0) {
			throw new ZenooConfigurationException(PREFIX + "retry.attempts",
					"must not be negative, got " + properties.getRetry().getAttempts(), "Use 0 to turn retries off.");
		}
		Duration backoff = properties.getRetry().getBackoff();
		if (backoff == null || backoff.isNegative()) {
			throw new ZenooConfigurationException(PREFIX + "retry.backoff", "must not be negative",
					"Set it to a duration such as 100ms.");
		}
		return new ZenooClientSettings(url, database, credentials, properties.getProtocol(),
				properties.getConnectTimeout(), properties.getReadTimeout(), properties.getMaxConnections(),
				properties.getMaxResponseSize().toBytes(), properties.getRetry().getAttempts(), backoff,
				batching(properties), bulkhead(properties));
	}

	private static BulkheadSettings bulkhead(ZenooOdooProperties properties) {
		Integer configured = properties.getMaxConcurrentRequests();
		int maxConcurrent = (configured != null) ? configured : properties.getMaxConnections();
		if (maxConcurrent < 0) {
			throw new ZenooConfigurationException(PREFIX + "max-concurrent-requests",
					"must not be negative, got " + maxConcurrent,
					"Set the most Odoo requests in flight at once, such as 50, or 0 for no limit.");
		}
		if (properties.getMaxQueuedRequests() < 0) {
			throw new ZenooConfigurationException(PREFIX + "max-queued-requests",
					"must not be negative, got " + properties.getMaxQueuedRequests(),
					"Set the most requests that may wait for a place, such as 1000, or 0 for no queue.");
		}
		Duration queueTimeout = properties.getQueueTimeout();
		if (queueTimeout == null || queueTimeout.isZero() || queueTimeout.isNegative()) {
			throw new ZenooConfigurationException(PREFIX + "queue-timeout",
					"must be a positive duration, got " + queueTimeout,
					"Set how long a request may wait for a place, such as 10s.");
		}
		return new BulkheadSettings(maxConcurrent, properties.getMaxQueuedRequests(), queueTimeout);
	}

	private static BatchSettings batching(ZenooOdooProperties properties) {
		Duration window = properties.getBatchWindow();
		if (window == null || window.isNegative()) {
			throw new ZenooConfigurationException(PREFIX + "batch-window", "must not be negative, got " + window,
					"Set it to a short duration such as 1ms, or to 0 to turn get(id) batching off.");
		}
		if (properties.getBatchMaxSize() < 1) {
			throw new ZenooConfigurationException(PREFIX + "batch-max-size",
					"must be at least 1, got " + properties.getBatchMaxSize(),
					"Set it to the most ids one batched read may ask for, such as 100.");
		}
		return new BatchSettings(window, properties.getBatchMaxSize());
	}

	private static URI url(@Nullable String value) {
		String url = required(value, "url", "the base URL of the Odoo server, e.g. http://localhost:8069");
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme();
			if (uri.getHost() == null || scheme == null
					|| !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				throw new ZenooConfigurationException(PREFIX + "url", "must be an http(s) URL with a host",
						"Set it to the base URL of the Odoo server, e.g. http://localhost:8069.");
			}
			if (uri.getPort() > 65535) {
				throw new ZenooConfigurationException(PREFIX + "url", "has a port " + uri.getPort() + " outside 1..65535",
						"Set it to the base URL of the Odoo server, e.g. http://localhost:8069.");
			}
			if (uri.getUserInfo() != null) {
				throw new ZenooConfigurationException(PREFIX + "url", "must not contain credentials",
						"Move them to zenoo.odoo.username and zenoo.odoo.password (or api-key).");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new ZenooConfigurationException(PREFIX + "url", "is not a valid URL",
					"Set it to the base URL of the Odoo server, e.g. http://localhost:8069.");
		}
	}

	private static OdooCredentials credentials(ZenooOdooProperties properties, String username) {
		String apiKey = properties.getApiKey();
		String password = properties.getPassword();
		boolean hasKey = apiKey != null && !apiKey.isEmpty();
		boolean hasPassword = password != null && !password.isEmpty();
		if (properties.getProtocol() == OdooProtocol.JSON2) {
			if (!hasKey) {
				throw new ZenooConfigurationException(PREFIX + "api-key", "is required by the json2 protocol",
						"Create an API key in Odoo (Preferences > Account Security) and set zenoo.odoo.api-key;"
								+ " JSON-2 does not accept passwords.");
			}
			return OdooCredentials.apiKey(username, apiKey);
		}
		if (hasKey && hasPassword) {
			throw new ZenooConfigurationException(PREFIX + "password", "and zenoo.odoo.api-key are both set",
					"Set only one of them; an API key is preferred.");
		}
		if (hasKey) {
			return OdooCredentials.apiKey(username, apiKey);
		}
		if (!hasPassword) {
			throw new ZenooConfigurationException(PREFIX + "password", "is not set (nor zenoo.odoo.api-key)",
					"Set zenoo.odoo.api-key (preferred) or zenoo.odoo.password for user '" + username + "'.");
		}
		return OdooCredentials.password(username, password);
	}

	private static String required(@Nullable String value, String name, String what) {
		if (value == null || value.isBlank()) {
			throw new ZenooConfigurationException(PREFIX + name, "is not set", "Set " + PREFIX + name + " to " + what
					+ ".");
		}
		return value;
	}

	private static void positive(@Nullable Duration duration, String name) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new ZenooConfigurationException(PREFIX + name, "must be a positive duration, got " + duration,
					"Set it to a duration such as 5s.");
		}
	}

}
