package io.zenoo.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.test.redis.SharedRedis;

/**
 * Application instances of one test on the shared Redis: cache managers whose Redis caches live in one random key
 * namespace, and their clients. {@link #close()} closes the clients, destroys the managers and unlinks the
 * namespace's keys (SCAN and UNLINK: the shared Redis is used by other tests at the same time).
 */
final class RedisInstances implements AutoCloseable {

	private final String namespace;

	private final RedisClient redisClient;

	private final StatefulRedisConnection<String, String> redis;

	private final List<ZenooCacheManager> managers = new ArrayList<>();

	private final List<ZenooClient> clients = new ArrayList<>();

	/**
	 * @param prefix the start of the namespace, for example {@code "zenoo_batch_"}
	 */
	RedisInstances(String prefix) {
		this.namespace = prefix + UUID.randomUUID().toString().substring(0, 8);
		this.redisClient = RedisClient.create(SharedRedis.url());
		this.redis = this.redisClient.connect();
	}

	/** @return this test's key namespace */
	String namespace() {
		return this.namespace;
	}

	/** @return commands on the shared Redis, to look at what the caches stored */
	RedisCommands<String, String> redis() {
		return this.redis.sync();
	}

	/**
	 * @param name the cache name
	 * @return a Redis cache spec on the shared Redis, in this test's namespace
	 */
	RedisCacheSpec.Builder redisSpec(String name) {
		return RedisCacheSpec.builder(name).url(SharedRedis.url()).namespace(this.namespace);
	}

	/**
	 * Keeps an instance to close after the test.
	 * @param manager its cache manager
	 * @param client its client
	 * @return the client
	 */
	ZenooClient add(ZenooCacheManager manager, ZenooClient client) {
		this.managers.add(manager);
		this.clients.add(client);
		return client;
	}

	/** @return the cache managers, in the order they were added */
	List<ZenooCacheManager> managers() {
		return this.managers;
	}

	/**
	 * @param pattern a glob on the whole Redis key
	 * @return the matching keys, found with SCAN
	 */
	List<String> keys(String pattern) {
		List<String> found = new ArrayList<>();
		ScanIterator.scan(this.redis.sync(), ScanArgs.Builder.matches(pattern).limit(500)).forEachRemaining(found::add);
		return found;
	}

	@Override
	public void close() {
		try {
			this.clients.forEach(ZenooClient::close);
			this.managers.forEach(ZenooCacheManager::destroy);
			RedisCommands<String, String> commands = this.redis.sync();
			keys(this.namespace + ":*").forEach(commands::unlink);
		}
		finally {
			this.redis.close();
			this.redisClient.shutdown();
		}
	}

}
