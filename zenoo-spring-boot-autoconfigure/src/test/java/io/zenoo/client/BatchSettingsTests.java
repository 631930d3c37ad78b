package io.zenoo.client;

import java.time.Duration;

import io.zenoo.test.OdooTestUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link BatchSettings} checks its values, and every copy of {@link ZenooClientSettings} keeps them.
 */
class BatchSettingsTests {

	@Test
	void badValuesAreRefusedWithTheirName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchSettings(Duration.ofMillis(-1), 10))
			.withMessage("batch window must not be negative, got PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> new BatchSettings(Duration.ofMillis(1), 0))
			.withMessage("batch max size must be at least 1, got 0");
		assertThatNullPointerException().isThrownBy(() -> new BatchSettings(null, 10))
			.withMessage("window must not be null");
	}

	@Test
	void onlyAZeroWindowTurnsBatchingOff() {
		assertThat(BatchSettings.OFF.enabled()).isFalse();
		assertThat(new BatchSettings(Duration.ZERO, 50).enabled()).isFalse();
		assertThat(BatchSettings.DEFAULT.enabled()).isTrue();
		assertThat(new BatchSettings(Duration.ofNanos(1), 1).enabled()).isTrue();
	}

	@Test
	void clientSettingsKeepTheirBatchingThroughEveryCopy() {
		BatchSettings batching = new BatchSettings(Duration.ofMillis(7), 12);
		ZenooClientSettings settings = ZenooClientSettings.of("http://localhost:8069", "demo",
				OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD));
		assertThat(settings.batching()).isEqualTo(BatchSettings.DEFAULT);

		ZenooClientSettings custom = settings.withBatching(batching);

		assertThat(custom.withProtocol(OdooProtocol.SESSION).batching()).isEqualTo(batching);
		assertThat(custom.withCredentials(OdooCredentials.password("demo", "demo")).batching()).isEqualTo(batching);
		assertThat(custom.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).batching()).isEqualTo(batching);
		assertThat(custom.withRetry(0, Duration.ZERO).batching()).isEqualTo(batching);
		assertThat(custom.withMaxResponseBytes(1024).batching()).isEqualTo(batching);
		assertThatNullPointerException().isThrownBy(() -> settings.withBatching(null))
			.withMessage("batching must not be null");
	}

}
