package io.zenoo.client;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zenoo.cache.CacheStrategy;
import io.zenoo.cache.MemoryCacheSpec;
import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooTransportException;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.ResUsers;
import io.zenoo.test.OdooTestServer;
import io.zenoo.test.OdooTestUsers;
import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes through the client invalidate the written model's cached queries in this instance (a memory-only cache
 * manager): for every user, at once, for create, createAll, update, delete, generic calls of mutating methods and
 * related models; not for errors Odoo reported; also for transport failures, whose outcome is unknown.
 */
class AutomaticInvalidationTests {

	private static OdooTestServer server;

	private ZenooCacheManager caches;

	private ZenooClient admin;

	private ZenooClient demo;

	@RegisterExtension
	static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

	@BeforeEach
	void setUp() {
		this.caches = new ZenooCacheManager();
		this.caches.setupMemoryCache(new MemoryCacheSpec("memory", 500, Duration.ofMinutes(5), CacheStrategy.TTL));
		this.admin = TestClients.admin(server, this.caches);
		this.demo = this.admin.withCredentials(OdooTestUsers.DEMO_LOGIN, OdooTestUsers.DEMO_PASSWORD);
	}

	@AfterEach
	void tearDown() {
		this.admin.close();
		this.caches.destroy();
	}

	private static int calls(String model, String method) {
		return server.calls().count(model, method);
	}

	private static String city(ZenooClient client) {
		return client.model(ResPartner.class).filter("id", 13).first().block().city();
	}

	private static long partners(ZenooClient client) {
		return client.model(ResPartner.class).count().block();
	}

	@Test
	void updateInvalidatesTheModelForEveryUser() {
		assertThat(city(this.admin)).isEqualTo("Florenville");
		assertThat(city(this.demo)).isEqualTo("Florenville");
		assertThat(city(this.admin)).isEqualTo("Florenville");
		assertThat(calls("res.partner", "search_read")).as("one read per user, then a hit").isEqualTo(2);

		assertThat(this.admin.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block()).isTrue();

		assertThat(city(this.admin)).isEqualTo("Bouillon");
		assertThat(city(this.demo)).as("another user's entry too").isEqualTo("Bouillon");
		assertThat(calls("res.partner", "search_read")).isEqualTo(4);
	}

	@Test
	void createCreateAllAndDeleteInvalidateTheModel() {
		long before = partners(this.admin);
		long demoBefore = partners(this.demo);
		long id = this.admin.model(ResPartner.class).create(Map.of("name", "Invalidation One")).block();
		assertThat(partners(this.admin)).isEqualTo(before + 1);
		assertThat(partners(this.demo)).isEqualTo(demoBefore + 1);

		List<Long> ids = this.admin.model("res.partner")
			.createAll(List.of(Map.of("name", "Invalidation Two"), Map.of("name", "Invalidation Three")))
			.block();
		assertThat(partners(this.admin)).isEqualTo(before + 3);

		this.admin.model(ResPartner.class).delete(ids).block();
		this.demo.model(ResPartner.class).delete(id).block();
		assertThat(partners(this.admin)).isEqualTo(before);
		assertThat(partners(this.demo)).isEqualTo(demoBefore);
		assertThat(calls("res.partner", "search_count")).as("every read after a write asked Odoo").isEqualTo(7);
	}

	@Test
	void aGenericCallOfAMutatingMethodInvalidatesItsModel() {
		long before = partners(this.admin);
		this.admin.call("res.partner", "name_create", List.of("Invalidation Co"), Map.of()).block();
		assertThat(partners(this.admin)).isEqualTo(before + 1);
		assertThat(calls("res.partner", "search_count")).isEqualTo(2);
	}

	@Test
	void aGenericCallOfAReadingMethodInvalidatesNothing() {
		long before = partners(this.admin);
		this.admin.call("res.partner", "search_count", List.of(List.of()), Map.of()).block();
		server.store().create("res.partner", Map.of("name", "Behind the client's back"));
		assertThat(partners(this.admin)).as("still the cached count").isEqualTo(before);
		assertThat(calls("res.partner", "search_count")).isEqualTo(2);
	}

