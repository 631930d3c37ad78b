package io.zenoo.cache;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Python guide's {@code setup_auto_invalidation(pattern, interval)}, on virtual time: a pattern is removed every
 * interval, a whole model is given a new generation instead, and both stop when disposed or when the manager is
 * destroyed.
 */
class AutoInvalidationTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private ZenooCacheManager caches;

	private ZenooCache memory;

	/** A key as a query's: readable text and a model. */
	private record Key(String cacheKeyText, @Nullable String model) implements CacheKeyText {
	}

	private static final Key COMPANIES = new Key("res.partner:is_company=True:search_read:x", "res.partner");

	private static final Key PEOPLE = new Key("res.partner:is_company=False:search_read:x", "res.partner");

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.memory = this.caches.setupMemoryCache(MemoryCacheSpec.of("memory"));
	}

	@AfterEach
	void tearDown() {
		this.caches.destroy();
		this.time.dispose();
	}

	private void fill() {
		this.memory.store(COMPANIES, "companies", Duration.ZERO).block();
		this.memory.store(PEOPLE, "people", Duration.ZERO).block();
	}

	private boolean cached(Key key) {
		return this.memory.find(key, String.class).block() != null;
	}

	@Test
	void aPatternIsRemovedEveryIntervalUntilDisposed() {
		fill();
		Disposable task = this.caches.setupAutoInvalidation("res.partner:is_company=True:*", Duration.ofHours(1),
				this.time);

		this.time.advanceTimeBy(Duration.ofMinutes(59));
		assertThat(cached(COMPANIES)).isTrue();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(cached(COMPANIES)).isFalse();
		assertThat(cached(PEOPLE)).isTrue();

		fill();
		this.time.advanceTimeBy(Duration.ofMinutes(59));
		assertThat(cached(COMPANIES)).isTrue();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(cached(COMPANIES)).as("again an hour later").isFalse();

		task.dispose();
		assertThat(task.isDisposed()).isTrue();
		fill();
		this.time.advanceTimeBy(Duration.ofHours(5));
		assertThat(cached(COMPANIES)).isTrue();
	}

	@Test
	void aWholeModelGetsANewGenerationInsteadOfAScan() {
		fill();
		this.caches.setupAutoInvalidation("res.partner:*", Duration.ofMinutes(10), this.time);
		assertThat(this.caches.generation(this.memory, "res.partner")).isZero();

		this.time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(this.caches.generation(this.memory, "res.partner")).isEqualTo(1);
		this.time.advanceTimeBy(Duration.ofMinutes(30));
		assertThat(this.caches.generation(this.memory, "res.partner")).isEqualTo(4);
		assertThat(this.caches.generation(this.memory, "res.country")).isZero();
		assertThat(cached(COMPANIES)).as("the entries stay, superseded: O(1)").isTrue();
	}

	@Test
	void destroyStopsEveryAutomaticInvalidation() {
		this.caches.setupAutoInvalidation("res.partner:is_company=True:*", Duration.ofMinutes(1), this.time);
		this.caches.setupAutoInvalidation("res.partner:*", Duration.ofMinutes(1), this.time);
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		long generation = this.caches.generation(this.memory, "res.partner");
		assertThat(generation).isEqualTo(1);

		this.caches.destroy();
		fill();
		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(cached(COMPANIES)).isTrue();
		assertThat(this.caches.generation(this.memory, "res.partner")).isEqualTo(generation);
	}

	@Test
	void theOwnSchedulerRunsItForReal() {
		Disposable task = this.caches.setupAutoInvalidation("res.partner:*", Duration.ofMillis(20));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.caches.generation(this.memory, "res.partner") >= 2);
		task.dispose();
	}

	@Test
	void badArgumentsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.setupAutoInvalidation(null, Duration.ofMinutes(1)))
			.withMessage("pattern must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.setupAutoInvalidation(" ", Duration.ofMinutes(1)))
			.withMessage("pattern must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.setupAutoInvalidation("res.partner:*", Duration.ZERO))
			.withMessage("interval must be a positive duration, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.setupAutoInvalidation("res.partner:*", Duration.ofSeconds(-1)))
			.withMessage("interval must be a positive duration, was PT-1S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.setupAutoInvalidation("res.partner:*", null))
			.withMessage("interval must be a positive duration, was null");
	}

}
