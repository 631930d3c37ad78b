package io.zenoo.repository;

import io.zenoo.client.QueryBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * A reactive repository of one Odoo model, declared as an interface and implemented at startup, in the way of Spring
 * Data:
 *
 * <pre class="code">
 * interface PartnerRepository extends OdooRepository&lt;ResPartner, Long&gt; {
 *     Flux&lt;ResPartner&gt; findByIsCompanyTrue();
 *     Flux&lt;ResPartner&gt; findByNameContainingIgnoreCase(String text);
 *     Mono&lt;Long&gt; countByActiveFalse();
 * }
 * </pre>
 *
 * The record type ({@code T}) is a Java record annotated with {@link io.zenoo.client.model.OdooModel}; its components
 * are the fields read, so a repository never reads Odoo's heavy default field set. Reads go through
 * {@code client.model(T.class)} and are cached like any fluent query; writes go through the client too.
 *
 * @param <T> the record type
 * @param <ID> the id type: {@code Long} (or {@code Integer})
 */
@NoRepositoryBean
public interface OdooRepository<T, ID> extends Repository<T, ID> {

	/**
	 * Reads one record ({@code read}).
	 * @param id the id
	 * @return the record, or empty when it does not exist or is not visible to the user
	 */
	Mono<T> findById(ID id);

	/**
	 * Reads records by id in one {@code read}; ids that do not exist are left out.
	 * @param ids the ids
	 * @return the records
	 */
	Flux<T> findAllById(Iterable<ID> ids);

	/**
	 * Reads every record ({@code search_read}), in the model's default order.
	 * @return the records
	 */
	Flux<T> findAll();

	/**
	 * Reads every record in the given order.
	 * @param sort the order, by record component names ({@code Sort.by("name")}) or dotted paths
	 * @return the records
	 */
	Flux<T> findAll(Sort sort);

	/**
	 * Reads one page of records: {@code offset} and {@code limit} from the page, order from its sort.
	 * @param pageable the page
	 * @return the page's records
	 */
	Flux<T> findAll(Pageable pageable);

	/**
	 * Counts the records ({@code search_count}).
	 * @return the count
	 */
	Mono<Long> count();

	/**
	 * Whether a record exists (and is visible to the user).
	 * @param id the id
	 * @return whether it exists
	 */
	Mono<Boolean> existsById(ID id);

	/**
	 * Creates the record if its id is 0 (or {@code null}), otherwise writes every writable component to it; then
	 * reads it back, so computed fields ({@code display_name}, {@code write_date}) are current.
	 * @param <S> the record type
	 * @param entity the record
	 * @return the record as stored
	 */
	<S extends T> Mono<S> save(S entity);

	/**
	 * Saves several records: the new ones in one {@code create}, each existing one with a {@code write}, then reads
	 * them back in one {@code read}.
	 * @param <S> the record type
	 * @param entities the records
	 * @return the records as stored, in the given order
	 */
	<S extends T> Flux<S> saveAll(Iterable<S> entities);

	/**
	 * Deletes one record ({@code unlink}).
	 * @param id the id
	 * @return completes once deleted
	 */
	Mono<Void> deleteById(ID id);

	/**
	 * Deletes records by id in one {@code unlink}.
	 * @param ids the ids
	 * @return completes once deleted
	 */
	Mono<Void> deleteAllById(Iterable<? extends ID> ids);

	/**
	 * A fluent query on this repository's model, as {@code client.model(T.class)} gives it, for what method names
	 * cannot say.
	 * @return a new query builder
	 */
	QueryBuilder<T> query();

}
