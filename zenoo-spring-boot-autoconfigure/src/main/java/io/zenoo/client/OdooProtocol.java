package io.zenoo.client;

/**
 * The wire protocol the client speaks to Odoo, chosen by {@code zenoo.odoo.protocol}.
 */
public enum OdooProtocol {

	/**
	 * Stateless {@code POST /jsonrpc} ({@code common.version}, {@code common.authenticate},
	 * {@code object.execute_kw}); every call carries the password or API key. Odoo 8 to 21.
	 */
	JSON_RPC,

	/**
	 * The web client's protocol: {@code /web/session/authenticate} once, then
	 * {@code /web/dataset/call_kw/<model>/<method>} with the {@code session_id} cookie. Re-authenticates once and
	 * replays the call when the session expires. Faster per call than {@link #JSON_RPC}.
	 */
	SESSION,

	/**
	 * Odoo 19+ JSON-2 API: {@code POST /json/2/<model>/<method>} with {@code Authorization: bearer <api key>},
	 * named arguments only, plain JSON results and HTTP status errors. Needs an API key, not a password.
	 */
	JSON2

}
