package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.zenoo.cache.RedisCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.client.model.ResPartner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redis-cache hit of a query built afresh each time ({@code .cache("redis")}), beside a raw Lettuce reactive
 * {@code GET} of the very bytes the cache stored for that query plus their Jackson decode: the least any Redis cache
 * must do. Both use the machine's Redis on loopback, under a namespace of this run's own. Goal: zenoo / raw ≤ 1.3.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class RedisHitBenchmark {

	private ZenooFixture zenoo;

	private BenchRedis redis;

	private RedisReactiveCommands<byte[], byte[]> raw;

	private byte[] key;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JavaType listOfPartners = this.mapper.getTypeFactory()
		.constructCollectionType(List.class, ResPartner.class);

	@Setup(Level.Trial)
	public void setUp() {
		this.redis = new BenchRedis();
		this.zenoo = new ZenooFixture();
		ZenooCache cache = this.zenoo.cacheManager()
			.setupRedisCache(RedisCacheSpec.builder("redis").url(BenchRedis.URL).namespace(this.redis.namespace()).build());
		List<ResPartner> rows = this.zenoo.warm(cache);
		this.key = this.redis.onlyKey("redis:");
		this.raw = this.redis.connection().reactive();
		if (!rows.equals(rawGetAndDecode()) || !rows.equals(zenooRedisHit())) {
			throw new IllegalStateException("the raw GET and the cache disagree on the stored rows");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		try {
			this.zenoo.close();
		}
		finally {
			this.redis.close();
		}
	}

	/** A hit of the Redis cache, the query built as an application builds it. */
	@Benchmark
	public List<ResPartner> zenooRedisHit() {
		return this.zenoo.companies("redis");
	}

	/** A raw reactive GET of the stored bytes and their decode into the rows. */
	@Benchmark
	public List<ResPartner> rawGetAndDecode() {
		return this.raw.get(this.key).map(this::decode).block();
	}

	private List<ResPartner> decode(byte[] bytes) {
		return this.mapper.readValue(bytes, this.listOfPartners);
	}

}
