package io.zenoo.repository;

import java.util.List;

import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.sample.PartnerRepository;
import io.zenoo.repository.sample.Partners;
import io.zenoo.test.OdooTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The built-in repository methods against the test server: what they send, what they return, and that reads are
 * cached like fluent queries while writes drop the model's entries.
 */
class RepositoryBuiltInTests {

	private static OdooTestServer server;

	private static RepositoryApp app;

	private static PartnerRepository partners;

	@BeforeAll
	static void start() {
		app = RepositoryApp.start();
		server = app.server();
		partners = app.partners();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void fresh() {
		server.reset();
		app.fresh();
	}

	private static ResPartner partner(long id) {
		return partners.findById(id).block();
	}

	@Test
	void findByIdReadsAndCaches() {
		assertThat(partner(15).name()).isEqualTo("Azure Interior");
		assertThat(partner(15).name()).isEqualTo("Azure Interior");
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(1);
		assertThat(partners.findById(99_999L).block()).isNull();
	}

	@Test
	void findAllByIdReadsOnce() {
		List<ResPartner> rows = partners.findAllById(List.of(9L, 10L, 99_999L)).collectList().block();
		assertThat(rows).extracting(ResPartner::id).containsExactlyInAnyOrder(9L, 10L);
		assertThat(server.calls().count("res.partner", "read")).isEqualTo(1);
	}

	@Test
	void findAllSortedAndPaged() {
		List<ResPartner> all = partners.findAll().collectList().block();
		assertThat(all).hasSizeGreaterThan(30);
		List<ResPartner> sorted = partners.findAll(Sort.by(Sort.Order.desc("id"))).collectList().block();
		assertThat(sorted.get(0).id()).isGreaterThan(sorted.get(1).id());
		assertThat(DerivedQueryTests.last(server, "search_read").kwargs()).containsEntry("order", "id desc");
		List<ResPartner> page = partners.findAll(PageRequest.of(2, 5, Sort.by("id"))).collectList().block();
		assertThat(DerivedQueryTests.last(server, "search_read").kwargs()).containsEntry("limit", 5L)
			.containsEntry("offset", 10L)
			.containsEntry("order", "id asc");
		assertThat(page).extracting(ResPartner::id).containsExactlyElementsOf(
				all.stream().map(ResPartner::id).sorted().skip(10).limit(5).toList());
		assertThatIllegalArgumentException().isThrownBy(() -> partners.findAll(Sort.by("nope")))
			.withMessageContaining("'nope' is not a component of ResPartner");
	}

	@Test
	void countAndExists() {
		assertThat(partners.count().block()).isEqualTo(partners.findAll().count().block());
		assertThat(partners.existsById(13L).block()).isTrue();
		assertThat(partners.existsById(99_999L).block()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> partners.existsById(0L));
	}

	@Test
	void saveCreatesThenWritesAndInvalidates() {
		ResPartner template = partner(13);
		long before = partners.count().block();
		ResPartner created = partners.save(Partners.copy(template, 0, "Zenoo Labs")).block();
		assertThat(created.id()).isPositive();
		assertThat(created.name()).isEqualTo("Zenoo Labs");
		assertThat(created.displayName()).isEqualTo("Zenoo Labs");
		assertThat(server.calls().count("res.partner", "create")).isEqualTo(1);
		// the count was cached before the create; the create dropped it
		assertThat(partners.count().block()).isEqualTo(before + 1);
		ResPartner renamed = partners.save(Partners.copy(created, created.id(), "Zenoo Labs SA")).block();
		assertThat(renamed.name()).isEqualTo("Zenoo Labs SA");
		assertThat(server.calls().count("res.partner", "write")).isEqualTo(1);
		assertThat(partner(created.id()).name()).isEqualTo("Zenoo Labs SA");
	}

	@Test
	void saveAllCreatesInOneCall() {
		ResPartner template = partner(13);
		List<ResPartner> saved = partners
			.saveAll(List.of(Partners.copy(template, 0, "A"), Partners.copy(template, 13, "OpenWood 2"), Partners.copy(template, 0, "B")))
			.collectList()
			.block();
		assertThat(saved).extracting(ResPartner::name).containsExactly("A", "OpenWood 2", "B");
		assertThat(saved.get(1).id()).isEqualTo(13L);
		assertThat(server.calls().count("res.partner", "create")).isEqualTo(1);
		assertThat(server.calls().count("res.partner", "write")).isEqualTo(1);
	}

	@Test
	void deleteByIdAndAllById() {
		assertThat(partner(35)).isNotNull();
		partners.deleteById(35L).block();
		assertThat(partner(35)).isNull();
		partners.deleteAllById(List.of(33L, 34L)).block();
		assertThat(server.calls().count("res.partner", "unlink")).isEqualTo(2);
		assertThat(partners.findAllById(List.of(33L, 34L)).collectList().block()).isEmpty();
	}

	@Test
	void queryGivesTheFluentApi() {
		assertThat(partners.query().model()).isEqualTo("res.partner");
	}

}
