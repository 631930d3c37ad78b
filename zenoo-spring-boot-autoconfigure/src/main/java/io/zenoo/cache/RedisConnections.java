package io.zenoo.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;

/**
 * Builds the Lettuce connection factory of a Redis cache that has its own URL.
 * <p>
 * Commands are rejected at once while the connection is down (instead of queuing until a timeout), so a Redis outage
 * costs a caller no wait; Lettuce reconnects in the background. Commands share one multiplexed connection; the pool
 * ({@code max-connections}) serves dedicated connections.
 */
final class RedisConnections {

	private RedisConnections() {
	}

	/** A connection factory of a cache's own, with the client resources it alone uses. */
	record Owned(LettuceConnectionFactory factory, ClientResources resources) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.factory.destroy();
			}
			finally {
				this.resources.shutdown(0, 100, TimeUnit.MILLISECONDS);
			}
		}

	}

	static Owned create(RedisCacheSpec spec) {
		RedisUrl url = RedisUrl.parse(spec.url());
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(url.host(), url.port());
		server.setDatabase(url.database());
		if (url.username() != null) {
			server.setUsername(url.username());
		}
		if (url.password() != null) {
			server.setPassword(RedisPassword.of(url.password()));
		}
		// Reconnect quickly once Redis is back (Lettuce's default backs off to 30 s between attempts).
		ClientResources resources = DefaultClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
		GenericObjectPoolConfig<StatefulConnection<?, ?>> pool = new GenericObjectPoolConfig<>();
		pool.setMaxTotal(spec.maxConnections());
		pool.setMaxIdle(spec.maxConnections());
		Duration connectTimeout = max(spec.commandTimeout().multipliedBy(2), Duration.ofSeconds(1));
		ClientOptions options = ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(spec.commandTimeout()))
			.build();
		LettucePoolingClientConfiguration.LettucePoolingClientConfigurationBuilder client = LettucePoolingClientConfiguration
			.builder()
			.poolConfig(pool)
			.commandTimeout(spec.commandTimeout())
			.shutdownTimeout(Duration.ofMillis(100))
			.clientOptions(options)
			.clientResources(resources);
		if (url.ssl()) {
			client.useSsl();
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client.build());
		factory.afterPropertiesSet();
		factory.start();
		return new Owned(factory, resources);
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
