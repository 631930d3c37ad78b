package io.zenoo.cache;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.zenoo.client.error.OdooTransportException;

/**
 * Which load failures let a cache serve an expired value (see {@link CacheFreshness#maxStale()}): Odoo could not be
 * reached or its answer not understood ({@link OdooTransportException} and its subtypes: timeouts, refused or dropped
 * connections, HTTP errors such as a 502 page, malformed answers), or a loader timed out ({@link TimeoutException}).
 * Odoo's own errors (access, validation, missing records...) are answers, not outages, and always reach the caller.
 */
final class StaleIfError {

	private StaleIfError() {
	}

	static boolean allows(Throwable failure) {
		Throwable ex = failure;
		for (int depth = 0; ex != null && depth < 8; depth++) {
			if (ex instanceof OdooTransportException || ex instanceof TimeoutException) {
				return true;
			}
			if (!(ex instanceof CompletionException || ex instanceof ExecutionException)) {
				return false;
			}
			ex = ex.getCause();
		}
		return false;
	}

}
