package io.zenoo.client.error;

/**
 * A request to Odoo was not sent because the client already had as many requests in flight as
 * {@code zenoo.odoo.max-concurrent-requests} allows and the queue of waiting requests was full
 * ({@code zenoo.odoo.max-queued-requests}), or the request waited longer than {@code zenoo.odoo.queue-timeout}.
 * <p>
 * Not {@link #isTransient() transient}: retrying at once would only add to the load that caused it.
 */
public class OdooBulkheadFullException extends OdooTransportException {

	private static final long serialVersionUID = 1L;

	private final boolean timedOut;

	/**
	 * Creates the exception.
	 * @param message what was refused and why, naming the call and the limits
	 * @param timedOut {@code true} if the request waited too long, {@code false} if the queue was full
	 */
	public OdooBulkheadFullException(String message, boolean timedOut) {
		super(message, null);
		this.timedOut = timedOut;
	}

	/**
	 * Whether the request waited longer than the queue timeout, rather than finding the queue full.
	 * @return {@code true} after a timeout
	 */
	public boolean isTimedOut() {
		return this.timedOut;
	}

}
