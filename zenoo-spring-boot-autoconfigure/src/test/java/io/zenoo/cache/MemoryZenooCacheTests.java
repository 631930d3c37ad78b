package io.zenoo.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemoryZenooCacheTests {

	private final FakeTicker ticker = new FakeTicker();

	private MemoryZenooCache cache(long maxSize, Duration ttl, CacheStrategy strategy) {
		return new MemoryZenooCache(new MemoryCacheSpec("test", maxSize, ttl, strategy), this.ticker, Runnable::run);
	}

	@Test
	void defaultTtlExpiresEntriesWithFakeTicker() {
		MemoryZenooCache cache = cache(100, Duration.ofSeconds(60), CacheStrategy.TTL);
		cache.store("k", "v", null).block();
		this.ticker.advance(Duration.ofSeconds(59));
		StepVerifier.create(cache.find("k", String.class)).expectNext("v").verifyComplete();
		this.ticker.advance(Duration.ofSeconds(2));
		StepVerifier.create(cache.find("k", String.class)).verifyComplete();
		assertThat(cache.statistics().hits()).isEqualTo(1);
		assertThat(cache.statistics().misses()).isEqualTo(1);
	}

	@Test
	void perEntryTtlOverridesTheDefault() {
		MemoryZenooCache cache = cache(100, Duration.ofSeconds(60), CacheStrategy.TTL);
		cache.store("short", "a", Duration.ofSeconds(10)).block();
		cache.store("long", "b", Duration.ofHours(2)).block();
		cache.store("default", "c", null).block();
		this.ticker.advance(Duration.ofSeconds(11));
		assertThat(cache.find("short", String.class).block()).isNull();
		assertThat(cache.find("default", String.class).block()).isEqualTo("c");
		this.ticker.advance(Duration.ofMinutes(50));
		assertThat(cache.find("default", String.class).block()).isNull();
		assertThat(cache.find("long", String.class).block()).isEqualTo("b");
	}

	@Test
	void zeroTtlNeverExpires() {
		MemoryZenooCache cache = cache(100, Duration.ofSeconds(1), CacheStrategy.TTL);
		cache.store("forever", "v", Duration.ZERO).block();
		this.ticker.advance(Duration.ofDays(3650));
		assertThat(cache.find("forever", String.class).block()).isEqualTo("v");
	}

	@Test
	void zeroDefaultTtlNeverExpires() {
		MemoryZenooCache cache = cache(100, Duration.ZERO, CacheStrategy.LFU);
		cache.store("forever", "v", null).block();
		this.ticker.advance(Duration.ofDays(3650));
		assertThat(cache.find("forever", String.class).block()).isEqualTo("v");
	}

	@Test
	void lruStrategyRestartsTtlOnReadButTtlStrategyDoesNot() {
		MemoryZenooCache lru = cache(100, Duration.ofSeconds(10), CacheStrategy.LRU);
		MemoryZenooCache ttl = cache(100, Duration.ofSeconds(10), CacheStrategy.TTL);
		lru.store("k", "v", null).block();
		ttl.store("k", "v", null).block();
		for (int i = 0; i < 3; i++) {
			this.ticker.advance(Duration.ofSeconds(6));
			assertThat(lru.find("k", String.class).block()).as("lru read %d", i).isEqualTo("v");
		}
		assertThat(ttl.find("k", String.class).block()).isNull();
		this.ticker.advance(Duration.ofSeconds(11));
		assertThat(lru.find("k", String.class).block()).isNull();
	}

	@Test
	void maxSizeEvictsAndCountsEvictions() {
		MemoryZenooCache cache = cache(10, Duration.ZERO, CacheStrategy.LFU);
		for (int i = 0; i < 100; i++) {
			cache.store("k" + i, i, null).block();
		}
		cache.cleanUp();
		assertThat(cache.estimatedSize()).isEqualTo(10);
		assertThat(cache.statistics().evictions()).isEqualTo(90);
		assertThat(cache.statistics().puts()).isEqualTo(100);
	}

	@Test
	void expiredEntriesCountAsEvictions() {
		MemoryZenooCache cache = cache(10, Duration.ofSeconds(1), CacheStrategy.TTL);
		cache.store("k", "v", null).block();
		this.ticker.advance(Duration.ofSeconds(2));
		cache.cleanUp();
		assertThat(cache.statistics().evictions()).isEqualTo(1);
	}

	@Test
	void thousandConcurrentIdenticalMissesRunTheLoaderOnce() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("flight"));
		AtomicInteger calls = new AtomicInteger();
		Mono<String> load = Mono.delay(Duration.ofMillis(200)).map((tick) -> "loaded-" + calls.incrementAndGet());
		Flux<String> all = Flux.range(0, 1000)
			.flatMap((i) -> cache.findOrLoad("same", String.class, () -> load, null).subscribeOn(Schedulers.parallel()),
					1000);
		StepVerifier.create(all.collectList())
			.assertNext((values) -> assertThat(values).hasSize(1000).containsOnly("loaded-1"))
			.verifyComplete();
		assertThat(calls).hasValue(1);
		assertThat(cache.find("same", String.class).block()).isEqualTo("loaded-1");
	}

	@Test
	void loaderErrorReachesEveryWaiterAndIsNotCached() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("errors"));
		AtomicInteger calls = new AtomicInteger();
		Mono<String> failing = Mono.delay(Duration.ofMillis(100))
			.then(Mono.error(() -> new IllegalStateException("odoo down " + calls.incrementAndGet())));
		Flux<Boolean> outcomes = Flux.range(0, 50)
			.flatMap((i) -> cache.findOrLoad("k", String.class, () -> failing, null)
				.map((v) -> false)
				.onErrorResume(IllegalStateException.class, (ex) -> Mono.just(ex.getMessage().equals("odoo down 1"))),
					50);
		StepVerifier.create(outcomes.collectList())
			.assertNext((list) -> assertThat(list).hasSize(50).containsOnly(true))
			.verifyComplete();
		StepVerifier.create(cache.findOrLoad("k", String.class, () -> Mono.just("ok"), null))
			.expectNext("ok")
			.verifyComplete();
		assertThat(calls).hasValue(1);
	}

	@Test
	void emptyLoaderResultIsNotCached() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("empty"));
		StepVerifier.create(cache.findOrLoad("k", String.class, Mono::<String>empty, null)).verifyComplete();
		assertThat(cache.find("k", String.class).block()).isNull();
	}

	@Test
	void findOrLoadCountsHitsAndMisses() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("stats"));
		cache.findOrLoad("k", String.class, () -> Mono.just("v"), null).block();
		cache.findOrLoad("k", String.class, () -> Mono.just("other"), null).block();
		assertThat(cache.find("k", String.class).block()).isEqualTo("v");
		ZenooCacheStatistics stats = cache.statistics();
		assertThat(List.of(stats.hits(), stats.misses(), stats.puts())).containsExactly(2L, 1L, 1L);
	}

	@Test
	void wrongRequestedTypeIsAMiss() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("types"));
		cache.store("k", 42, null).block();
		StepVerifier.create(cache.find("k", String.class)).verifyComplete();
		StepVerifier.create(cache.find("k", int.class)).expectNext(42).verifyComplete();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
	}

	@Test
	void removeAndRemoveAll() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("rm"));
		cache.store("a", "1", null).then(cache.store("b", "2", null)).block();
		StepVerifier.create(cache.remove("a")).expectNext(true).verifyComplete();
		StepVerifier.create(cache.remove("a")).expectNext(false).verifyComplete();
		cache.removeAll().block();
		assertThat(cache.find("b", String.class).block()).isNull();
	}

	@Test
	void springContract() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("spring"));
		cache.put("k", "v");
		assertThat(cache.get("k")).isNotNull().extracting((w) -> w.get()).isEqualTo("v");
		assertThat(cache.get("k", String.class)).isEqualTo("v");
		assertThat(cache.get("other", () -> "loaded")).isEqualTo("loaded");
		assertThat(cache.get("other", () -> "ignored")).isEqualTo("loaded");
		assertThat(cache.retrieve("k").join()).isEqualTo("v");
		assertThat(cache.retrieve("missing").join()).isNull();
		assertThat(cache.evictIfPresent("k")).isTrue();
		assertThat(cache.evictIfPresent("k")).isFalse();
		cache.put("n", null);
		assertThat(cache.get("n")).isNull();
		cache.clear();
		assertThat(cache.get("other")).isNull();
		assertThat(cache.type()).isEqualTo(CacheType.MEMORY);
	}

	@Test
	void badArgumentsAreRefusedWithTypedExceptions() {
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("bad"));
		assertThatIllegalArgumentException().isThrownBy(() -> cache.find(null, String.class))
			.withMessageContaining("key");
		assertThatIllegalArgumentException().isThrownBy(() -> cache.store("k", "v", Duration.ofSeconds(-1)))
			.withMessageContaining("TTL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MemoryCacheSpec("x", 0, Duration.ofSeconds(1), CacheStrategy.TTL))
			.withMessageContaining("max-size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MemoryCacheSpec("x", 5, Duration.ofSeconds(-1), CacheStrategy.TTL))
			.withMessageContaining("default-ttl");
	}

}
