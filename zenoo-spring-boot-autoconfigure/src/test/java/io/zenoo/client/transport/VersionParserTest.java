package io.zenoo.client.transport;

import io.zenoo.client.OdooVersion;
import io.zenoo.client.error.OdooUnexpectedResponseException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VersionParserTest {

	private static final Target TARGET = Target.service("common.version");

	@Test
	void readsRecordedCommonVersion() {
		JsonNode body = OdooJson.MAPPER.readTree(RecordedBodies.response("01_version.txt").body());

		OdooVersion version = VersionParser.parse(body.get("result"), TARGET, "http://odoo");

		assertThat(version.serverVersion()).isEqualTo("18.0");
		assertThat(version.serverSerie()).isEqualTo("18.0");
		assertThat(version.major()).isEqualTo(18);
		assertThat(version.protocolVersion()).isEqualTo(1);
		assertThat(version.serverVersionInfo()).containsExactly(18, 0, 0, "final", 0, "");
	}

	@Test
	void readsWebVersionOfJson2Servers() {
		JsonNode body = OdooJson.MAPPER
			.readTree("{\"version_info\": [19, 0, 0, \"final\", 0, \"\"], \"version\": \"19.0\"}");

		OdooVersion version = VersionParser.parse(body, Target.service("web.version"), "http://odoo");

		assertThat(version.serverVersion()).isEqualTo("19.0");
		assertThat(version.serverSerie()).isEqualTo("19.0");
		assertThat(version.major()).isEqualTo(19);
	}

	@Test
	void rejectsSomethingElse() {
		assertThatExceptionOfType(OdooUnexpectedResponseException.class)
			.isThrownBy(() -> VersionParser.parse(OdooJson.MAPPER.readTree("[1, 2]"), TARGET, "http://odoo"))
			.withMessageContaining("common.version");
		assertThatExceptionOfType(OdooUnexpectedResponseException.class)
			.isThrownBy(() -> VersionParser.parse(OdooJson.MAPPER.readTree("{\"a\": 1}"), TARGET, "http://odoo"));
	}

}
