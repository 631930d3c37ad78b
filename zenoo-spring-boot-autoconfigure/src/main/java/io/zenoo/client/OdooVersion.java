package io.zenoo.client;

import java.util.List;

/**
 * What {@code common.version} (or {@code GET /web/version} on JSON-2) reports.
 *
 * @param serverVersion for example {@code 18.0} or {@code saas~18.4}
 * @param serverVersionInfo for example {@code [18, 0, 0, "final", 0, ""]}, whole numbers as {@link Integer}
 * @param serverSerie for example {@code 18.0}
 * @param protocolVersion the external API protocol version, {@code 1} on Odoo 18
 */
public record OdooVersion(String serverVersion, List<Object> serverVersionInfo, String serverSerie,
		int protocolVersion) {

	public OdooVersion {
		// integers are Integers whatever read them (the parser, or a cache decoding JSON numbers as Long), so that
		// a version read back from a cache equals the one that was stored
		serverVersionInfo = serverVersionInfo.stream().map(OdooVersion::asInteger).toList();
	}

	private static Object asInteger(Object element) {
		if ((element instanceof Long || element instanceof Short || element instanceof Byte)
				&& ((Number) element).longValue() == ((Number) element).intValue()) {
			return ((Number) element).intValue();
		}
		return element;
	}

	/**
	 * The major version, for example {@code 18}.
	 * @return the major version, or 0 if the server did not report one
	 */
	public int major() {
		if (!this.serverVersionInfo.isEmpty() && this.serverVersionInfo.get(0) instanceof Number number) {
			return number.intValue();
		}
		return 0;
	}

}
