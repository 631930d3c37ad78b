package io.zenoo.actuate;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The web side of the {@code zenoo} endpoint: {@code DELETE /actuator/zenoo/{cache}} of an unknown cache answers
 * 404 instead of an empty 204.
 */
@EndpointWebExtension(endpoint = ZenooEndpoint.class)
public class ZenooEndpointWebExtension {

	private final ZenooEndpoint delegate;

	/**
	 * Create the extension.
	 * @param delegate the endpoint
	 */
	public ZenooEndpointWebExtension(ZenooEndpoint delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
	}

	/**
	 * Clear a cache, or remove its entries matching a pattern or belonging to a model.
	 * @param cache the cache name
	 * @param pattern a glob on the key text, or {@code null}
	 * @param model an Odoo model, or {@code null}
	 * @return what was done (200), or 404 when there is no such cache
	 */
	@DeleteOperation
	public Mono<WebEndpointResponse<Map<String, Object>>> clear(@Selector String cache, @Nullable String pattern,
			@Nullable String model) {
		return this.delegate.clear(cache, pattern, model)
			.map((result) -> new WebEndpointResponse<>(result, WebEndpointResponse.STATUS_OK))
			.defaultIfEmpty(new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
	}

}
