package io.zenoo.cache;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hit that read an entry before a refresh of it completed saw the old entry: once that refresh is over it must not
 * start another one (an extra Odoo call under a burst of hits).
 */
class RefreshAheadRaceTests {

	private final ZenooCacheStatistics statistics = new ZenooCacheStatistics();

	private final RefreshAhead refreshes = new RefreshAhead("race", this.statistics);

	private final AtomicInteger loads = new AtomicInteger();

	private Mono<Object> refresh() {
		return Mono.fromSupplier(this.loads::incrementAndGet);
	}

	@Test
	void aHitThatLookedUpBeforeARefreshCompletedStartsNoOther() {
		long before = this.refreshes.completions();
		this.refreshes.startIfNoneCompletedSince("k", before, refresh(), Context.empty());
		assertThat(this.loads).hasValue(1);
		assertThat(this.refreshes.running()).isZero();

		// a hit whose lookup started before that refresh completed: it may have read the old entry
		this.refreshes.startIfNoneCompletedSince("k", before, refresh(), Context.empty());
		assertThat(this.loads).hasValue(1);

		// a hit whose lookup started afterwards, and another key, refresh as usual
		this.refreshes.startIfNoneCompletedSince("k", this.refreshes.completions(), refresh(), Context.empty());
		this.refreshes.startIfNoneCompletedSince("other", before, refresh(), Context.empty());
		assertThat(this.loads).hasValue(3);
		assertThat(this.statistics.refreshes()).isEqualTo(3);
	}

	@Test
	void aHitOnAnEntryNoLongerInPlaceStartsNothingAndLeavesTheKeyFree() {
		this.refreshes.startIfCurrent("k", () -> false, refresh(), Context.empty());
		assertThat(this.loads).hasValue(0);
		assertThat(this.refreshes.running()).isZero();
		assertThat(this.statistics.refreshes()).isZero();

		this.refreshes.startIfCurrent("k", () -> true, refresh(), Context.empty());
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void aRunningRefreshIsNotStartedTwice() {
		this.refreshes.startIfCurrent("k", () -> true, Mono.never(), Context.empty());
		this.refreshes.startIfCurrent("k", () -> true, refresh(), Context.empty());
		this.refreshes.startIfNoneCompletedSince("k", this.refreshes.completions(), refresh(), Context.empty());
		assertThat(this.loads).hasValue(0);
		assertThat(this.refreshes.running()).isEqualTo(1);
		assertThat(this.statistics.refreshes()).isEqualTo(1);
	}

}
