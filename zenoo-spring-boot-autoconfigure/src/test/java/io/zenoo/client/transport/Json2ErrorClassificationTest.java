package io.zenoo.client.transport;

import java.util.List;
import java.util.stream.Stream;

import io.zenoo.client.error.OdooAccessException;
import io.zenoo.client.error.OdooAuthenticationException;
import io.zenoo.client.error.OdooBadArgumentsException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooGenericServerException;
import io.zenoo.client.error.OdooHttpStatusException;
import io.zenoo.client.error.OdooMissingRecordException;
import io.zenoo.client.error.OdooServerError;
import io.zenoo.client.error.OdooServerException;
import io.zenoo.client.error.OdooUnknownFieldException;
import io.zenoo.client.error.OdooUnknownMethodException;
import io.zenoo.client.error.OdooUnknownModelException;
import io.zenoo.client.error.OdooValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * JSON-2 errors (Odoo 19: HTTP status plus {@code {name, message}}): the exception name decides when it is an Odoo
 * one, the status when it is a generic werkzeug one. Messages follow Odoo 19's {@code web_json_2_rpc} controller.
 */
class Json2ErrorClassificationTest {

	private static final Target TARGET = new Target("res.partner", "write");

	static Stream<Arguments> errors() {
		return Stream.of(arguments(401, "werkzeug.exceptions.Unauthorized", "Invalid apikey",
				OdooAuthenticationException.class),
				arguments(401, "odoo.exceptions.AccessDenied", "Access Denied", OdooAuthenticationException.class),
				arguments(403, "odoo.exceptions.AccessError", "You are not allowed to modify 'User' (res.users)",
						OdooAccessException.class),
				arguments(403, "werkzeug.exceptions.Forbidden", "Forbidden", OdooAccessException.class),
				arguments(404, "werkzeug.exceptions.NotFound", "the model 'no.such.model' does not exist",
						OdooUnknownModelException.class),
				arguments(404, "werkzeug.exceptions.NotFound",
						"The method 'no_such_method' does not exist on the model 'res.partner'",
						OdooUnknownMethodException.class),
				arguments(404, "odoo.exceptions.MissingError", "Record does not exist or has been deleted.",
						OdooMissingRecordException.class),
				arguments(422, "werkzeug.exceptions.UnprocessableEntity",
						"search_read() got an unexpected keyword argument 'nope'", OdooBadArgumentsException.class),
				arguments(422, "odoo.exceptions.ValidationError", "Contacts require a name",
						OdooValidationException.class),
				arguments(500, "builtins.ValueError", "Invalid field 'nope' on model 'res.partner'",
						OdooUnknownFieldException.class),
				arguments(500, "builtins.ValueError", "Wrong value for res.partner.type: 'x'",
						OdooBadArgumentsException.class),
				arguments(500, "psycopg2.errors.ForeignKeyViolation", "violates foreign key constraint",
						OdooGenericServerException.class));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("errors")
	void classifiedByNameThenStatus(int status, String name, String message,
			Class<? extends OdooServerException> expected) {
		OdooServerError error = new OdooServerError(name, message, List.of(message), null, "res.partner", "write");

		OdooServerException exception = ServerErrors.classify(error, status);

		assertThat(exception).isExactlyInstanceOf(expected);
		assertThat(exception.getMessage()).isEqualTo(message + " (res.partner.write)");
		assertThat(exception.getError()).isSameAs(error);
	}

	@Test
	void fullErrorBodyIsReadWithItsDebug() {
		String body = "{\"name\": \"odoo.exceptions.AccessError\", \"message\": \"No access\", "
				+ "\"arguments\": [\"No access\"], \"context\": {}, \"debug\": \"Traceback ...\"}";
		HttpResult response = new HttpResult(403, OdooJson.MAPPER.readTree(body), body, null);

		OdooException error = ServerErrors.fromJson2(response, TARGET, new Redactor("key"), "http://odoo");

		assertThat(error).isInstanceOfSatisfying(OdooAccessException.class, (access) -> {
			assertThat(access.getMessage()).isEqualTo("No access (res.partner.write)");
			assertThat(access.getDebug()).isEqualTo("Traceback ...");
			assertThat(access.getArguments()).containsExactly("No access");
		});
	}

	@Test
	void bareJsonStringMessageIsClassifiedByStatus() {
		HttpResult response = new HttpResult(401, OdooJson.MAPPER.readTree("\"Invalid apikey\""), "", null);

		OdooException error = ServerErrors.fromJson2(response, TARGET, new Redactor("key-123"), "http://odoo");

		assertThat(error).isExactlyInstanceOf(OdooAuthenticationException.class)
			.hasMessage("Invalid apikey (res.partner.write)");
	}

	@Test
	void proxyErrorPageStaysAnHttpStatusError() {
		HttpResult response = new HttpResult(502, null, "<html>502 Bad Gateway</html>", null);

		OdooException error = ServerErrors.fromJson2(response, TARGET, new Redactor("key-123"), "http://odoo");

		assertThat(error).isInstanceOfSatisfying(OdooHttpStatusException.class, (http) -> {
			assertThat(http.getStatus()).isEqualTo(502);
			assertThat(http.isTransient()).isTrue();
			assertThat(http.getMessage()).contains("res.partner.write").contains("HTTP 502");
		});
	}

	@Test
	void secretEchoedByTheServerIsMasked() {
		String body = "{\"name\": \"builtins.TypeError\", \"message\": \"bad value 'S3cret-Key-42'\", "
				+ "\"arguments\": [\"S3cret-Key-42\"], \"debug\": \"... S3cret-Key-42 ...\"}";
		HttpResult response = new HttpResult(500, OdooJson.MAPPER.readTree(body), body, null);

		OdooException error = ServerErrors.fromJson2(response, TARGET, new Redactor("S3cret-Key-42"), "http://odoo");

		assertThat(error).isExactlyInstanceOf(OdooBadArgumentsException.class);
		TransportTests.assertNoSecret(error, "S3cret-Key-42");
		assertThat(((OdooBadArgumentsException) error).getDebug()).doesNotContain("S3cret-Key-42");
		assertThat(((OdooBadArgumentsException) error).getArguments()).containsExactly(Redactor.MASK);
	}

}
