package io.zenoo.repository;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.repository.sample.PartnerRepository;
import io.zenoo.repository.sample.RepositoryTestApplication;
import io.zenoo.test.OdooTestServer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test server with the sample repository application running on it, shared by the tests of one class.
 */
final class RepositoryApp implements AutoCloseable {

	private final OdooTestServer server;

	private final ConfigurableApplicationContext context;

	private RepositoryApp(OdooTestServer server, ConfigurableApplicationContext context) {
		this.server = server;
		this.context = context;
	}

	/** @return a started server and application */
	static RepositoryApp start() {
		OdooTestServer server = OdooTestServer.start();
		return new RepositoryApp(server, RepositoryTestApplication.start(server));
	}

	OdooTestServer server() {
		return this.server;
	}

	PartnerRepository partners() {
		return this.context.getBean(PartnerRepository.class);
	}

	/** Empties the caches and forgets the recorded calls, so that a test sees only its own. */
	void fresh() {
		this.context.getBean(ZenooCacheManager.class).clearAllCaches().block();
		this.server.calls().clear();
	}

	@Override
	public void close() {
		this.context.close();
		this.server.close();
	}

}
