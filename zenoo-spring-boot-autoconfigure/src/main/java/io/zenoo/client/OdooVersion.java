package io.zenoo.client;

import java.util.List;

/**
 * What {@code common.version} (or {@code GET /web/version} on JSON-2) reports.
 *
 * @param serverVersion for example {@code 18.0} or {@code saas~18.4}
 * @param serverVersionInfo for example {@code [18, 0, 0, "final", 0, ""]}
 * @param serverSerie for example {@code 18.0}
 * @param protocolVersion the external API protocol version, {@code 1} on Odoo 18
 */
public record OdooVersion(String serverVersion, List<Object> serverVersionInfo, String serverSerie,
		int protocolVersion) {

	public OdooVersion {
		serverVersionInfo = List.copyOf(serverVersionInfo);
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
