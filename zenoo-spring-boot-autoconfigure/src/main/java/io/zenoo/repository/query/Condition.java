package io.zenoo.repository.query;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.zenoo.client.domain.Domain;
import io.zenoo.client.domain.FieldPredicate;
import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.query.parser.Part;

/**
 * One part of a derived method name ({@code NameContainingIgnoreCase}) as an Odoo term, decided at startup; only the
 * values are filled in per call.
 *
 * @param field the Odoo field path, for example {@code country_id.code}
 * @param type Spring Data's keyword
 * @param ignoreCase whether the comparison ignores case
 * @param idList whether the field is a list of related ids (contains means {@code in})
 * @param optional whether the argument is an {@code Optional} ({@code =?}: no condition when it is empty)
 * @param firstArgument the index of its first bindable argument
 */
record Condition(String field, Part.Type type, boolean ignoreCase, boolean idList, boolean optional,
		int firstArgument) {

	/** The keywords Odoo can express; the others stop startup. */
	static boolean supports(Part.Type type) {
		return switch (type) {
			case NEAR, WITHIN, REGEX, EXISTS -> false;
			default -> true;
		};
	}

	int arguments() {
		return this.type.getNumberOfArguments();
	}

	Domain toDomain(Object[] values) {
		FieldPredicate f = Domain.field(this.field);
		Object value = (arguments() > 0) ? values[this.firstArgument] : null;
		return switch (this.type) {
			case SIMPLE_PROPERTY -> equal(f, value);
			case NEGATING_SIMPLE_PROPERTY -> (this.ignoreCase) ? Domain.not(f.equalsIgnoreCase(text(value)))
					: (value == null) ? f.isSet() : f.ne(value);
			case GREATER_THAN, AFTER -> f.gt(value);
			case GREATER_THAN_EQUAL -> f.ge(value);
			case LESS_THAN, BEFORE -> f.lt(value);
			case LESS_THAN_EQUAL -> f.le(value);
			case BETWEEN -> f.ge(value).and(f.le(values[this.firstArgument + 1]));
			case IS_NULL, IS_EMPTY -> f.isNotSet();
			case IS_NOT_NULL, IS_NOT_EMPTY -> f.isSet();
			case TRUE -> f.eq(true);
			case FALSE -> f.eq(false);
			case IN -> f.in(collection(value));
			case NOT_IN -> f.notIn(collection(value));
			case LIKE -> (this.ignoreCase) ? f.eqIlike(text(value)) : f.eqLike(text(value));
			case NOT_LIKE -> Domain.not((this.ignoreCase) ? f.eqIlike(text(value)) : f.eqLike(text(value)));
			case CONTAINING -> (this.idList) ? f.in(List.of(value(value)))
					: (this.ignoreCase) ? f.ilike(text(value)) : f.like(text(value));
			case NOT_CONTAINING -> (this.idList) ? f.notIn(List.of(value(value)))
					: (this.ignoreCase) ? f.notIlike(text(value)) : f.notLike(text(value));
			case STARTING_WITH -> (this.ignoreCase) ? f.startsWithIgnoreCase(text(value)) : f.startsWith(text(value));
			case ENDING_WITH -> (this.ignoreCase) ? f.endsWithIgnoreCase(text(value)) : f.endsWith(text(value));
			default -> throw new IllegalStateException("unsupported keyword " + this.type);
		};
	}

	private Domain equal(FieldPredicate f, @Nullable Object value) {
		if (this.optional) {
			Object unwrapped = (value instanceof Optional<?> optionalValue) ? optionalValue.orElse(null) : value;
			return f.eqOrUnset((unwrapped != null) ? unwrapped : Boolean.FALSE);
		}
		if (this.ignoreCase) {
			return f.equalsIgnoreCase(text(value));
		}
		return (value == null) ? f.isNotSet() : f.eq(value);
	}

	private Object value(@Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException("The argument for '" + this.field + "' must not be null");
		}
		return value;
	}

	private String text(@Nullable Object value) {
		if (!(value instanceof CharSequence text)) {
			throw new IllegalArgumentException("The argument for '" + this.field + "' " + this.type
					+ ((this.ignoreCase) ? " ignoring case" : "") + " must be a String, got "
					+ ((value != null) ? value.getClass().getName() : "null"));
		}
		return text.toString();
	}

	private Collection<?> collection(@Nullable Object value) {
		if (value instanceof Collection<?> collection) {
			return collection;
		}
		if (value != null && value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> list = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				list.add(Array.get(value, i));
			}
			return list;
		}
		if (value instanceof Iterable<?> iterable) {
			List<Object> list = new ArrayList<>();
			iterable.forEach(list::add);
			return list;
		}
		throw new IllegalArgumentException("The argument for '" + this.field + "' " + this.type
				+ " must be a collection or an array, got " + ((value != null) ? value.getClass().getName() : "null"));
	}

}
