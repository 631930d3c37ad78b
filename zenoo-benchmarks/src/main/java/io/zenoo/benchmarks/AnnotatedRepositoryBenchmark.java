package io.zenoo.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zenoo.annotation.GenerationSource;
import io.zenoo.annotation.OdooCacheInterceptor;
import io.zenoo.annotation.OdooCached;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooRepository;
import io.zenoo.repository.support.OdooRepositoryFactory;
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

/**
 * A hit of an {@code @OdooCached} repository method (the repository proxy, the annotation interceptor, its key and a
 * memory-cache lookup) beside a memory-cache hit of the same query through {@code client.model(...).all()}. Goal:
 * repository / fluent ≤ 1.5.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xmx1g", "-XX:+UseParallelGC" })
public class AnnotatedRepositoryBenchmark {

	/** The repository measured. */
	public interface CompanyRepository extends OdooRepository<ResPartner, Long> {

		/**
		 * The companies, cached by the annotation.
		 * @return the companies
		 */
		@OdooCached
		Mono<List<ResPartner>> findByIsCompanyTrue();

	}

	private ZenooFixture fixture;

	private CompanyRepository repository;

	@Setup(Level.Trial)
	public void setUp() {
		this.fixture = new ZenooFixture();
		ZenooCache cache = this.fixture.cacheManager().setupMemoryCache(MemoryCacheSpec.of("memory"));
		this.fixture.warm(cache);
		OdooCacheInterceptor interceptor = new OdooCacheInterceptor(this.fixture::cacheManager,
				this.fixture::client, 1000, GenerationSource.NONE, null);
		this.repository = new OdooRepositoryFactory(this.fixture.client(), interceptor::forRepository)
			.getRepository(CompanyRepository.class);
		List<ResPartner> loaded = this.repository.findByIsCompanyTrue().block();
		long hits = cache.statistics().hits();
		List<ResPartner> again = this.repository.findByIsCompanyTrue().block();
		if (cache.statistics().hits() != hits + 1 || loaded == null || !loaded.equals(again)
				|| !loaded.equals(this.fixture.companies(null))) {
			throw new IllegalStateException("the annotated repository did not serve the warmed query from the cache");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.fixture.close();
	}

	@Benchmark
	public List<ResPartner> annotatedRepositoryHit() {
		return this.repository.findByIsCompanyTrue().block();
	}

	@Benchmark
	public List<ResPartner> fluentQueryHit() {
		return this.fixture.companies(null);
	}

}
