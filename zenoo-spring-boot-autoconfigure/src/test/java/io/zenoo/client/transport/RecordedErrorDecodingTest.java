package io.zenoo.client.transport;

import java.util.stream.Stream;

import io.zenoo.client.OdooCredentials;
import io.zenoo.client.ZenooClientSettings;
import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooAuthenticationException;
import io.zenoo.client.error.OdooBadArgumentsException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooGenericServerException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooMissingRecordException;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooSessionExpiredException;
import io.zenoo.client.error.OdooUnknownFieldException;
import io.zenoo.client.error.OdooUnknownMethodException;
import io.zenoo.client.error.OdooUnknownModelException;
import io.zenoo.client.error.OdooUserException;
import io.zenoo.client.error.OdooValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every recorded Odoo 18 error response (JSON-RPC and web session) decoded into the expected exception type.
 */
class RecordedErrorDecodingTest {

	private static final Target TARGET = new Target("res.partner", "search_read");

	private static OdooHttp http;

	private static JsonRpcClient rpc;

	@BeforeAll
	static void createClient() {
		ZenooClientSettings settings = ZenooClientSettings.of("http://127.0.0.1:9", "demo",
				OdooCredentials.password("admin", "admin-secret"));
		http = OdooHttp.create(settings, WebClient.builder());
		rpc = new JsonRpcClient(http, new Redactor("admin-secret"));
	}

	@AfterAll
	static void closeClient() {
		http.close();
	}

