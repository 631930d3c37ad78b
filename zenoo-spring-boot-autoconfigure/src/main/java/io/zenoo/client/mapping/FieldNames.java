package io.zenoo.client.mapping;

/**
 * The default Odoo field name of a record component: camelCase to snake_case.
 */
final class FieldNames {

	private FieldNames() {
	}

	/**
	 * {@code countryId} to {@code country_id}, {@code isCompany} to {@code is_company}, {@code vatID} to
	 * {@code vat_id}, {@code HTTPServer} to {@code http_server}. Digits stay attached to what precedes them
	 * ({@code street2}), so fields like {@code image_1920} need {@link io.zenoo.client.model.OdooField}.
	 */
	static String snakeCase(String name) {
		StringBuilder result = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && needsSeparator(name, i)) {
					result.append('_');
				}
				result.append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	private static boolean needsSeparator(String name, int upper) {
		char previous = name.charAt(upper - 1);
		if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
			return true;
		}
		boolean nextIsLower = upper + 1 < name.length() && Character.isLowerCase(name.charAt(upper + 1));
		return Character.isUpperCase(previous) && nextIsLower;
	}

}
