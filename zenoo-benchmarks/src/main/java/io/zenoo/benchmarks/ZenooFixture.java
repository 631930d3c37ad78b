package io.zenoo.benchmarks;

import java.util.List;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import org.jspecify.annotations.Nullable;

/**
 * The in-process Odoo test server and a caching client on it, as the cache-hit benchmarks share them; the query is the
 * one every cache-hit benchmark reads: the companies among the partners.
 */
final class ZenooFixture implements AutoCloseable {

	private static final int WARM_ATTEMPTS = 5;

	private final OdooTestServer server = OdooTestServer.start();

	private final ZenooCacheManager cacheManager = new ZenooCacheManager();

	private final ZenooClient client = ZenooClient.create(ZenooClientSettings.of(this.server.url(),
			this.server.database(), OdooCredentials.password(OdooTestUsers.ADMIN_LOGIN, OdooTestUsers.ADMIN_PASSWORD)),
			this.cacheManager);

	ZenooCacheManager cacheManager() {
		return this.cacheManager;
	}

	ZenooClient client() {
		return this.client;
	}

	/**
	 * The companies, through the named cache (or the default one), with the query built afresh as an application
	 * would build it.
	 */
	List<ResPartner> companies(@Nullable String cacheName) {
		var query = this.client.model(ResPartner.class).filter(Domain.field("is_company").eq(true));
		return ((cacheName != null) ? query.cache(cacheName) : query).all().block();
	}

	/**
	 * Fill the cache with the query's result and check that the next read is a hit of that cache.
	 * @return the cached rows
	 */
	List<ResPartner> warm(ZenooCache cache) {
		String name = cache.getName();
		List<ResPartner> loaded = companies(name);
		if (loaded == null || loaded.isEmpty()) {
			throw new IllegalStateException("the test server returned no companies");
		}
		// On a loaded machine a Redis cache's generations may still be loading for the first read (which then gets a
		// private generation, so its entry is not the one the next read looks for): a few reads settle it.
		for (int attempt = 0; attempt < WARM_ATTEMPTS; attempt++) {
			long hits = cache.statistics().hits();
			List<ResPartner> again = companies(name);
			if (cache.statistics().hits() == hits + 1 && loaded.equals(again)) {
				return again;
			}
		}
		throw new IllegalStateException("cache '" + name + "' did not serve the warmed query in " + WARM_ATTEMPTS
				+ " reads: " + cache.statistics());
	}

	@Override
	public void close() {
		try {
			this.client.close();
			this.cacheManager.destroy();
		}
		finally {
			this.server.close();
		}
	}

}
