package io.zenoo.cache;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.AsyncCache;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cache.Cache;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MemoryStorage#COMPACT}: typed values kept as bytes, decoded on their first hit, at most
 * {@code decoded-entries} of them decoded at a time.
 */
class CompactStorageTests {

	/** A row as the client reads them. */
	record Row(long id, String name, List<Long> tags) {

		Row {
			tags = List.copyOf(tags);
		}

	}

	private static final Type ROWS = ResolvableType.forClassWithGenerics(List.class, Row.class).getType();

	private final FakeTicker ticker = new FakeTicker();

	private MemoryZenooCache cache(long maxSize, long decodedEntries) {
		return new MemoryZenooCache(new MemoryCacheSpec("compact", maxSize, Duration.ofMinutes(5), CacheStrategy.TTL,
				MemoryStorage.COMPACT, decodedEntries), this.ticker, Runnable::run);
	}

	private static List<Row> rows(int seed) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(new Row(seed * 100L + i, "row " + seed + "/" + i + " é", List.of((long) i, (long) seed)));
		}
		return List.copyOf(rows);
	}

	private static <T> Mono<T> load(MemoryZenooCache cache, Object key, Type type, T value) {
		return cache.findOrLoad(key, type, () -> Mono.just(value), null);
	}

	private static Object held(MemoryZenooCache cache, Object key) {
		return Objects.requireNonNull(cache.peekQuietly(key)).held();
	}

	private static long decodedInCache(MemoryZenooCache cache) {
		@SuppressWarnings("unchecked")
		AsyncCache<Object, MemoryZenooCache.Stored> caffeine = (AsyncCache<Object, MemoryZenooCache.Stored>) cache
			.getNativeCache();
		return caffeine.synchronous()
			.asMap()
			.values()
			.stream()
			.filter((stored) -> stored.held() instanceof CompactValue compact && compact.isDecoded())
			.count();
	}

	@Test
	void compactIsTheDefault() {
		MemoryCacheSpec spec = MemoryCacheSpec.of("m");
		assertThat(spec.storage()).isEqualTo(MemoryStorage.COMPACT);
		assertThat(spec.decodedEntries()).isEqualTo(100);
		assertThat(new MemoryCacheSpec("m", 50, Duration.ZERO, CacheStrategy.LRU).decodedEntries()).isEqualTo(16);
		assertThat(new MemoryCacheSpec("m", 5, Duration.ZERO, CacheStrategy.LRU).decodedEntries()).isEqualTo(5);
		assertThat(new MemoryCacheSpec("m", 200_000, Duration.ZERO, CacheStrategy.TTL).decodedEntries())
			.isEqualTo(20_000);
	}

	@Test
	void aLoadedValueIsKeptAsBytesAndItsLoaderGetsItsOwnInstance() {
		MemoryZenooCache cache = cache(100, 10);
		List<Row> loaded = rows(1);
		assertThat(load(cache, "k", ROWS, loaded).block()).isSameAs(loaded);
		assertThat(held(cache, "k")).isInstanceOfSatisfying(CompactValue.class, (compact) -> {
			assertThat(compact.isDecoded()).isFalse();
			assertThat(compact.type).isEqualTo(ROWS);
			// Smile: its ":)\n" header, strings as their UTF-8 bytes
			String text = new String(compact.bytes, java.nio.charset.StandardCharsets.UTF_8);
			assertThat(text).startsWith(":)\n").contains("row 1/0 é");
		});
		assertThat(cache.statistics().decodes()).isZero();

		List<Row> first = cache.<List<Row>>find("k", ROWS).block();
		assertThat(first).isEqualTo(loaded).isNotSameAs(loaded);
		// handed to every reader: unmodifiable, as the client's own results
		assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
		assertThat(((CompactValue) held(cache, "k")).isDecoded()).isTrue();
		assertThat(load(cache, "k", ROWS, rows(99)).block()).isSameAs(first);
		assertThat(cache.<List<Row>>find("k", ROWS).block()).isSameAs(first);
		assertThat(cache.statistics().decodes()).isEqualTo(1);
		assertThat(cache.statistics().hits()).isEqualTo(3);
		assertThat(cache.statistics().misses()).isEqualTo(1);
	}

	@Test
	void objectsStorageKeepsTheInstance() {
		MemoryZenooCache cache = new MemoryZenooCache(
				MemoryCacheSpec.of("o").withStorage(MemoryStorage.OBJECTS), this.ticker, Runnable::run);
		List<Row> loaded = rows(1);
		load(cache, "k", ROWS, loaded).block();
		assertThat(held(cache, "k")).isSameAs(loaded);
		assertThat(cache.<List<Row>>find("k", ROWS).block()).isSameAs(loaded);
		assertThat(cache.decodedSet()).isNull();
	}

	@Test
	void atMostDecodedEntriesAreDecodedAndAllStillHit() {
		MemoryZenooCache cache = cache(100, 4);
		for (int i = 0; i < 12; i++) {
			load(cache, "k" + i, ROWS, rows(i)).block();
		}
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 12; i++) {
				assertThat(load(cache, "k" + i, ROWS, rows(-1)).block()).as("key %d", i).isEqualTo(rows(i));
				assertThat(decodedInCache(cache)).isLessThanOrEqualTo(4);
			}
		}
		assertThat(decodedInCache(cache)).isEqualTo(4);
		assertThat(cache.decodedSet().decodedCount()).isEqualTo(4);
		assertThat(cache.statistics().decodes()).isEqualTo(24);
		assertThat(cache.statistics().misses()).isEqualTo(12);
		// the last four decoded stay decoded: hitting them again decodes nothing
		for (int i = 8; i < 12; i++) {
			cache.find("k" + i, ROWS).block();
		}
		assertThat(cache.statistics().decodes()).isEqualTo(24);
	}

	@Test
	void bytesThatNoLongerDecodeAreAMissLoadedAgain() {
		MemoryZenooCache cache = cache(100, 10);
		load(cache, "k", ROWS, rows(1)).block();
		CompactValue compact = (CompactValue) held(cache, "k");
		java.util.Arrays.fill(compact.bytes, (byte) 0xff);
		assertThat(load(cache, "k", ROWS, rows(2)).block()).isEqualTo(rows(2));
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
		assertThat(cache.statistics().misses()).isEqualTo(2);
		assertThat(cache.statistics().hits()).isZero();
		assertThat(load(cache, "k", ROWS, rows(3)).block()).isEqualTo(rows(2));
	}

	@Test
	void anEntryHitAgainSinceTheHandPassedIsSpared() {
		MemoryZenooCache cache = cache(100, 4);
		load(cache, "hot", ROWS, rows(0)).block();
		for (int i = 1; i <= 10; i++) {
			load(cache, "k" + i, ROWS, rows(i)).block();
		}
		List<Row> hot = load(cache, "hot", ROWS, rows(-1)).block();
		for (int i = 1; i <= 10; i++) {
			assertThat(load(cache, "k" + i, ROWS, rows(-1)).block()).isEqualTo(rows(i));
			// the hot entry is hit between every two other entries' first hits
			assertThat(load(cache, "hot", ROWS, rows(-1)).block()).as("after key %d", i).isSameAs(hot);
		}
		assertThat(cache.statistics().decodes()).isEqualTo(11);
		assertThat(decodedInCache(cache)).isEqualTo(4);
	}

	@Test
	void removalInvalidationEvictionAndExpiryDropTheDecodedForm() {
		MemoryZenooCache cache = cache(100, 10);
		load(cache, "removed", ROWS, rows(1)).block();
		load(cache, "cleared", ROWS, rows(2)).block();
		load(cache, "matching", ROWS, rows(3)).block();
		cache.find("removed", ROWS).block();
		cache.find("cleared", ROWS).block();
		cache.find("matching", ROWS).block();
		CompactValue removed = (CompactValue) held(cache, "removed");
		CompactValue cleared = (CompactValue) held(cache, "cleared");
		CompactValue matching = (CompactValue) held(cache, "matching");
		assertThat(removed.isDecoded()).isTrue();

		assertThat(cache.remove("removed").block()).isTrue();
		assertThat(removed.isDecoded()).isFalse();
		assertThat(cache.removeMatching(new KeyFilter("match*", null)).block()).isEqualTo(1);
		assertThat(matching.isDecoded()).isFalse();
		cache.removeAll().block();
		cache.cleanUp();
		assertThat(cleared.isDecoded()).isFalse();
		assertThat(cache.decodedSet().decodedCount()).isZero();

		// a removed entry still referenced by a reader decodes for it but is not kept decoded
		assertThat(removed.get()).isEqualTo(rows(1));
		assertThat(removed.isDecoded()).isFalse();

		load(cache, "expiring", ROWS, rows(4)).block();
		cache.find("expiring", ROWS).block();
		CompactValue expiring = (CompactValue) held(cache, "expiring");
		this.ticker.advance(Duration.ofMinutes(6));
		cache.cleanUp();
		assertThat(expiring.isDecoded()).isFalse();

		MemoryZenooCache small = cache(2, 2);
		load(small, "a", ROWS, rows(1)).block();
		small.find("a", ROWS).block();
		CompactValue evicted = (CompactValue) held(small, "a");
		for (int i = 0; i < 50; i++) {
			load(small, "other" + i, ROWS, rows(i)).block();
			small.cleanUp();
		}
		assertThat(small.peekQuietly("a")).isNull();
		assertThat(small.statistics().evictions()).isPositive();
		assertThat(evicted.isDecoded()).isFalse();
	}

	@Test
	void untypedStoresAndObjectTypedLoadsStayObjects() {
		MemoryZenooCache cache = cache(100, 10);
		List<Row> stored = rows(1);
		cache.store("stored", stored, null).block();
		assertThat(held(cache, "stored")).isSameAs(stored);
		cache.put("put", stored);
		assertThat(held(cache, "put")).isSameAs(stored);
		List<Row> untyped = rows(2);
		cache.findOrLoad("untyped", Object.class, () -> Mono.just(untyped), null).block();
		assertThat(held(cache, "untyped")).isSameAs(untyped);
		assertThat(cache.find("untyped", Object.class).block()).isSameAs(untyped);
	}

	/** Jackson cannot write it (no properties). */
	static final class Opaque {

	}

	/** Jackson writes and reads it, but it has no value equality: it does not come back equal. */
	static final class Mutable {

		public String name = "x";

	}

	@Test
	void aValueThatDoesNotEncodeOrReadBackEqualStaysAnObject() {
		MemoryZenooCache cache = cache(100, 10);
		Opaque opaque = new Opaque();
		assertThat(load(cache, "opaque", Opaque.class, opaque).block()).isSameAs(opaque);
		assertThat(held(cache, "opaque")).isSameAs(opaque);
		assertThat(cache.find("opaque", Opaque.class).block()).isSameAs(opaque);
		Mutable mutable = new Mutable();
		load(cache, "mutable", Mutable.class, mutable).block();
		assertThat(held(cache, "mutable")).isSameAs(mutable);
		assertThat(cache.statistics().decodeFailures()).isZero();
	}

	@Test
	void findWithAnotherTypeIsADecodeFailure() {
		MemoryZenooCache cache = cache(100, 10);
		load(cache, "k", ROWS, rows(1)).block();
		assertThat(cache.find("k", String.class).block()).isNull();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
		assertThat(cache.statistics().misses()).isEqualTo(2);
		assertThat(cache.<List<Row>>find("k", List.class).block()).isEqualTo(rows(1));
	}

	@Test
	void springReadsOfACompactEntryGetTheValue() {
		MemoryZenooCache cache = cache(100, 10);
		load(cache, "k", ROWS, rows(1)).block();
		Cache.ValueWrapper wrapper = cache.get("k");
		assertThat(wrapper).isNotNull();
		assertThat(wrapper.get()).isEqualTo(rows(1));
		assertThat(cache.get("k", List.class)).isSameAs(wrapper.get());
		assertThat(cache.retrieve("k").join()).isSameAs(wrapper.get());
		// another type: a miss (a decode failure), as for an object entry
		assertThat(cache.get("k", String.class)).isNull();
		assertThat(cache.statistics().decodeFailures()).isEqualTo(1);
	}

	@Test
	void footprintCountsTheBytesAndTheDecodedForm() {
		MemoryZenooCache cache = cache(100, 10);
		load(cache, "k", ROWS, rows(1)).block();
		CompactValue compact = (CompactValue) held(cache, "k");
		long cold = cache.footprint().block().bytes();
		assertThat(cold).isEqualTo(HeapEstimator.ENTRY_OVERHEAD + HeapEstimator.keyBytes("k")
				+ HeapEstimator.COMPACT_HOLDER + ((16 + compact.bytes.length + 7) & ~7L));
		cache.find("k", ROWS).block();
		long hot = cache.footprint().block().bytes();
		assertThat(compact.decoded).isEqualTo(rows(1));
		// the decoded form as it is kept (an unmodifiable list of the decoded rows), not a copy built otherwise
		assertThat(hot - cold).isEqualTo(HeapEstimator.valueBytes(compact.decoded)).isPositive();
	}

	@Test
	void badStorageSettingsNameTheProperty() {
		assertThatThrownBy(() -> MemoryStorage.parse("bytes")).isInstanceOfSatisfying(InvalidCacheSpecException.class,
				(ex) -> {
					assertThat(ex.getSetting()).isEqualTo("storage");
					assertThat(ex.getAction()).contains("compact, objects");
				});
		assertThatThrownBy(() -> MemoryStorage.parse(null)).isInstanceOf(InvalidCacheSpecException.class);
		assertThatThrownBy(() -> MemoryCacheSpec.of("m").withStorage(null))
			.isInstanceOfSatisfying(InvalidCacheSpecException.class, (ex) -> assertThat(ex.getSetting()).isEqualTo("storage"));
		for (long bad : new long[] { 0, -1, 1001, Long.MAX_VALUE }) {
			assertThatThrownBy(() -> MemoryCacheSpec.of("m").withDecodedEntries(bad)).as("decoded-entries %d", bad)
				.isInstanceOfSatisfying(InvalidCacheSpecException.class, (ex) -> {
					assertThat(ex.getSetting()).isEqualTo("decoded-entries");
					assertThat(ex.getMessage()).contains(Long.toString(bad));
					assertThat(ex.getAction()).contains("max-size");
				});
		}
		assertThat(MemoryCacheSpec.of("m").withDecodedEntries(1000).decodedEntries()).isEqualTo(1000);
		assertThat(MemoryCacheSpec.of("m").withDecodedEntries(1).decodedEntries()).isEqualTo(1);
	}

	@Test
	void concurrentHitsAlwaysGetEqualValues() throws Exception {
		MemoryZenooCache cache = cache(1000, 10);
		List<List<Row>> originals = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			originals.add(rows(i));
			load(cache, i, ROWS, originals.get(i)).block();
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicLong lookups = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		List<Future<?>> runs = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int seed = t;
			runs.add(threads.submit(() -> {
				java.util.Random random = new java.util.Random(seed);
				try {
					while (System.nanoTime() < end && failure.get() == null) {
						int key = random.nextInt(100);
						Object value = (random.nextBoolean()) ? cache.find(key, ROWS).block()
								: load(cache, key, ROWS, rows(-1)).block();
						if (!originals.get(key).equals(value)) {
							throw new AssertionError("key " + key + ": " + value);
						}
						lookups.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}));
		}
		for (Future<?> run : runs) {
			run.get(10, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(failure.get()).isNull();
		assertThat(lookups.get()).isGreaterThan(1000);
		assertThat(cache.statistics().misses()).isEqualTo(100);
		assertThat(cache.statistics().decodeFailures()).isZero();
		assertThat(decodedInCache(cache)).isLessThanOrEqualTo(10);
	}

}
