package io.zenoo.test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Web sessions: {@code session_id} cookie to uid. */
final class Sessions {

	private static final DateTimeFormatter COOKIE_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

	private final Map<String, Long> sessions = new ConcurrentHashMap<>();

	String open(long uid) {
		String id = Auth.randomToken(63);
		this.sessions.put(id, uid);
		return id;
	}

	Long uid(String sessionId) {
		return (sessionId != null) ? this.sessions.get(sessionId) : null;
	}

	void destroy(String sessionId) {
		if (sessionId != null) {
			this.sessions.remove(sessionId);
		}
	}

	void clear() {
		this.sessions.clear();
	}

	static String cookie(String sessionId) {
		String expires = ZonedDateTime.now(ZoneOffset.UTC).plusDays(7).format(COOKIE_DATE);
		return "session_id=" + sessionId + "; Expires=" + expires + "; Max-Age=604800; HttpOnly; Path=/";
	}

	static List<String> destroyCookies(String newSessionId) {
		String expires = ZonedDateTime.now(ZoneOffset.UTC).format(COOKIE_DATE);
		return List.of("cids=; Expires=" + expires + "; Max-Age=0; Path=/", cookie(newSessionId));
	}

	/** The {@code session_id} value of a {@code Cookie} header, or {@code null}. */
	static String sessionId(String cookieHeader) {
		if (cookieHeader == null) {
			return null;
		}
		for (String part : cookieHeader.split(";")) {
			String trimmed = part.trim();
			if (trimmed.startsWith("session_id=")) {
				return trimmed.substring("session_id=".length());
			}
		}
		return null;
	}

}
