package io.zenoo.cache;

import java.util.Objects;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * A Redis backend of Zenoo caches: the connection and the namespace its keys start with. Instances that use the same
 * backend share its generations, and any state other components keep under the namespace.
 *
 * @param connectionFactory the connection
 * @param namespace the key namespace, for example {@code zenoo_rpc}
 */
public record RedisBackend(ReactiveRedisConnectionFactory connectionFactory, String namespace) {

	/**
	 * @param connectionFactory the connection
	 * @param namespace the key namespace
	 */
	public RedisBackend {
		Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		Objects.requireNonNull(namespace, "namespace must not be null");
	}

}
