package io.zenoo.actuate;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import io.zenoo.client.ZenooClient;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health {@code odoo}: UP when the server answers its version and the client's user can authenticate, within a short
 * timeout; details: server version, database and login. DOWN with the reason (exception class and message, never a
 * password or API key) otherwise.
 */
public class OdooHealthIndicator implements ReactiveHealthIndicator {

	private final ZenooClient client;

	private final Duration timeout;

	/**
	 * Create an indicator.
	 * @param client the client whose server and user are checked
	 * @param timeout how long the whole check may take
	 */
	public OdooHealthIndicator(ZenooClient client, Duration timeout) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
	}

	@Override
	public Mono<Health> health() {
		return this.client.refreshVersion()
			.zipWith(this.client.uid())
			.timeout(this.timeout, Mono.error(() -> new TimeoutException(
					"Odoo did not answer within " + this.timeout.toMillis() + " ms")))
			.map((both) -> Health.up()
				.withDetail("serverVersion", both.getT1().serverVersion())
				.withDetail("database", this.client.database())
				.withDetail("login", this.client.login())
				.build())
			.onErrorResume((ex) -> Mono.just(Health.down()
				.withDetail("database", this.client.database())
				.withDetail("login", this.client.login())
				.withDetail("error", Failures.describe(ex))
				.build()));
	}

}
