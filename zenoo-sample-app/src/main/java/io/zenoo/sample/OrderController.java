package io.zenoo.sample;

import java.util.List;

import io.zenoo.client.ZenooClient;
import io.zenoo.client.model.SaleOrder;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sale orders: data that changes by the minute, so it is never cached ({@code noCache()}).
 */
@RestController
public class OrderController {

	private static final int MAX_LIMIT = 100;

	private final ZenooClient client;

	/**
	 * @param client the application's Odoo client
	 */
	public OrderController(ZenooClient client) {
		this.client = client;
	}

	/**
	 * The newest sale orders, read from Odoo on every request.
	 * @param limit how many, 1 to 100 (default 10)
	 * @return the orders, newest first
	 */
	@GetMapping("/orders/recent")
	public Mono<List<SaleOrder>> recent(@RequestParam(defaultValue = "10") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"limit must be between 1 and " + MAX_LIMIT));
		}
		return this.client.model(SaleOrder.class)
			.orderBy("date_order desc, id desc")
			.limit(limit)
			.noCache()
			.all();
	}

}
