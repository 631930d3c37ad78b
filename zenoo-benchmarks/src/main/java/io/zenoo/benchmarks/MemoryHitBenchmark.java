package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.client.domain.Domain;
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
import reactor.core.publisher.Mono;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A memory-cache hit of a query built afresh each time ({@code client.model(ResPartner.class).filter(...).all()}),
 * beside Spring's own {@code @Cacheable} hit of a {@code Mono} method on an async {@link CaffeineCacheManager}: the
 * least an application pays today for a cached reactive call. Goal: zenoo / spring ≤ 1.0.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class MemoryHitBenchmark {

	private static final String PLAIN_KEY = "companies";

	private ZenooFixture zenoo;

	private AnnotationConfigApplicationContext spring;

	private Companies companies;

	private io.zenoo.client.QueryBuilder<ResPartner> prebuilt;

	private ZenooCache memory;

	@Setup(Level.Trial)
	public void setUp() {
		this.zenoo = new ZenooFixture();
		ZenooCache memory = this.zenoo.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory"));
		this.memory = memory;
		List<ResPartner> rows = this.zenoo.warm(memory);
		if (this.zenoo.cacheManager().getDefaultCache() != memory || !rows.equals(zenooMemoryHit())) {
			throw new IllegalStateException("the memory cache is not the default cache serving the query");
		}
		this.prebuilt = this.zenoo.client().model(ResPartner.class).filter(Domain.field("is_company").eq(true));
		memory.store(PLAIN_KEY, rows, null).block();
		if (!rows.equals(zenooPrebuiltQueryHit()) || !rows.equals(cacheLayerHit())) {
			throw new IllegalStateException("the breakdown benchmarks do not hit the cache");
		}
		this.spring = new AnnotationConfigApplicationContext();
		this.spring.registerBean(Companies.class, () -> new Companies(rows));
		this.spring.register(SpringCaching.class);
		this.spring.refresh();
		this.companies = this.spring.getBean(Companies.class);
		List<ResPartner> first = springCacheableHit();
		List<ResPartner> second = springCacheableHit();
		if (!rows.equals(first) || first != second || this.companies.invocations() != 1) {
			throw new IllegalStateException("@Cacheable did not serve the second call from its cache ("
					+ this.companies.invocations() + " invocations)");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		try {
			this.spring.close();
		}
		finally {
			this.zenoo.close();
		}
	}

	/** A hit of the default (memory) cache, the query built as an application builds it. */
	@Benchmark
	public List<ResPartner> zenooMemoryHit() {
		return this.zenoo.companies(null);
	}

	/** Spring's {@code @Cacheable} hit of a {@code Mono} method on an async Caffeine cache. */
	@Benchmark
	public List<ResPartner> springCacheableHit() {
		return this.companies.companies(true).block();
	}

	// Breakdown of zenooMemoryHit (not goals): where its time goes.

	/** The same hit with the query builder made once: the cost of the key, the cache and the Mono without the builder. */
	@Benchmark
	public List<ResPartner> zenooPrebuiltQueryHit() {
		return this.prebuilt.all().block();
	}

	/** The cache layer alone: {@code findOrLoad} of a plain string key holding the same rows. */
	@Benchmark
	public List<ResPartner> cacheLayerHit() {
		return this.memory.<List<ResPartner>>findOrLoad(PLAIN_KEY, List.class, () -> Mono.error(new IllegalStateException("miss")), null)
			.block();
	}

	/** Building the condition alone, as an application does for every query. */
	@Benchmark
	public Domain domainOnly() {
		return Domain.field("is_company").eq(true);
	}

	/** Caching on Caffeine in async mode, which {@code Mono} methods need. */
	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	public static class SpringCaching {

		/** @return the async Caffeine cache manager */
		@Bean
		public CacheManager cacheManager() {
			CaffeineCacheManager manager = new CaffeineCacheManager();
			manager.setAsyncCacheMode(true);
			return manager;
		}

	}

	/** A Spring bean whose reactive read is cached by {@code @Cacheable}; it returns a prebuilt list. */
	public static class Companies {

		private final List<ResPartner> rows;

		private final AtomicInteger invocations = new AtomicInteger();

		/** @param rows what every call returns */
		public Companies(List<ResPartner> rows) {
			this.rows = rows;
		}

		/**
		 * The companies (or the other partners).
		 * @param isCompany whether companies are wanted
		 * @return the rows
		 */
		@Cacheable("companies")
		public Mono<List<ResPartner>> companies(boolean isCompany) {
			this.invocations.incrementAndGet();
			return Mono.just(this.rows);
		}

		int invocations() {
			return this.invocations.get();
		}

	}

}
