package io.zenoo.actuate;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Zenoo's secrets in {@code /actuator/env} and {@code /actuator/configprops}, even with
 * {@code show-values=always}: {@code zenoo.odoo.password}, {@code zenoo.odoo.api-key} (in any relaxed spelling,
 * including {@code ZENOO_ODOO_PASSWORD}), and the user info ({@code user:password@}) of any {@code zenoo.*} URL, such
 * as a Redis cache's {@code url}.
 */
public class ZenooSanitizingFunction implements SanitizingFunction {

	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = relaxed(data.getKey());
		if (!key.startsWith("zenoo")) {
			return data;
		}
		if (key.endsWith("password") || key.endsWith("apikey") || key.endsWith("secret")) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof CharSequence value && USER_INFO.matcher(value).find()) {
			return data.withValue(USER_INFO.matcher(value).replaceAll("******@"));
		}
		return data;
	}

	/** {@code zenoo.odoo.api-key}, {@code ZENOO_ODOO_API_KEY} and {@code zenoo.odoo.apiKey} all become one form. */
	private static String relaxed(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
	}

}
