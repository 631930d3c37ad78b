package io.zenoo.client.mapping;

import io.zenoo.client.model.Many2One;
import io.zenoo.client.model.OdooField;
import io.zenoo.client.model.OdooModel;
import io.zenoo.client.model.ResCountry;
import io.zenoo.client.model.ResPartner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecordMapper#component(String)} finds components by the Odoo field they map, and the relation they declare.
 */
class RecordMapperComponentTest {

	@OdooModel("x.thing")
	record Thing(long id, @OdooField("x_partner") @Nullable Many2One owner, @Nullable String displayName) {
	}

	@Test
	void componentsAreFoundByTheirOdooFieldName() {
		RecordMapper<Thing> mapper = RecordMapper.of(Thing.class);

		assertThat(mapper.component("x_partner").getName()).isEqualTo("owner");
		assertThat(mapper.component("display_name").getName()).isEqualTo("displayName");
		assertThat(mapper.component("id").getName()).isEqualTo("id");
		assertThat(mapper.component("owner")).as("a component name is not a field name").isNull();
		assertThat(mapper.component("nothing")).isNull();
	}

	@Test
	void builtInRecordsDeclareTheRecordTypesTheirMany2OnesPointTo() {
		OdooField country = RecordMapper.of(ResPartner.class).component("country_id").getAnnotation(OdooField.class);
		OdooField company = RecordMapper.of(ResPartner.class).component("company_id").getAnnotation(OdooField.class);

		assertThat(country.relation()).isEqualTo(ResCountry.class);
		assertThat(company).as("no res.company record ships").isNull();
	}

}