	static Stream<Arguments> samples() {
		return Stream.of(arguments("06_common_login_unknown_db.txt", OdooGenericServerException.class),
				arguments("07_common_authenticate_missing_arg.txt", OdooBadArgumentsException.class),
				arguments("21_err_write_deleted_MissingError.txt", OdooMissingRecordException.class),
				arguments("31_err_context_lang_not_installed.txt", OdooUserException.class),
				arguments("41_err_unknown_model.txt", OdooUnknownModelException.class),
				arguments("42_err_unknown_field_in_domain.txt", OdooUnknownFieldException.class),
				arguments("43_err_unknown_field_in_fields.txt", OdooUnknownFieldException.class),
				arguments("44_err_unknown_method.txt", OdooUnknownMethodException.class),
				arguments("45_err_private_method.txt", OdooUnknownMethodException.class),
				arguments("46_err_bad_kwarg.txt", OdooBadArgumentsException.class),
				arguments("47_err_malformed_domain.txt", OdooBadArgumentsException.class),
				arguments("48_err_wrong_password_execute_kw.txt", OdooAuthenticationException.class),
				arguments("49_err_unknown_uid.txt", OdooMissingRecordException.class),
				arguments("50_err_unknown_db_execute_kw.txt", OdooGenericServerException.class),
				arguments("51_err_validation_required_name.txt", OdooValidationException.class),
				arguments("52_err_validation_recursion.txt", OdooValidationException.class),
				arguments("53_err_validation_duplicate_login.txt", OdooValidationException.class),
				arguments("54_err_usererror_unlink_admin.txt", OdooUserException.class),
				arguments("55_err_fk_violation.txt", OdooValidationException.class),
				arguments("56_err_bad_selection.txt", OdooBadArgumentsException.class),
				arguments("62_err_access_write_res_users.txt", OdooAccessException.class),
				arguments("63_err_access_write_res_company.txt", OdooAccessException.class),
				arguments("64_err_access_read_config_parameter.txt", OdooAccessException.class),
				arguments("68_err_unknown_common_method.txt", OdooGenericServerException.class),
				arguments("70_err_missing_args.txt", OdooBadArgumentsException.class),
				arguments("71_err_execute_kw_too_few_args.txt", OdooGenericServerException.class),
				arguments("75_session_authenticate_badpw.txt", OdooAuthenticationException.class),
				arguments("78_session_call_kw_unknown_model.txt", OdooUnknownModelException.class),
				arguments("79_session_call_kw_unknown_field.txt", OdooUnknownFieldException.class),
				arguments("81_session_call_kw_no_cookie.txt", OdooSessionExpiredException.class),
				arguments("82_session_call_kw_bogus_cookie.txt", OdooSessionExpiredException.class),
				arguments("84_session_call_kw_after_destroy.txt", OdooSessionExpiredException.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void recordedErrorBecomesTypedException(String sample, Class<? extends OdooServerException> expected) {
		RecordedBodies.Response response = RecordedBodies.response(sample);
		JsonNode body = OdooJson.MAPPER.readTree(response.body());
		JsonNode data = body.get("error").get("data");

		Throwable thrown = decode(response.status(), body);

		assertThat(thrown).isExactlyInstanceOf(expected);
		OdooServerException error = (OdooServerException) thrown;
		String serverMessage = data.get("message").asString();
		assertThat(error.getName()).isEqualTo(data.get("name").asString());
		assertThat(error.getServerMessage()).isEqualTo(serverMessage);
		assertThat(error.getMessage()).isEqualTo(serverMessage.strip() + " (res.partner.search_read)");
		assertThat(error.getModel()).isEqualTo("res.partner");
		assertThat(error.getMethod()).isEqualTo("search_read");
		assertThat(error.getDebug()).isEqualTo(data.get("debug").asString());
		assertThat(error.getMessage()).doesNotContain("Traceback");
		assertThat(error.getArguments()).hasSize(data.get("arguments").size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void dispatchIgnoresTheErrorCodeWhichOdooChangedAfter18(String sample,
			Class<? extends OdooServerException> expected) {
		JsonNode body = OdooJson.MAPPER.readTree(RecordedBodies.response(sample).body());
		((ObjectNode) body.get("error")).put("code", 0);

		assertThat(decode(200, body)).isExactlyInstanceOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nonJsonErrors")
	void plainHttpErrorsKeepStatusAndAnExcerpt(String sample, String excerptStart) {
		RecordedBodies.Response response = RecordedBodies.response(sample);
		HttpResult result = new HttpResult(response.status(), null, response.body(), null);

		Throwable thrown = catchThrowable(() -> rpc.unwrap(result, TARGET));

		assertThat(thrown).isInstanceOfSatisfying(OdooHttpStatusException.class, (error) -> {
			assertThat(error.getStatus()).isEqualTo(400);
			assertThat(error.getBodyExcerpt()).startsWith(excerptStart);
			assertThat(error.isTransient()).isFalse();
			assertThat(error.getMessage()).contains("res.partner.search_read").contains("HTTP 400");
		});
	}

	static Stream<Arguments> nonJsonErrors() {
		return Stream.of(arguments("66_err_malformed_json.txt", "Invalid JSON data"),
				arguments("67_err_json_not_object.txt", "Invalid JSON-RPC data"),
				arguments("73_jsonrpc_wrong_content_type.txt", "<!doctype html>"));
	}

	@Test
	void methodReturningNoneGivesJsonNull() {
		RecordedBodies.Response response = RecordedBodies.response("22_method_returning_None.txt");
		JsonNode body = OdooJson.MAPPER.readTree(response.body());

		JsonNode result = rpc.unwrap(new HttpResult(200, body, "", null), TARGET);

		assertThat(result).isNotNull();
		assertThat(result.isNull()).isTrue();
	}

	@Test
	void successfulResultIsUnwrapped() {
		JsonNode body = OdooJson.MAPPER.readTree(RecordedBodies.response("09_search_ids.txt").body());

		JsonNode result = rpc.unwrap(new HttpResult(200, body, "", null), TARGET);

		assertThat(result.isArray()).isTrue();
		assertThat(result.get(0).asInt()).isEqualTo(1);
	}

	private static Throwable decode(int status, JsonNode body) {
		Throwable thrown = catchThrowable(() -> rpc.unwrap(new HttpResult(status, body, "", null), TARGET));
		assertThat(thrown).isInstanceOf(OdooException.class);
		return thrown;
	}

}
