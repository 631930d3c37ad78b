package io.zenoo.test.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * The real Odoo 18 exchanges shipped with this module at {@code io/zenoo/test/odoo18/samples/NN_name.txt}, parsed into
 * {@link RecordedExchange}s. Use them to test a client against byte-exact server answers (error bodies, value shapes).
 * <p>
 * Example: {@code RecordedSamples.get(21).responseBody()} is the body of a {@code MissingError}.
 */
public final class RecordedSamples {

	private static final String LOCATION = "io/zenoo/test/odoo18/samples/";

	private static final String REQUEST_MARKER = "### REQUEST\n";

	private static final String RESPONSE_MARKER = "\n\n### RESPONSE\n";

	private static final String PRETTY_MARKER = "\n\n### RESPONSE BODY";

	private static final String[] NAMES = { "01_version", "02_common_login_ok", "03_common_login_badpw",
			"04_common_authenticate_ok", "05_common_authenticate_badpw", "06_common_login_unknown_db",
			"07_common_authenticate_missing_arg", "08_search_read_companies", "09_search_ids", "10_search_count",
			"11_read", "12_fields_get", "13_fields_get_more", "14_create", "15_create_multi", "16_write",
			"17_read_after_write", "18_search_sample", "19_unlink", "20_read_deleted_id",
			"21_err_write_deleted_MissingError", "22_method_returning_None", "23_name_search", "24_name_search_args",
			"25_read_group", "26_read_group_sale", "27_name_create", "28_search_nc", "29_unlink_nc",
			"30_check_access_rights", "31_err_context_lang_not_installed", "32_search_read_context",
			"33_search_read_kwargs_domain", "34_search_read_or_domain_positional", "35_value_shapes_partner",
			"36_value_shapes_sale_order", "37_value_shapes_binary", "38_value_shapes_currency",
			"39_value_shapes_country", "40_value_shapes_user", "41_err_unknown_model", "42_err_unknown_field_in_domain",
			"43_err_unknown_field_in_fields", "44_err_unknown_method", "45_err_private_method", "46_err_bad_kwarg",
			"47_err_malformed_domain", "48_err_wrong_password_execute_kw", "49_err_unknown_uid",
			"50_err_unknown_db_execute_kw", "51_err_validation_required_name", "52_err_validation_recursion",
			"53_err_validation_duplicate_login", "54_err_usererror_unlink_admin", "55_err_fk_violation",
			"56_err_bad_selection", "57_tmp_find_limited", "58_tmp_unlink_limited", "59_tmp_group_ref",
			"60_create_limited_user", "61_limited_user_authenticate", "62_err_access_write_res_users",
			"63_err_access_write_res_company", "64_err_access_read_config_parameter",
			"65_limited_user_search_read_partner", "66_err_malformed_json", "67_err_json_not_object",
			"68_err_unknown_common_method", "69_err_unknown_service", "70_err_missing_args",
			"71_err_execute_kw_too_few_args", "72_jsonrpc_without_id", "73_jsonrpc_wrong_content_type",
			"74_session_authenticate", "75_session_authenticate_badpw", "76_session_call_kw_search_read",
			"77_session_call_kw_nopath", "78_session_call_kw_unknown_model", "79_session_call_kw_unknown_field",
			"80_session_get_session_info", "81_session_call_kw_no_cookie", "82_session_call_kw_bogus_cookie",
			"83_session_destroy", "84_session_call_kw_after_destroy", "85_db_list", "86_xmlrpc_version",
			"87_xmlrpc_authenticate", "88_xmlrpc_authenticate_badpw", "89_xmlrpc_search_read", "90_xmlrpc_datetime",
			"91_xmlrpc_err_unknown_model", "92_xmlrpc_err_access_denied", "93_xmlrpc_err_access_error",
			"94_xmlrpc_err_usererror", "95_xmlrpc_err_validation", "96_xmlrpc_err_missing", "97_xmlrpc_none_result",
			"98_xmlrpc_err_unknown_field", "99_xmlrpc_err_malformed" };

	private static volatile @Nullable List<RecordedExchange> all;

	private RecordedSamples() {
	}

