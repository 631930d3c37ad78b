package io.zenoo.repository.query;

import java.lang.reflect.Method;
import java.util.List;

import io.zenoo.repository.InvalidRepositoryException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Page;

/**
 * What a query method returns, decided once from its declared return type.
 */
enum ResultKind {

	/** {@code Flux<T>}: the rows one by one. */
	FLUX,

	/** {@code Mono<List<T>>}: the rows as one list. */
	LIST,

	/** {@code Mono<T>}: the only row (an error if there are several). */
	ONE,

	/** {@code Mono<Page<T>>}: one page and the total. */
	PAGE,

	/** {@code Mono<Long>} or {@code Mono<Integer>}: how many match. */
	COUNT,

	/** {@code Mono<Boolean>}: whether any matches. */
	EXISTS,

	/** {@code Mono<Void>}: nothing (deletions). */
	NOTHING;

	static ResultKind of(Method method, Class<?> recordType) {
		ResolvableType returned = ResolvableType.forMethodReturnType(method);
		Class<?> raw = returned.resolve();
		ResolvableType element = returned.getGeneric(0);
		Class<?> elementClass = element.resolve();
		if (raw == Flux.class && elementClass == recordType) {
			return FLUX;
		}
		if (raw == Mono.class && elementClass != null) {
			if (elementClass == recordType) {
				return ONE;
			}
			if (elementClass == List.class && element.getGeneric(0).resolve() == recordType) {
				return LIST;
			}
			if (elementClass == Page.class && element.getGeneric(0).resolve() == recordType) {
				return PAGE;
			}
			if (elementClass == Long.class || elementClass == Integer.class) {
				return COUNT;
			}
			if (elementClass == Boolean.class) {
				return EXISTS;
			}
			if (elementClass == Void.class) {
				return NOTHING;
			}
		}
		throw new InvalidRepositoryException(QueryMethods.describe(method) + " returns " + returned
				+ ": a repository method returns Flux<" + recordType.getSimpleName() + ">, Mono<"
				+ recordType.getSimpleName() + ">, Mono<List<" + recordType.getSimpleName() + ">>, Mono<Page<"
				+ recordType.getSimpleName() + ">>, Mono<Long>, Mono<Boolean> or Mono<Void>");
	}

	boolean isRows() {
		return this == FLUX || this == LIST || this == ONE || this == PAGE;
	}

}
