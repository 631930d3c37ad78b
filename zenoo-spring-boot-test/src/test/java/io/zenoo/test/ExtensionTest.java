package io.zenoo.test;

import io.zenoo.test.junit.OdooTestServerExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit extension: injection, sharing per class, optional reset between tests. */
class ExtensionTest {

	@Nested
	@ExtendWith(OdooTestServerExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class Injected {

		OdooTestServer field;

		@Test
		@Order(1)
		void injectsFieldsAndParametersWithTheSameServer(OdooTestServer parameter) {
			assertThat(this.field).isSameAs(parameter);
			assertThat(RawHttp.jsonRpc(parameter, "common", "version", "[]").statusCode()).isEqualTo(200);
			parameter.store().write("res.partner", 10, java.util.Map.of("name", "Kept"));
		}

		@Test
		@Order(2)
		void keepsDataBetweenTestsByDefault(OdooTestServer parameter) {
			assertThat(parameter.store().read("res.partner", 10)).containsEntry("name", "Kept");
		}

	}

	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class Resetting {

		@RegisterExtension
		static final OdooTestServerExtension odoo = OdooTestServerExtension.resettingBetweenTests();

		@Test
		@Order(1)
		void changesData() {
			odoo.server().store().write("res.partner", 10, java.util.Map.of("name", "Changed"));
			assertThat(odoo.server().store().read("res.partner", 10)).containsEntry("name", "Changed");
		}

		@Test
		@Order(2)
		void seesTheDemoDataAgain() {
			assertThat(odoo.server().store().read("res.partner", 10)).containsEntry("name", "Deco Addict");
		}

	}

}
