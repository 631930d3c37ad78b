package io.zenoo.actuate;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Zenoo's secrets in {@code /actuator/env} and {@code /actuator/configprops}, even with
 * {@code show-values=always}: {@code zenoo.odoo.password}, {@code zenoo.odoo.api-key} (in any relaxed spelling,
 * including {@code ZENOO_ODOO_PASSWORD}), a Redis cache's {@code encryption.key} and {@code encryption.previous-keys.*},
 * and the user info ({@code user:password@}) of any {@code zenoo.*} URL, such
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
		if (key.endsWith("password") || key.endsWith("apikey") || key.endsWith("secret") || isEncryptionKey(key)) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof CharSequence value && USER_INFO.matcher(value).find()) {
			return data.withValue(USER_INFO.matcher(value).replaceAll("******@"));
		}
		return data;
	}

	/**
	 * A cache's {@code encryption.key}, any of its {@code encryption.previous-keys.<id>}, or the whole
	 * {@code encryption} or {@code previous-keys} group; not the {@code key-id}, which is no secret.
	 */
	private static boolean isEncryptionKey(String key) {
		int at = key.lastIndexOf("encryption");
		if (at < 0) {
			return false;
		}
		String rest = key.substring(at + "encryption".length());
		return rest.isEmpty() || rest.equals("key") || rest.startsWith("previouskeys");
	}

	/** {@code zenoo.odoo.api-key}, {@code ZENOO_ODOO_API_KEY} and {@code zenoo.odoo.apiKey} all become one form. */
	private static String relaxed(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
	}

}
