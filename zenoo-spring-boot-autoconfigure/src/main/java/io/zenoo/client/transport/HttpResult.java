package io.zenoo.client.transport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP response, read: its status, its body as a JSON tree (when it parsed) or else a short text excerpt, and
 * the {@code session_id} cookie it set, if any.
 */
record HttpResult(int status, @Nullable JsonNode json, String excerpt, @Nullable String sessionId) {

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

}
