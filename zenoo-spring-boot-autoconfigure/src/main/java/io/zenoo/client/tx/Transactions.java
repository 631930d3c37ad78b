package io.zenoo.client.tx;

import java.util.function.Function;

import io.zenoo.client.ZenooClient;
import reactor.core.publisher.Mono;

/**
 * The entry point {@link ZenooClient#transaction} delegates to; applications call that method instead.
 */
public final class Transactions {

	private Transactions() {
	}

	/**
	 * Run a unit of work on a client; see {@link ZenooClient#transaction}.
	 * @param <R> the result type
	 * @param client the client
	 * @param function builds the unit of work from the handle
	 * @return the function's result after the commit, or the failure after the rollback
	 * @throws IllegalArgumentException if the function is null
	 */
	public static <R> Mono<R> run(ZenooClient client, Function<OdooTransaction, ? extends Mono<R>> function) {
		if (client == null) {
			throw new IllegalArgumentException("client must not be null");
		}
		return UnitOfWork.run(client, function);
	}

}
