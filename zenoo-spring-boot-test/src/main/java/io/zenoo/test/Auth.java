package io.zenoo.test;

import java.security.SecureRandom;
import java.util.Map;

/** Checks databases, logins, passwords and API keys against the store. */
final class Auth {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Store store;

	Auth(Store store) {
		this.store = store;
	}

	static void checkDatabase(Object db) {
		if (!OdooTestServer.DATABASE.equals(db)) {
			throw OdooError.unknownDatabase(String.valueOf(db));
		}
	}

	/** @return the uid, or {@code null} if the login or password is wrong */
	Long login(Object db, Object login, Object password) {
		checkDatabase(db);
		synchronized (this.store) {
			for (Map<String, Object> user : this.store.require("res.users").records().values()) {
				if (user.get("login").equals(login) && !Boolean.FALSE.equals(user.get("active"))) {
					long uid = (Long) user.get("id");
					if (!matches(uid, password)) {
						return null;
					}
					user.put("login_date", Values.now());
					return uid;
				}
			}
			return null;
		}
	}

	/** Checks the credentials of an {@code execute_kw} call. */
	void check(Object db, long uid, Object password) {
		checkDatabase(db);
		synchronized (this.store) {
			Map<String, Object> user = this.store.require("res.users").record(uid);
			if (user == null) {
				throw OdooError.missing("res.users", java.util.List.of(uid), uid);
			}
			if (Boolean.FALSE.equals(user.get("active")) || !matches(uid, password)) {
				throw OdooError.accessDenied();
			}
		}
	}

	/** @return the uid owning this API key, or {@code null} */
	Long apiKeyUser(String key) {
		synchronized (this.store) {
			return this.store.apiKeys().get(key);
		}
	}

	String createApiKey(String login) {
		synchronized (this.store) {
			for (Map<String, Object> user : this.store.require("res.users").records().values()) {
				if (user.get("login").equals(login)) {
					byte[] bytes = new byte[20];
					RANDOM.nextBytes(bytes);
					StringBuilder key = new StringBuilder();
					for (byte b : bytes) {
						key.append(String.format("%02x", b));
					}
					this.store.apiKeys().put(key.toString(), (Long) user.get("id"));
					return key.toString();
				}
			}
		}
		throw new IllegalArgumentException("No user with login '" + login + "'");
	}

	private boolean matches(long uid, Object password) {
		if (!(password instanceof String text) || text.isEmpty()) {
			return false;
		}
		return text.equals(this.store.password(uid)) || Long.valueOf(uid).equals(this.store.apiKeys().get(text));
	}

	static String randomToken(int bytes) {
		byte[] data = new byte[bytes];
		RANDOM.nextBytes(data);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(data);
	}

}