	/**
	 * Returns every recorded exchange, ordered by number (1 to 99).
	 * @return the exchanges, unmodifiable
	 */
	public static List<RecordedExchange> all() {
		List<RecordedExchange> result = all;
		if (result == null) {
			List<RecordedExchange> loaded = new ArrayList<>(NAMES.length);
			for (String name : NAMES) {
				loaded.add(load(name));
			}
			result = Collections.unmodifiableList(loaded);
			all = result;
		}
		return result;
	}

	/**
	 * Returns one recorded exchange.
	 * @param number the sample number, 1 to 99
	 * @return the exchange
	 * @throws NoSuchElementException if no sample has this number
	 */
	public static RecordedExchange get(int number) {
		for (RecordedExchange exchange : all()) {
			if (exchange.number() == number) {
				return exchange;
			}
		}
		throw new NoSuchElementException("No recorded sample number " + number);
	}

	/**
	 * Parses one sample file's text (the format of the shipped files).
	 * @param fileName the file name, {@code NN_name} with or without {@code .txt}
	 * @param text the file content
	 * @return the exchange
	 * @throws IllegalArgumentException if the text is not in the sample format
	 */
	public static RecordedExchange parse(String fileName, String text) {
		String baseName = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
		int underscore = baseName.indexOf('_');
		if (underscore < 1) {
			throw new IllegalArgumentException("Sample file name must look like NN_name: " + fileName);
		}
		int number;
		try {
			number = Integer.parseInt(baseName.substring(0, underscore));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Sample file name must start with a number: " + fileName, ex);
		}
		String normalized = text.replace("\r\n", "\n");
		int requestStart = normalized.indexOf(REQUEST_MARKER);
		int responseStart = normalized.indexOf(RESPONSE_MARKER);
		if (requestStart < 0 || responseStart < requestStart) {
			throw new IllegalArgumentException("Not a recorded sample (no REQUEST/RESPONSE sections): " + fileName);
		}
		String title = normalized.substring(0, normalized.indexOf('\n')).replaceFirst("^#\\s*", "");
		Message request = Message.parse(normalized.substring(requestStart + REQUEST_MARKER.length(), responseStart),
				fileName);
		String responseText = normalized.substring(responseStart + RESPONSE_MARKER.length());
		int pretty = responseText.indexOf(PRETTY_MARKER);
		if (pretty >= 0) {
			responseText = responseText.substring(0, pretty);
		}
		else if (responseText.endsWith("\n")) {
			responseText = responseText.substring(0, responseText.length() - 1);
		}
		Message response = Message.parse(responseText, fileName);
		String[] requestLine = request.startLine().split(" ", 3);
		String[] statusLine = response.startLine().split(" ", 3);
		if (requestLine.length < 2 || statusLine.length < 2) {
			throw new IllegalArgumentException("Bad request or status line in " + fileName);
		}
		return new RecordedExchange(number, baseName.substring(underscore + 1), title, requestLine[0], requestLine[1],
				request.headers(), request.body(), Integer.parseInt(statusLine[1]),
				(statusLine.length > 2) ? statusLine[2] : "", response.headers(), response.body());
	}

	private static RecordedExchange load(String name) {
		String resource = LOCATION + name + ".txt";
		try (InputStream in = RecordedSamples.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Recorded sample missing from the classpath: " + resource);
			}
			return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private record Message(String startLine, List<RecordedExchange.Header> headers, String body) {

		static Message parse(String text, String fileName) {
			int headerEnd = text.indexOf("\n\n");
			String head = (headerEnd < 0) ? text : text.substring(0, headerEnd);
			String body = (headerEnd < 0) ? "" : text.substring(headerEnd + 2);
			String[] lines = head.split("\n");
			List<RecordedExchange.Header> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon < 1) {
					throw new IllegalArgumentException("Bad header line '" + lines[i] + "' in " + fileName);
				}
				headers.add(new RecordedExchange.Header(lines[i].substring(0, colon).trim(),
						lines[i].substring(colon + 1).trim()));
			}
			return new Message(lines[0].trim(), headers, body);
		}

	}

}
