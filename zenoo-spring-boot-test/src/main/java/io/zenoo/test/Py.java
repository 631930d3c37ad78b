package io.zenoo.test;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders values and argument errors the way Python prints them, because Odoo's error messages embed Python reprs.
 */
final class Py {

	private Py() {
	}

	/** Python {@code repr()} of a JSON-like value ({@code null} prints as {@code None}). */
	static String repr(Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Boolean bool) {
			return bool ? "True" : "False";
		}
		if (value instanceof String text) {
			return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
		}
		if (value instanceof List<?> list) {
			StringBuilder out = new StringBuilder("[");
			for (Iterator<?> it = list.iterator(); it.hasNext();) {
				out.append(repr(it.next()));
				if (it.hasNext()) {
					out.append(", ");
				}
			}
			return out.append(']').toString();
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
				Map.Entry<?, ?> entry = it.next();
				out.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
				if (it.hasNext()) {
					out.append(", ");
				}
			}
			return out.append('}').toString();
		}
		return String.valueOf(value);
	}

	/** Python repr of a tuple of values: {@code (51,)} or {@code (1, 2)}. */
	static String tuple(Collection<?> values) {
		if (values.size() == 1) {
			return "(" + repr(values.iterator().next()) + ",)";
		}
		StringBuilder out = new StringBuilder("(");
		for (Iterator<?> it = values.iterator(); it.hasNext();) {
			out.append(repr(it.next()));
			if (it.hasNext()) {
				out.append(", ");
			}
		}
		return out.append(')').toString();
	}

	/** The TypeError Python raises when required positional arguments are missing. */
	static OdooError missingArguments(String function, List<String> missing) {
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < missing.size(); i++) {
			if (i > 0) {
				names.append((i == missing.size() - 1) ? ((missing.size() > 2) ? ", and " : " and ") : ", ");
			}
			names.append('\'').append(missing.get(i)).append('\'');
		}
		String plural = (missing.size() == 1) ? "argument" : "arguments";
		return OdooError.typeError(function + "() missing " + missing.size() + " required positional " + plural
				+ ": " + names);
	}

	/** The TypeError Python raises when too many positional arguments are given. */
	static OdooError tooManyArguments(String function, int max, int given) {
		return OdooError.typeError(function + "() takes " + max + " positional argument" + ((max == 1) ? "" : "s")
				+ " but " + given + " were given");
	}

	/** A fake, traceback-shaped debug string for an error. */
	static String traceback(OdooError error) {
		return "Traceback (most recent call last):\n"
				+ "  File \"/usr/lib/python3/dist-packages/odoo/http.py\", line 1954, in _transactioning\n"
				+ "    return service_model.retrying(func, env=self.env)\n"
				+ "  File \"/usr/lib/python3/dist-packages/odoo/service/model.py\", line 137, in retrying\n"
				+ "    result = func()\n" + "  File \"zenoo-test-server\", line 1, in dispatch\n" + error.errorName()
				+ ": " + error.getMessage() + "\n";
	}

}
