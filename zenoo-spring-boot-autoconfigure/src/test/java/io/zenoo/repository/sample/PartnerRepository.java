package io.zenoo.repository.sample;

import java.util.List;
import java.util.Optional;

import io.zenoo.annotation.OdooCacheEvict;
import io.zenoo.annotation.OdooCached;
import io.zenoo.client.model.ResPartner;
import io.zenoo.repository.OdooQuery;
import io.zenoo.repository.OdooRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The repository the tests use: derived queries of many shapes, explicit queries, annotated methods.
 */
public interface PartnerRepository extends OdooRepository<ResPartner, Long> {

	Flux<ResPartner> findByIsCompanyTrue();

	Flux<ResPartner> findByNameContainingIgnoreCase(String text);

	Flux<ResPartner> findByCountryIdCodeIn(List<String> codes);

	Flux<ResPartner> findTop10ByCustomerRankGreaterThanOrderByNameAsc(int rank);

	Mono<Long> countByActiveFalse();

	Flux<ResPartner> findByCityNot(String city);

	Flux<ResPartner> findByCityNotIn(List<String> cities);

	Flux<ResPartner> findByIdBetween(long from, long to);

	Flux<ResPartner> findByParentIdIsNull();

	Flux<ResPartner> findByParentIdIsNotNull();

	Flux<ResPartner> findByNameStartingWith(String prefix);

	Flux<ResPartner> findByEmailEndingWithIgnoreCase(String suffix);

	Flux<ResPartner> findByIsCompanyTrueOrCustomerRankGreaterThanEqual(int rank);

	Flux<ResPartner> findByCityAndIsCompanyFalse(String city);

	Flux<ResPartner> findByParentIdNameContaining(String text);

	Mono<Boolean> existsByEmail(String email);

	Flux<ResPartner> findByCustomerRankLessThanEqualAndIdLessThan(int rank, long id);

	Flux<ResPartner> findByCity(Optional<String> city);

	Flux<ResPartner> findByCategoryIdContaining(long category);

	Flux<ResPartner> findByNameLike(String pattern);

	Flux<ResPartner> findByIsCompanyTrue(Pageable pageable);

	Mono<Page<ResPartner>> findPageByIsCompanyTrue(Pageable pageable);

	Flux<ResPartner> findByIsCompanyTrue(Sort sort);

	Mono<ResPartner> findFirstByOrderByIdDesc();

	Mono<ResPartner> findByName(String name);

	Mono<List<ResPartner>> findByCountryIdPhoneCodeGreaterThan(int code);

	Mono<Long> deleteByCity(String city);

	@OdooQuery(domain = "[('is_company','=',True),('country_id.code','=',?0)]", fields = { "name", "country_id" },
			order = "name")
	Flux<ResPartner> companiesIn(String countryCode);

	@OdooQuery(domain = "[('name','=',?0),('id','in',?1)]")
	Mono<List<ResPartner>> namedAmong(String name, List<Long> ids);

	@OdooQuery(domain = "[('is_company','=',True)]", order = "id")
	Flux<ResPartner> companiesPaged(Pageable pageable);

	@OdooQuery(domain = "[('city','=',?0)]")
	Mono<Long> countInCity(String city);

	@OdooCached(cache = "fast")
	Mono<List<ResPartner>> findByCityIn(List<String> cities);

	@OdooCached(cache = "fast", ttl = "10m")
	Flux<ResPartner> findByParentIdId(long parentId);

	@OdooCacheEvict
	Mono<Long> deleteByEmail(String email);

}
