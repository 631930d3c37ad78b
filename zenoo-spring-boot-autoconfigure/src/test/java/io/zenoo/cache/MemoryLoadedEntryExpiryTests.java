package io.zenoo.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value loaded on another thread expires exactly its TTL after it was loaded, even when Caffeine handles the
 * completed future after the caller got the value and time moved on (the race a fake clock exposes).
 */
class MemoryLoadedEntryExpiryTests {

	@RepeatedTest(20)
	void loadedEntriesExpireTheirTtlAfterLoading() {
		FakeTicker ticker = new FakeTicker();
		MemoryZenooCache cache = new MemoryZenooCache(MemoryCacheSpec.of("m"), ticker, null);
		AtomicInteger loads = new AtomicInteger();
		Supplier<Mono<String>> loader = () -> Mono.fromCallable(() -> "v" + loads.incrementAndGet())
			.publishOn(Schedulers.parallel());
		assertThat(cache.findOrLoad("k", String.class, loader, Duration.ofSeconds(10)).block()).isEqualTo("v1");
		ticker.advance(Duration.ofSeconds(9));
		assertThat(cache.findOrLoad("k", String.class, loader, Duration.ofSeconds(10)).block()).isEqualTo("v1");
		ticker.advance(Duration.ofSeconds(2));
		assertThat(cache.find("k", String.class).block()).isNull();
		assertThat(cache.findOrLoad("k", String.class, loader, Duration.ofSeconds(10)).block()).isEqualTo("v2");
	}

}
