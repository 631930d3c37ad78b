package io.zenoo.client.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import io.netty.channel.ConnectTimeoutException;
import io.zenoo.client.error.OdooConnectionException;
import io.zenoo.client.error.OdooException;
import io.zenoo.client.error.OdooMalformedResponseException;
import io.zenoo.client.error.OdooResponseTooLargeException;
import io.zenoo.client.error.OdooTimeoutException;
import io.zenoo.client.error.OdooTransportException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;

/**
 * Translates Netty, Reactor Netty, Spring and Jackson failures into {@link OdooTransportException} subtypes whose
 * messages name the call and the server (never the secret).
 */
final class TransportFailures {

	private static final int MAX_CAUSE_DEPTH = 12;

	private final String server;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final long maxResponseBytes;

	private final Redactor redactor;

	TransportFailures(String server, Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
			Redactor redactor) {
		this.server = server;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.maxResponseBytes = maxResponseBytes;
		this.redactor = redactor;
	}

	OdooException translate(Throwable failure, Target target) {
		if (failure instanceof OdooException odoo) {
			return odoo;
		}
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			OdooException known = translateOne(current, failure, target);
			if (known != null) {
				return known;
			}
			current = current.getCause();
		}
		return new OdooTransportException("Request to Odoo at " + this.server + " for " + target + " failed: "
				+ describe(failure), failure);
	}

	private @Nullable OdooException translateOne(Throwable candidate, Throwable failure, Target target) {
		if (candidate instanceof OdooException odoo) {
			return odoo;
		}
		if (candidate instanceof DataBufferLimitException) {
			return tooLarge(target, failure);
		}
		if (candidate instanceof ConnectTimeoutException) {
			return new OdooTimeoutException("Could not connect to Odoo at " + this.server + " within "
					+ this.connectTimeout.toMillis() + " ms for " + target, failure);
		}
		if (candidate instanceof io.netty.handler.timeout.TimeoutException
				|| candidate instanceof java.util.concurrent.TimeoutException) {
			return new OdooTimeoutException("Odoo at " + this.server + " did not answer " + target + " within "
					+ this.readTimeout.toMillis() + " ms", failure);
		}
		if (candidate.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
			return new OdooTimeoutException("No free connection to Odoo at " + this.server + " for " + target
					+ " (all pooled connections busy)", failure);
		}
		if (candidate instanceof ConnectException) {
			return new OdooConnectionException("Could not connect to Odoo at " + this.server + " for " + target
					+ ": " + describe(candidate), failure);
		}
		if (candidate instanceof PrematureCloseException) {
			return new OdooConnectionException("Odoo at " + this.server + " closed the connection before answering "
					+ target, failure);
		}
		if (candidate instanceof IOException) {
			return new OdooConnectionException("Connection to Odoo at " + this.server + " failed during " + target
					+ ": " + describe(candidate), failure);
		}
		if (candidate instanceof JacksonException json) {
			return malformed(target, json);
		}
		return null;
	}

	OdooResponseTooLargeException tooLarge(Target target, Throwable cause) {
		return new OdooResponseTooLargeException("The response of Odoo at " + this.server + " to " + target
				+ " exceeds the limit of " + this.maxResponseBytes
				+ " bytes (zenoo.odoo.max-response-size); name the fields and set a limit", this.maxResponseBytes,
				cause);
	}

	OdooMalformedResponseException malformed(Target target, JacksonException cause) {
		String detail = this.redactor.apply(String.valueOf(cause.getOriginalMessage()));
		return new OdooMalformedResponseException("Odoo at " + this.server + " answered " + target
				+ " with malformed or truncated JSON: " + detail, cause);
	}

	String redact(String text) {
		return this.redactor.apply(text);
	}

	String server() {
		return this.server;
	}

	private String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = (message != null && !message.isBlank()) ? failure.getClass().getSimpleName() + ": " + message
				: failure.getClass().getSimpleName();
		return this.redactor.apply(text);
	}

}
