package io.zenoo.client.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.zenoo.client.OdooCallObserver;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A lazily started authentication (a uid or a web session) shared by every caller: concurrent first calls subscribe
 * to one login, its value is kept, a failure is not (the next call tries again). {@link #renew} replaces an expired
 * value exactly once even when many calls notice the expiry together.
 * <p>
 * Each login actually sent is observed once, as {@code call}, by the {@link OdooCallObserver} in the Reactor context
 * of the caller that started it; callers served the kept value are not observed again.
 *
 * @param <T> what authenticating yields
 */
final class SharedAuthentication<T> {

	// Long enough to mean "until renewed", short enough for Reactor to schedule without overflow.
	private static final Duration KEEP = Duration.ofDays(365L * 100);

	private final OdooCall call;

	private final Supplier<Mono<T>> login;

	private final AtomicReference<@Nullable Mono<T>> current = new AtomicReference<>();

	/**
	 * @param call what the login is observed as
	 * @param login sends one login
	 */
	SharedAuthentication(OdooCall call, Supplier<Mono<T>> login) {
		this.call = call;
		this.login = login;
	}

	/** The current authentication, started on first subscription. */
	Mono<T> current() {
		Mono<T> existing = this.current.get();
		if (existing != null) {
			return existing;
		}
		Mono<T> created = share();
		return this.current.compareAndSet(null, created) ? created : this.current.get();
	}

	/**
	 * A new authentication replacing {@code expired}, or the one another caller already put in its place.
	 * @param expired the authentication whose value the server no longer accepts
	 */
	Mono<T> renew(Mono<T> expired) {
		Mono<T> fresh = share();
		return this.current.compareAndSet(expired, fresh) ? fresh : current();
	}

	private Mono<T> share() {
		return Mono
			.deferContextual((context) -> OdooCallObserver.from(context).observe(this.call, Mono.defer(this.login)))
			.cache((value) -> KEEP, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

}
