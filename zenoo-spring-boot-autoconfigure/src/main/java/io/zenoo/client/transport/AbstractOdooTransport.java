package io.zenoo.client.transport;

import java.util.Objects;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClientSettings;

/**
 * What every transport shares: its settings, the HTTP side it may own, the retry policy, who it acts as, and how it
 * hands out transports for other users over the same connection pool.
 */
abstract class AbstractOdooTransport implements OdooTransport {

	final ZenooClientSettings settings;

	final OdooHttp http;

	final Retries retries;

	private final boolean ownsHttp;

	AbstractOdooTransport(OdooHttp http, ZenooClientSettings settings, boolean ownsHttp) {
		this.settings = settings;
		this.http = http;
		this.retries = new Retries(settings);
		this.ownsHttp = ownsHttp;
	}

	/**
	 * A transport of the same protocol over the given HTTP side, which it does not own.
	 */
	abstract OdooTransport sharing(OdooHttp http, ZenooClientSettings settings);

	@Override
	public final OdooTransport withCredentials(OdooCredentials credentials) {
		Objects.requireNonNull(credentials, "credentials must not be null");
		return sharing(this.http, this.settings.withCredentials(credentials));
	}

	@Override
	public final String server() {
		return OdooHttp.serverName(this.settings.url());
	}

	@Override
	public final String database() {
		return this.settings.database();
	}

	@Override
	public final String login() {
		return this.settings.credentials().login();
	}

	@Override
	public final OdooBulkhead bulkhead() {
		return this.http.bulkhead();
	}

	@Override
	public final void close() {
		if (this.ownsHttp) {
			this.http.close();
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + server() + ", database=" + database() + ", login=" + login() + "]";
	}

}
