package io.zenoo.client.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.ProductCategory;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResCountryState;
import io.zenoo.client.model.ResCurrency;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.ResUsers;
import io.zenoo.client.model.SaleOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record of the recorded Odoo 18 demo data maps into the typed records, with values checked by hand.
 */
class DemoDataMappingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Class<? extends Record>> TYPES = Map.of("res.partner", ResPartner.class,
			"res.users", ResUsers.class, "res.country", ResCountry.class, "res.country.state", ResCountryState.class,
			"res.currency", ResCurrency.class, "product.category", ProductCategory.class, "sale.order",
			SaleOrder.class);

	static JsonNode demo(String model) {
		try (InputStream in = DemoDataMappingTest.class.getClassLoader()
			.getResourceAsStream("io/zenoo/test/odoo18/" + model + ".json")) {
			assertThat(in).as("demo data for " + model).isNotNull();
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> List<T> readAll(Class<T> type) {
		RecordMapper<T> mapper = RecordMapper.of(type);
		JsonNode file = demo(mapper.model());
		List<T> records = mapper.readAll(file.get("records"));
		assertThat(records).hasSize(file.get("records").size());
		return records;
	}

	@Test
	void everyRecordOfEveryModelMapsAndEveryFieldIsRequested() {
		int total = 0;
		for (Map.Entry<String, Class<? extends Record>> entry : TYPES.entrySet()) {
			RecordMapper<? extends Record> mapper = RecordMapper.of(entry.getValue());
			assertThat(mapper.model()).isEqualTo(entry.getKey());
			JsonNode file = demo(entry.getKey());
			assertThat(file.get("model").asString()).isEqualTo(entry.getKey());
			Set<String> expectedFields = new LinkedHashSet<>();
			expectedFields.add("id");
			expectedFields.addAll(file.get("fields").propertyNames());
			assertThat(mapper.fieldNames()).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(expectedFields);
			List<? extends Record> records = mapper.readAll(file.get("records"));
			assertThat(records).hasSize(file.get("records").size()).doesNotContainNull();
			total += records.size();
		}
		assertThat(total).isEqualTo(43 + 8 + 250 + 1765 + 169 + 11 + 20);
	}

	@Test
	void partners() {
		List<ResPartner> partners = readAll(ResPartner.class);
		ResPartner company = partners.stream().filter((p) -> p.id() == 1).findFirst().orElseThrow();
		assertThat(company.name()).isEqualTo("YourCompany");
		assertThat(company.isCompany()).isTrue();
		assertThat(company.countryId()).isEqualTo(new Many2One(233, "United States"));
		assertThat(company.stateId()).isEqualTo(new Many2One(13, "California (US)"));
		assertThat(company.parentId()).isNull();
		assertThat(company.companyId()).isNull();
		assertThat(company.vat()).isNull();
		assertThat(company.comment()).isNull();
		assertThat(company.childIds()).containsExactly(40L, 41L);
		assertThat(company.categoryId()).isEmpty();
		assertThat(company.createDate()).isEqualTo(LocalDateTime.of(2026, 11, 24, 20, 53, 18));
		assertThat(company.writeDate()).isEqualTo(LocalDateTime.of(2026, 11, 24, 20, 53, 45));
		ResPartner deco = partners.stream().filter((p) -> p.id() == 10).findFirst().orElseThrow();
		assertThat(deco.customerRank()).isEqualTo(8);
		assertThat(deco.vat()).isEqualTo("US12345673");
		assertThat(deco.categoryId()).containsExactly(7L);
		assertThat(deco.childIds()).containsExactly(36L, 19L, 20L);
		assertThat(deco.type()).isEqualTo("contact");
		ResPartner chester = partners.stream().filter((p) -> p.id() == 40).findFirst().orElseThrow();
		assertThat(chester.parentId()).isEqualTo(new Many2One(1, "YourCompany"));
		assertThat(chester.function()).isEqualTo("Chief Executive Officer (CEO)");
		assertThat(chester.website()).isNull();
	}

	@Test
	void usersCountriesStatesCurrenciesCategoriesOrders() {
		List<ResUsers> users = readAll(ResUsers.class);
		assertThat(users.get(0).login()).isEqualTo("__system__");
		assertThat(users.get(0).active()).isFalse();
		assertThat(users.get(0).companyIds()).containsExactly(1L);
		assertThat(users.get(0).tz()).isEqualTo("Europe/Brussels");
		assertThat(users.stream().filter((u) -> u.login().equals("default")).findFirst().orElseThrow().tz()).isNull();

		ResCountry belgium = readAll(ResCountry.class).stream()
			.filter((c) -> "BE".equals(c.code()))
			.findFirst()
			.orElseThrow();
		assertThat(belgium.id()).isEqualTo(20);
		assertThat(belgium.currencyId()).isEqualTo(new Many2One(125, "EUR"));
		assertThat(belgium.phoneCode()).isEqualTo(32);
		assertThat(belgium.stateIds()).isEmpty();

		List<ResCountryState> states = readAll(ResCountryState.class);
		assertThat(states.get(states.size() - 1))
			.isEqualTo(new ResCountryState(1765, "Sejong", "KR-50", new Many2One(121, "South Korea")));

		ResCurrency vef = readAll(ResCurrency.class).stream()
			.filter((c) -> "VEF".equals(c.name()))
			.findFirst()
			.orElseThrow();
		assertThat(vef).isEqualTo(new ResCurrency(2, "VEF", "Bs.F", 5.864, false, 2, "after", 0.01));

		ProductCategory all = readAll(ProductCategory.class).get(0);
		assertThat(all).isEqualTo(new ProductCategory(1, "All", "All", null, List.of(9L, 3L, 10L, 4L, 2L)));

		SaleOrder order = readAll(SaleOrder.class).get(0);
		assertThat(order.name()).isEqualTo("S00001");
		assertThat(order.partnerId()).isEqualTo(new Many2One(10, "Deco Addict"));
		assertThat(order.dateOrder()).isEqualTo(LocalDateTime.of(2026, 10, 24, 20, 54, 0));
		assertThat(order.state()).isEqualTo("draft");
		assertThat(order.amountTotal()).isEqualByComparingTo(new BigDecimal("1740"));
		assertThat(order.amountTotal()).isEqualTo(new BigDecimal("1740.0"));
		assertThat(order.amountTax()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(order.orderLine()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void typedResultsAreImmutable() {
		ResPartner company = readAll(ResPartner.class).get(0);
		assertThat(company.childIds()).isUnmodifiable();
		assertThat(company.categoryId()).isUnmodifiable();
		assertThat(readAll(SaleOrder.class)).isUnmodifiable();
	}

	@Test
	void untypedRowsOfEveryFileMapToImmutableMaps() {
		for (String model : TYPES.keySet()) {
			JsonNode records = demo(model).get("records");
			List<Map<String, Object>> rows = MapRowMapper.instance().readAll(records);
			assertThat(rows).hasSize(records.size()).isUnmodifiable();
			assertThat(rows.get(0)).isUnmodifiable().containsKey("id");
		}
	}

}
