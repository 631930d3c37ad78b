package io.zenoo.client.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooField;
import io.zenoo.client.model.OdooModel;
import io.zenoo.client.model.OdooValue;
import io.zenoo.client.model.ResPartner;
import io.zenoo.client.model.SaleOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RecordMapper}: conversions, names, errors and write values.
 */
class RecordMapperTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum State {

		@OdooValue("draft")
		DRAFT,

		@OdooValue("sale")
		SALE,

		CANCEL

	}

	@OdooModel("test.thing")
	record Thing(long id, String name, boolean active, int count, Long bigCount, double rate, BigDecimal amount,
			LocalDate day, LocalDateTime moment, Instant instant, OffsetDateTime offset, Many2One partnerId,
			List<Long> tagIds, List<Integer> lineIds, State state, byte[] image, Optional<String> email,
			Map<String, Object> extra, JsonNode raw, Object anything,
			@OdooField(value = "x_custom", readOnly = false) String custom,
			@OdooField(readOnly = true) String displayName) {
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text.replace('\'', '"'));
	}

	private static final String FULL = "{'id': 7, 'name': 'Widget', 'active': true, 'count': 3, 'big_count': "
			+ "9000000000, 'rate': 1.25, 'amount': 1740.1, 'day': '2026-01-31', 'moment': '2026-11-24 20:53:18', "
			+ "'instant': '2026-11-24 20:53:18', 'offset': '2026-11-24 20:53:18', 'partner_id': [10, 'Deco Addict'], "
			+ "'tag_ids': [1, 2], 'line_ids': [3], 'state': 'sale', 'image': 'aGVsbG8=', 'email': 'a@b.c', "
			+ "'extra': {'k': [1, false]}, 'raw': {'x': 1}, 'anything': [1, 'two'], 'x_custom': 'c', "
			+ "'display_name': 'Widget (7)'}";

	private static final String EMPTY = "{'id': 8, 'name': false, 'active': false, 'count': false, "
			+ "'big_count': false, 'rate': false, 'amount': false, 'day': false, 'moment': false, 'instant': false, "
			+ "'offset': false, 'partner_id': false, 'tag_ids': false, 'line_ids': [], 'state': false, "
			+ "'image': false, 'email': false, 'extra': false, 'raw': false, 'anything': false, 'x_custom': false, "
			+ "'display_name': false}";

	@Test
	void readsEverySupportedType() {
		Thing thing = RecordMapper.of(Thing.class).read(json(FULL));
		assertThat(thing.id()).isEqualTo(7);
		assertThat(thing.name()).isEqualTo("Widget");
		assertThat(thing.active()).isTrue();
		assertThat(thing.count()).isEqualTo(3);
		assertThat(thing.bigCount()).isEqualTo(9_000_000_000L);
		assertThat(thing.rate()).isEqualTo(1.25);
		assertThat(thing.amount()).isEqualTo(new BigDecimal("1740.1"));
		assertThat(thing.day()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(thing.moment()).isEqualTo(LocalDateTime.of(2026, 11, 24, 20, 53, 18));
		assertThat(thing.instant()).isEqualTo(Instant.parse("2026-11-24T20:53:18Z"));
		assertThat(thing.offset()).isEqualTo(OffsetDateTime.of(2026, 11, 24, 20, 53, 18, 0, ZoneOffset.UTC));
		assertThat(thing.partnerId()).isEqualTo(new Many2One(10, "Deco Addict"));
		assertThat(thing.tagIds()).containsExactly(1L, 2L).isUnmodifiable();
		assertThat(thing.lineIds()).containsExactly(3);
		assertThat(thing.state()).isEqualTo(State.SALE);
		assertThat(thing.image()).asString().isEqualTo("hello");
		assertThat(thing.email()).contains("a@b.c");
		assertThat(thing.extra()).isEqualTo(Map.of("k", List.of(1L, false))).isUnmodifiable();
		assertThat(thing.raw().get("x").asInt()).isEqualTo(1);
		assertThat(thing.anything()).isEqualTo(List.of(1L, "two"));
		assertThat(thing.custom()).isEqualTo("c");
		assertThat(thing.displayName()).isEqualTo("Widget (7)");
	}

	@Test
	void odooFalseIsEmpty() {
		Thing thing = RecordMapper.of(Thing.class).read(json(EMPTY));
		assertThat(thing.name()).isNull();
		assertThat(thing.active()).isFalse();
		assertThat(thing.count()).isZero();
		assertThat(thing.bigCount()).isNull();
		assertThat(thing.rate()).isZero();
		assertThat(thing.amount()).isNull();
		assertThat(thing.day()).isNull();
		assertThat(thing.moment()).isNull();
		assertThat(thing.instant()).isNull();
		assertThat(thing.partnerId()).isNull();
		assertThat(thing.tagIds()).isEmpty();
		assertThat(thing.lineIds()).isEmpty();
		assertThat(thing.state()).isNull();
		assertThat(thing.image()).isNull();
		assertThat(thing.email()).isEmpty();
		assertThat(thing.extra()).isNull();
		assertThat(thing.anything()).isEqualTo(false);
		assertThat(thing.custom()).isNull();
	}

	@Test
	void missingFieldsReadAsEmpty() {
		Thing thing = RecordMapper.of(Thing.class).read(json("{'id': 9}"));
		assertThat(thing.id()).isEqualTo(9);
		assertThat(thing.name()).isNull();
		assertThat(thing.tagIds()).isEmpty();
		assertThat(thing.raw()).isNull();
	}

	@Test
	void namesAndModel() {
		RecordMapper<Thing> mapper = RecordMapper.of(Thing.class);
		assertThat(mapper.model()).isEqualTo("test.thing");
		assertThat(mapper.fieldNames()).containsExactly("id", "name", "active", "count", "big_count", "rate", "amount",
				"day", "moment", "instant", "offset", "partner_id", "tag_ids", "line_ids", "state", "image", "email",
				"extra", "raw", "anything", "x_custom", "display_name");
		assertThat(mapper.fieldNames()).isUnmodifiable();
		assertThat(RecordMapper.of(Thing.class)).isSameAs(mapper);
		assertThat(FieldNames.snakeCase("countryId")).isEqualTo("country_id");
		assertThat(FieldNames.snakeCase("isCompany")).isEqualTo("is_company");
		assertThat(FieldNames.snakeCase("customerRank")).isEqualTo("customer_rank");
		assertThat(FieldNames.snakeCase("vatID")).isEqualTo("vat_id");
		assertThat(FieldNames.snakeCase("HTTPServer")).isEqualTo("http_server");
		assertThat(FieldNames.snakeCase("street2")).isEqualTo("street2");
	}

	@Test
	void enumsReadByOdooValueOrNameIgnoringCase() {
		record WithState(long id, State state) {
		}
		RecordMapper<WithState> mapper = RecordMapper.of(WithState.class);
		assertThat(mapper.read(json("{'id': 1, 'state': 'draft'}")).state()).isEqualTo(State.DRAFT);
		assertThat(mapper.read(json("{'id': 1, 'state': 'cancel'}")).state()).isEqualTo(State.CANCEL);
		assertThat(mapper.read(json("{'id': 1, 'state': 'CANCEL'}")).state()).isEqualTo(State.CANCEL);
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> mapper.read(json("{'id': 1, 'state': 'done'}")))
			.withMessageContaining("field 'state'")
			.withMessageContaining("the unknown key \"done\"");
	}

	@Test
	void many2OneAlsoReadsABareIdOrAMissingName() {
		record Ref(long id, Many2One partnerId) {
		}
		RecordMapper<Ref> mapper = RecordMapper.of(Ref.class);
		assertThat(mapper.read(json("{'id': 1, 'partner_id': 5}")).partnerId()).isEqualTo(Many2One.of(5));
		assertThat(mapper.read(json("{'id': 1, 'partner_id': [5, false]}")).partnerId()).isEqualTo(Many2One.of(5));
	}

	@Test
	void wrongJsonTypesNameModelFieldExpectedAndActual() {
		RecordMapper<ResPartner> partners = RecordMapper.of(ResPartner.class);
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'country_id': 'Belgium'}")))
			.withMessage("Cannot read field 'country_id' of model 'res.partner' into ResPartner.countryId: "
					+ "expected a many2one [id, \"name\"] but got a string");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'customer_rank': 'high'}")))
			.withMessageContaining("field 'customer_rank'")
			.withMessageContaining("expected an integer within the int range but got a string");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'customer_rank': 1.5}")))
			.withMessageContaining("expected an integer within the int range but got a decimal number");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'is_company': 1}")))
			.withMessageContaining("expected a boolean but got an integer");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'child_ids': 4}")))
			.withMessageContaining("expected a list but got an integer");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'child_ids': ['x']}")))
			.withMessageContaining("expected an integer but got a string");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'create_date': '2026-11-24T20:53:18'}")))
			.withMessageContaining("expected a datetime \"YYYY-MM-DD HH:MM:SS\" but got a string that is not one");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'parent_id': [1, 2, 3]}")))
			.withMessageContaining("got an array of 3 elements");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> partners.read(json("{'id': 1, 'name': ['a']}")))
			.withMessageContaining("expected a string but got an array of 1 elements");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> partners.read(json("[1]")))
			.withMessageContaining("must be a JSON object");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> partners.read(null))
			.withMessageContaining("must be a JSON object, got no value");
		RecordMapper<Thing> things = RecordMapper.of(Thing.class);
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> things.read(json("{'id': 1, 'day': '31/01/2026'}")))
			.withMessageContaining("expected a date \"YYYY-MM-DD\"");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> things.read(json("{'id': 1, 'image': '!!'}")))
			.withMessageContaining("expected a base64 string but got a string that is not base64");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> things.read(json("{'id': 1, 'count': 9000000000}")))
			.withMessageContaining("expected an integer within the int range but got an integer");
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> things.read(json("{'id': 1, 'extra': [1]}")))
			.withMessageContaining("expected an object");
	}

	@Test
	void unmappableTypesAreRejectedAtFirstUse() {
		record WithDate(long id, Date when) {
		}
		record WithSet(long id, Set<Long> ids) {
		}
		record WithRawList(long id, @SuppressWarnings("rawtypes") List ids) {
		}
		record Dup(long id, String name, @OdooField("name") String other) {
		}
		record BadId(String id) {
		}
		record NoModel(long id) {
		}
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(WithDate.class))
			.withMessageContaining("component 'when' of " + WithDate.class.getName())
			.withMessageContaining("java.util.Date is not supported");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(WithSet.class))
			.withMessageContaining("component 'ids'");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(WithRawList.class))
			.withMessageContaining("java.util.List is not supported");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(Dup.class))
			.withMessageContaining("another component already maps");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(BadId.class))
			.withMessageContaining("must be long");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(String.class))
			.withMessageContaining("java.lang.String is not a record");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(null));
		assertThat(RecordMapper.of(NoModel.class).fieldNames()).containsExactly("id");
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> RecordMapper.of(NoModel.class).model())
			.withMessageContaining("no @OdooModel");
	}

	@Test
	void constructorRejectionIsTyped() {
		record Positive(long id) {
			Positive {
				if (id <= 0) {
					throw new IllegalArgumentException("id");
				}
			}
		}
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> RecordMapper.of(Positive.class).read(json("{'id': 0}")))
			.withMessageContaining("rejected a row");
	}

	@Test
	void toValuesWritesWithoutIdAndReadOnlyFields() {
		ResPartner partner = new ResPartner(5, "Acme", "Acme", true, null, null, null, null, null, Many2One.of(20),
				null, new Many2One(1, "YourCompany"), List.of(40L), 0, 1, true, null, null, "en_US", null, List.of(7L, 8L),
				"contact", null, null, null, LocalDateTime.now(), LocalDateTime.now());
		Map<String, Object> values = RecordMapper.of(ResPartner.class).toValues(partner);
		assertThat(values).doesNotContainKeys("id", "display_name", "child_ids", "create_date", "write_date")
			.containsEntry("name", "Acme")
			.containsEntry("is_company", true)
			.containsEntry("email", false)
			.containsEntry("country_id", 20L)
			.containsEntry("parent_id", 1L)
			.containsEntry("state_id", false)
			.containsEntry("supplier_rank", 1)
			.containsEntry("category_id", List.of(List.of(6, 0, List.of(7L, 8L))))
			.isUnmodifiable();
		assertThat(values.keySet()).startsWith("name", "is_company", "email");
	}

	@Test
	void toValuesConvertsEveryType() {
		Thing thing = RecordMapper.of(Thing.class).read(json(FULL));
		Map<String, Object> values = RecordMapper.of(Thing.class).toValues(thing);
		assertThat(values).containsEntry("day", "2026-01-31")
			.containsEntry("moment", "2026-11-24 20:53:18")
			.containsEntry("instant", "2026-11-24 20:53:18")
			.containsEntry("offset", "2026-11-24 20:53:18")
			.containsEntry("state", "sale")
			.containsEntry("image", "aGVsbG8=")
			.containsEntry("email", "a@b.c")
			.containsEntry("partner_id", 10L)
			.containsEntry("line_ids", List.of(List.of(6, 0, List.of(3))))
			.containsEntry("x_custom", "c")
			.doesNotContainKeys("id", "display_name");
		SaleOrder order = new SaleOrder(1, "S1", Many2One.of(10), null, "draft", BigDecimal.ONE, BigDecimal.ZERO,
				BigDecimal.ONE, null, null, null, List.of(), null, null);
		assertThat(RecordMapper.of(SaleOrder.class).toValues(order)).containsOnlyKeys("name", "partner_id",
				"date_order", "state", "user_id", "company_id", "currency_id");
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void toValuesRejectsNullAndForeignObjects() {
		assertThatExceptionOfType(OdooMappingException.class)
			.isThrownBy(() -> RecordMapper.of(ResPartner.class).toValues(null))
			.withMessageContaining("got null");
		RecordMapper raw = RecordMapper.of(ResPartner.class);
		assertThatExceptionOfType(OdooMappingException.class).isThrownBy(() -> raw.toValues("not a partner"))
			.withMessageContaining("java.lang.String");
	}

}
