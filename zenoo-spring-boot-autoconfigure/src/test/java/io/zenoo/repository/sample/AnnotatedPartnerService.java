package io.zenoo.repository.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zenoo.annotation.OdooCacheEvict;
import io.zenoo.annotation.OdooCachePut;
import io.zenoo.annotation.OdooCached;
import io.zenoo.client.ZenooClient;
import io.zenoo.client.domain.Domain;
import io.zenoo.client.model.ResPartner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A plain Spring bean with annotated methods; its reads bypass the fluent cache so every call that runs reaches the
 * test server, where the tests count it.
 */
@Service
public class AnnotatedPartnerService {

	private final ZenooClient client;

	private final AtomicInteger plainCalls = new AtomicInteger();

	public AnnotatedPartnerService(ZenooClient client) {
		this.client = client;
	}

	@OdooCached(cache = "fast", model = "res.partner")
	public Mono<List<ResPartner>> companies() {
		return this.client.model(ResPartner.class).noCache().filter(Domain.field("is_company").eq(true)).all();
	}

	@OdooCached(cache = "fast", model = "res.partner")
	public Flux<ResPartner> inCity(String city) {
		return this.client.model(ResPartner.class).noCache().filter(Domain.field("city").eq(city)).stream();
	}

	@OdooCached(cache = "fast", model = "res.partner")
	public Flux<ResPartner> everyone() {
		return this.client.model(ResPartner.class).noCache().stream();
	}

	@OdooCached(cache = "fast", model = "res.partner")
	public List<ResPartner> companiesNow() {
		this.plainCalls.incrementAndGet();
		return this.client.model(ResPartner.class).noCache().filter(Domain.field("is_company").eq(true)).all()
			.block();
	}

	public int plainCalls() {
		return this.plainCalls.get();
	}

	@OdooCached(cache = "fast", model = "res.partner", condition = "#city != 'Tracy'")
	public Mono<Long> countInCity(String city) {
		return this.client.model(ResPartner.class).noCache().filter(Domain.field("city").eq(city)).count();
	}

	@OdooCached(cache = "fast", model = "res.partner", unless = "#result.isEmpty()")
	public Mono<List<ResPartner>> named(String name) {
		return this.client.model(ResPartner.class).noCache().filter(Domain.field("name").eq(name)).all();
	}

	@OdooCached(cache = "fast", model = "res.partner", refresh = true)
	public Mono<Long> freshCount() {
		return this.client.model(ResPartner.class).noCache().count();
	}

	@OdooCached(cache = "fast", model = "res.partner", key = "'partner-' + #id")
	public Mono<ResPartner> partner(long id) {
		return this.client.model(ResPartner.class).noCache().get(id);
	}

	@OdooCachePut(cache = "fast", model = "res.partner", key = "'partner-' + #id")
	public Mono<ResPartner> reloadPartner(long id) {
		return this.client.model(ResPartner.class).noCache().get(id);
	}

	@OdooCacheEvict(cache = "fast", model = "res.partner", key = "'partner-' + #id")
	public Mono<Void> forgetPartner(long id) {
		return Mono.empty();
	}

	@OdooCacheEvict(models = "res.partner")
	public Mono<Void> partnersChanged() {
		return Mono.empty();
	}

	@OdooCacheEvict(cache = "fast", pattern = "res.partner:@*inCity*")
	public void forgetCities() {
	}

	@OdooCached(cache = "fast", model = "res.partner")
	public Mono<Long> countAs(ZenooClient user) {
		return user.model(ResPartner.class).noCache().count();
	}

}
