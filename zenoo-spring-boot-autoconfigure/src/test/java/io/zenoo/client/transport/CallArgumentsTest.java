package io.zenoo.client.transport;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallArgumentsTest {

	@Test
	void recordMethodPutsIdsFirst() {
		OdooCall call = new OdooCall("res.partner", "write", List.of(7L, 8L), List.of(Map.of("name", "x")), Map.of(),
				Map.of(), false);

		assertThat(CallArguments.positional(call)).isEqualTo(List.of(List.of(7L, 8L), Map.of("name", "x")));
	}

	@Test
	void modelMethodKeepsArgsAsGiven() {
		OdooCall call = new OdooCall("res.partner", "search", null, List.of(List.of()), Map.of(), Map.of(), true);

		assertThat(CallArguments.positional(call)).isEqualTo(List.of(List.of()));
	}

	@Test
	void contextGoesInsideKwargsOnlyWhenPresent() {
		OdooCall call = OdooCall.read("res.partner", "search_read", Map.of("limit", 1));

		assertThat(CallArguments.named(call)).isEqualTo(Map.of("limit", 1));
		assertThat(CallArguments.named(call.withContext(Map.of("lang", "en_US"))))
			.isEqualTo(Map.of("limit", 1, "context", Map.of("lang", "en_US")));
	}

	@Test
	void json2BodyHasKwargsIdsAndContext() {
		OdooCall call = new OdooCall("res.partner", "read", List.of(3L), List.of(), Map.of("fields", List.of("name")),
				Map.of("lang", "en_US"), true);

		assertThat(CallArguments.json2Body(call)).isEqualTo(
				Map.of("fields", List.of("name"), "ids", List.of(3L), "context", Map.of("lang", "en_US")));
		assertThat(CallArguments.json2Body(OdooCall.read("res.partner", "search_count", Map.of("domain", List.of()))))
			.isEqualTo(Map.of("domain", List.of()));
	}

}
