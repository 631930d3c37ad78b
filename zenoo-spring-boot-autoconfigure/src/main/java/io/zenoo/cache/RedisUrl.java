package io.zenoo.cache;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://} URL. Never shows the password:
 * messages and {@link #toString()} use the masked form.
 */
record RedisUrl(boolean ssl, String host, int port, int database, @Nullable String username,
		@Nullable String password) {

	static RedisUrl parse(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw invalid(url, "is not a valid URL");
		}
		String scheme = uri.getScheme();
		if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
			throw invalid(url, "must start with redis:// or rediss://");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid(url, "has no host");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 6379;
		if (port < 1 || port > 65535) {
			throw invalid(url, "has a port " + port + " outside 1..65535");
		}
		int database = 0;
		String path = uri.getPath();
		if (path != null && path.length() > 1) {
			try {
				database = Integer.parseInt(path.substring(1));
			}
			catch (NumberFormatException ex) {
				throw invalid(url, "has a database '" + path.substring(1) + "' that is not a number");
			}
			if (database < 0) {
				throw invalid(url, "has a negative database number");
			}
		}
		String username = null;
		String password = null;
		String userInfo = uri.getUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			if (colon < 0) {
				password = userInfo;
			}
			else {
				username = (colon > 0) ? userInfo.substring(0, colon) : null;
				password = userInfo.substring(colon + 1);
			}
		}
		return new RedisUrl("rediss".equalsIgnoreCase(scheme), uri.getHost(), port, database, username, password);
	}

	private static InvalidCacheSpecException invalid(@Nullable String url, String problem) {
		return new InvalidCacheSpecException("url", "'" + mask(url) + "' " + problem,
				"Use a URL such as redis://localhost:6379/0 or rediss://user:password@host:6380/1.");
	}

	/** Replace any user info of a URL by {@code ***}. */
	static String mask(@Nullable String url) {
		if (url == null) {
			return "null";
		}
		int scheme = url.indexOf("://");
		int at = url.lastIndexOf('@');
		if (scheme >= 0 && at > scheme) {
			return url.substring(0, scheme + 3) + "***@" + url.substring(at + 1);
		}
		if (at >= 0) {
			return "***@" + url.substring(at + 1);
		}
		return url;
	}

	@Override
	public String toString() {
		return (this.ssl ? "rediss://" : "redis://") + ((this.password != null) ? "***@" : "") + this.host + ":"
				+ this.port + "/" + this.database;
	}

}
