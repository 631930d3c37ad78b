package io.zenoo.test;

/**
 * The users every {@link OdooTestServer} knows, with their passwords. Ids, logins and rights reproduce the recorded
 * Odoo 18 database (samples 60-65 and {@code record-rules.json}).
 */
public final class OdooTestUsers {

	/** The administrator's login. */
	public static final String ADMIN_LOGIN = "admin";

	/** The administrator's password. */
	public static final String ADMIN_PASSWORD = "admin";

	/** The administrator's uid. */
	public static final long ADMIN_UID = 2;

	/** The demo salesman "Marc Demo" (an internal user). */
	public static final String DEMO_LOGIN = "demo";

	/** The password of {@link #DEMO_LOGIN}. */
	public static final String DEMO_PASSWORD = "demo";

	/** The uid of {@link #DEMO_LOGIN}. */
	public static final long DEMO_UID = 6;

	/**
	 * An internal user with only {@code base.group_user}: reads contacts, gets {@code AccessError} writing
	 * {@code res.users} or {@code res.company} and reading {@code ir.config_parameter}.
	 */
	public static final String LIMITED_LOGIN = "rpc_limited";

	/** The password of {@link #LIMITED_LOGIN}. */
	public static final String LIMITED_PASSWORD = "limited";

	/** The uid of {@link #LIMITED_LOGIN}. */
	public static final long LIMITED_UID = 11;

	/** A salesman who sees only his own sales orders (orders 1-3). */
	public static final String SALES_OWN_LOGIN = "sales_own";

	/** The password of {@link #SALES_OWN_LOGIN}. */
	public static final String SALES_OWN_PASSWORD = "sales_own";

	/** The uid of {@link #SALES_OWN_LOGIN}. */
	public static final long SALES_OWN_UID = 12;

	/** A user allowed only in "Second Company" (company id 2). */
	public static final String COMPANY2_LOGIN = "company2_user";

	/** The password of {@link #COMPANY2_LOGIN}. */
	public static final String COMPANY2_PASSWORD = "company2_user";

	/** The uid of {@link #COMPANY2_LOGIN}. */
	public static final long COMPANY2_UID = 13;

	private OdooTestUsers() {
	}

}