	@Test
	void relatedModelsAreInvalidatedWithTheModelAndOthersAreNot() {
		this.caches.addRelatedModels("res.partner", "res.users");
		QueryBuilder<ResUsers> demoUser = this.admin.model(ResUsers.class).filter("id", 6);
		QueryBuilder<ResCountry> belgium = this.admin.model(ResCountry.class).filter("code", "BE");
		String name = demoUser.first().block().name();
		belgium.all().block();
		// the users' rows show partner data: a change of the partner changes them
		server.store().write("res.users", 6, Map.of("name", "Renamed With Partner"));

		this.admin.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();

		assertThat(demoUser.first().block().name()).isNotEqualTo(name).isEqualTo("Renamed With Partner");
		assertThat(calls("res.users", "search_read")).isEqualTo(2);
		belgium.all().block();
		assertThat(calls("res.country", "search_read")).as("an unrelated model keeps its entries").isEqualTo(1);
	}

	@Test
	void anErrorOdooReportedInvalidatesNothing() {
		assertThat(city(this.admin)).isEqualTo("Florenville");
		server.store().write("res.partner", 13, Map.of("city", "Changed behind the client's back"));
		assertThatThrownBy(() -> this.admin.model(ResPartner.class).update(13, Map.of("no_such_field", 1)).block())
			.isInstanceOf(OdooServerException.class);
		assertThat(city(this.admin)).as("Odoo rolled the write back: the entry stays").isEqualTo("Florenville");
		assertThat(calls("res.partner", "search_read")).isEqualTo(1);
	}

	@Test
	void aTransportFailureInvalidatesSinceTheWriteMayHaveRun() {
		assertThat(city(this.admin)).isEqualTo("Florenville");
		server.store().write("res.partner", 13, Map.of("city", "Bouillon"));
		server.faults().dropConnection(1);
		assertThatThrownBy(() -> this.admin.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block())
			.isInstanceOf(OdooTransportException.class);
		assertThat(city(this.admin)).isEqualTo("Bouillon");
		assertThat(calls("res.partner", "search_read")).isEqualTo(2);
	}

	@Test
	void aReadAssembledBeforeAWriteButSubscribedAfterItReadsAfresh() {
		Mono<List<ResPartner>> read = this.admin.model(ResPartner.class).filter("id", 13).all();
		assertThat(read.block().get(0).city()).isEqualTo("Florenville");
		this.admin.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();
		assertThat(read.block().get(0).city()).as("the generation is taken when subscribed to").isEqualTo("Bouillon");
	}

	@Test
	void theWriteCompletesOnlyOnceTheModelIsInvalidated() {
		ZenooCache memory = this.caches.getCache("memory");
		long before = this.caches.generation(memory, "res.partner");
		Mono<Boolean> update = this.admin.model(ResPartner.class).update(13, Map.of("city", "Bouillon"));
		assertThat(this.caches.generation(memory, "res.partner")).as("nothing happens before subscribing")
			.isEqualTo(before);
		update.block();
		assertThat(this.caches.generation(memory, "res.partner")).isNotEqualTo(before);
		assertThat(this.caches.generation(memory, "res.country")).isZero();
	}

	@Test
	void aUnitOfWorkCanDeferTheInvalidationAndInvalidateOnce() {
		Set<String> touched = new HashSet<>();
		ZenooClient unitOfWork = this.admin.withWriteInvalidator((models) -> Mono.fromRunnable(() -> touched.addAll(models)));
		assertThat(city(this.admin)).isEqualTo("Florenville");
		unitOfWork.model(ResPartner.class).update(13, Map.of("city", "Bouillon")).block();
		unitOfWork.call("res.partner", "name_create", List.of("Deferred Co"), Map.of()).block();
		assertThat(touched).containsExactly("res.partner");
		assertThat(city(this.admin)).as("not invalidated yet").isEqualTo("Florenville");

		this.caches.invalidateModels(touched).block();
		assertThat(city(this.admin)).isEqualTo("Bouillon");
		assertThat(calls("res.partner", "search_read")).isEqualTo(2);
	}

}
