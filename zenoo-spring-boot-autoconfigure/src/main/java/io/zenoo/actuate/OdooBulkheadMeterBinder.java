package io.zenoo.actuate;

import java.util.Objects;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zenoo.client.transport.OdooBulkhead;
import io.zenoo.client.transport.OdooTransport;

/**
 * Binds an {@link OdooBulkhead} to a Micrometer registry, tagged {@code server}: the gauges
 * {@code zenoo.odoo.requests.active} (requests holding a place) and {@code zenoo.odoo.requests.queued} (requests
 * waiting for one), and the counter {@code zenoo.odoo.requests.rejected} (requests refused because the queue was full
 * or they waited too long).
 */
public class OdooBulkheadMeterBinder implements MeterBinder {

	/** Gauge of the requests in flight. */
	public static final String ACTIVE = "zenoo.odoo.requests.active";

	/** Gauge of the requests waiting for a place. */
	public static final String QUEUED = "zenoo.odoo.requests.queued";

	/** Counter of refused requests. */
	public static final String REJECTED = "zenoo.odoo.requests.rejected";

	private final OdooTransport transport;

	/**
	 * Create a binder.
	 * @param transport the transport whose {@link OdooTransport#bulkhead() bulkhead} to report (none: no meters),
	 * tagged with its {@link OdooTransport#server() server}
	 */
	public OdooBulkheadMeterBinder(OdooTransport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		OdooBulkhead bulkhead = this.transport.bulkhead();
		if (bulkhead == null) {
			return;
		}
		Tags tags = Tags.of("server", this.transport.server());
		Gauge.builder(ACTIVE, bulkhead, OdooBulkhead::inFlight)
			.description("Odoo requests in flight (counted when zenoo.odoo.max-concurrent-requests is set)")
			.tags(tags)
			.register(registry);
		Gauge.builder(QUEUED, bulkhead, OdooBulkhead::queued)
			.description("Odoo requests waiting for a place under zenoo.odoo.max-concurrent-requests")
			.tags(tags)
			.register(registry);
		FunctionCounter.builder(REJECTED, bulkhead, OdooBulkhead::rejected)
			.description("Odoo requests refused because the queue was full or the wait too long")
			.tags(tags)
			.register(registry);
	}

}
