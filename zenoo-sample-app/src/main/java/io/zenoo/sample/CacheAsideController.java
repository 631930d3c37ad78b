package io.zenoo.sample;

import java.time.Duration;

import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.ResPartner;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Cache-aside: the application decides what to store, under which key and for how long, with
 * {@code cacheManager.get/set}. Such keys are the application's own: they carry no user and no model generation, so
 * writes through the client do not invalidate them and every caller shares them. Hence a short TTL, and a key naming
 * the user the value was read as.
 */
@RestController
public class CacheAsideController {

	private static final Duration TTL = Duration.ofMinutes(10);

	private final ZenooCacheManager caches;

	private final ZenooClient client;

	/**
	 * @param caches the Zenoo cache manager
	 * @param client the application's Odoo client
	 */
	public CacheAsideController(ZenooCacheManager caches, ZenooClient client) {
		this.caches = caches;
		this.client = client;
	}

	/**
	 * A partner's card: from the cache when there, else read from Odoo (bypassing the query cache) and stored.
	 * @param id the partner id
	 * @return the card, or 404
	 */
	@GetMapping("/aside/partners/{id}")
	public Mono<PartnerCard> card(@PathVariable long id) {
		String key = "partner-card:" + this.client.login() + ":" + id;
		return this.caches.get(key, PartnerCard.class).switchIfEmpty(Mono.defer(() -> load(id)
			.flatMap((card) -> this.caches.set(key, card, TTL).thenReturn(card))));
	}

	private Mono<PartnerCard> load(long id) {
		return this.client.model(ResPartner.class)
			.noCache()
			.get(id)
			.map(PartnerCard::of)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + id)));
	}

}
