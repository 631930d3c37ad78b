package io.zenoo.client.domain;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * A field (or dotted path) waiting for an operator, from {@link Domain#field(String)}. Every method returns a one-term
 * {@link Domain}. Values are converted as {@link io.zenoo.client.mapping.OdooValues} does: {@code null} is Odoo's
 * {@code False}, a date becomes {@code "YYYY-MM-DD"}, a {@code Many2One} its id.
 * <p>
 * Odoo's {@code like}/{@code ilike} wrap the value in {@code %...%} themselves ("contains"); {@code =like} and
 * {@code =ilike} use the pattern as given. The conveniences {@link #startsWith(String)}, {@link #endsWith(String)} and
 * {@link #equalsIgnoreCase(String)} escape {@code %}, {@code _} and {@code \} in the value, so it matches literally.
 */
public final class FieldPredicate {

	private final String path;

	FieldPredicate(String path) {
		this.path = path;
	}

	/**
	 * {@code path = value}.
	 * @param value the value, {@code null} for "not set"
	 * @return the condition
	 */
	public Domain eq(@Nullable Object value) {
		return term("=", value);
	}

	/**
	 * {@code path != value}.
	 * @param value the value, {@code null} for "set"
	 * @return the condition
	 */
	public Domain ne(@Nullable Object value) {
		return term("!=", value);
	}

	/**
	 * {@code path > value}.
	 * @param value the value
	 * @return the condition
	 */
	public Domain gt(@Nullable Object value) {
		return term(">", value);
	}

	/**
	 * {@code path >= value}.
	 * @param value the value
	 * @return the condition
	 */
	public Domain ge(@Nullable Object value) {
		return term(">=", value);
	}

	/**
	 * {@code path < value}.
	 * @param value the value
	 * @return the condition
	 */
	public Domain lt(@Nullable Object value) {
		return term("<", value);
	}

	/**
	 * {@code path <= value}.
	 * @param value the value
	 * @return the condition
	 */
	public Domain le(@Nullable Object value) {
		return term("<=", value);
	}

	/**
	 * {@code path =? value}: true when the value is not set ({@code null}/{@code False}), else {@code path = value}.
	 * @param value the value, or {@code null}
	 * @return the condition
	 */
	public Domain eqOrUnset(@Nullable Object value) {
		return term("=?", value);
	}

	/**
	 * {@code path like value}: case-sensitive "contains" (Odoo adds the {@code %} around the value; {@code %} and
	 * {@code _} inside it are wildcards).
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain like(String value) {
		return term("like", text("like", value));
	}

	/**
	 * {@code path not like value}: does not contain, case-sensitive.
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain notLike(String value) {
		return term("not like", text("not like", value));
	}

	/**
	 * {@code path ilike value}: "contains", ignoring case.
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain ilike(String value) {
		return term("ilike", text("ilike", value));
	}

	/**
	 * {@code path not ilike value}: does not contain, ignoring case.
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain notIlike(String value) {
		return term("not ilike", text("not ilike", value));
	}

	/**
	 * {@code path =like pattern}: SQL LIKE with the pattern as given ({@code %}, {@code _} wildcards).
	 * @param pattern the pattern
	 * @return the condition
	 * @throws DomainSyntaxException if the pattern is null
	 */
	public Domain eqLike(String pattern) {
		return term("=like", text("=like", pattern));
	}

	/**
	 * {@code path =ilike pattern}: SQL ILIKE with the pattern as given.
	 * @param pattern the pattern
	 * @return the condition
	 * @throws DomainSyntaxException if the pattern is null
	 */
	public Domain eqIlike(String pattern) {
		return term("=ilike", text("=ilike", pattern));
	}

	/**
	 * {@code path in values}.
	 * @param values the values
	 * @return the condition
	 * @throws DomainSyntaxException if {@code values} is null
	 */
	public Domain in(Collection<?> values) {
		return term("in", collection("in", values));
	}

	/**
	 * {@code path not in values}.
	 * @param values the values
	 * @return the condition
	 * @throws DomainSyntaxException if {@code values} is null
	 */
	public Domain notIn(Collection<?> values) {
		return term("not in", collection("not in", values));
	}

	/**
	 * {@code path child_of value}: the record and its descendants in a hierarchy.
	 * @param value an id, a list of ids, or a name
	 * @return the condition
	 */
	public Domain childOf(@Nullable Object value) {
		return term("child_of", value);
	}

	/**
	 * {@code path parent_of value}: the record and its ancestors in a hierarchy.
	 * @param value an id, a list of ids, or a name
	 * @return the condition
	 */
	public Domain parentOf(@Nullable Object value) {
		return term("parent_of", value);
	}

	/**
	 * {@code path any domain}: at least one related record matches the sub-domain.
	 * @param domain the sub-domain over the relation's model
	 * @return the condition
	 * @throws DomainSyntaxException if the domain is null
	 */
	public Domain any(Domain domain) {
		return term("any", domain);
	}

	/**
	 * {@code path not any domain}: no related record matches the sub-domain.
	 * @param domain the sub-domain over the relation's model
	 * @return the condition
	 * @throws DomainSyntaxException if the domain is null
	 */
	public Domain notAny(Domain domain) {
		return term("not any", domain);
	}

	/**
	 * Contains the text, case-sensitive: {@code like value}.
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain contains(String value) {
		return like(value);
	}

	/**
	 * Contains the text, ignoring case: {@code ilike value}.
	 * @param value the text
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain containsIgnoreCase(String value) {
		return ilike(value);
	}

	/**
	 * Starts with the text, case-sensitive: {@code =like 'value%'}, the value escaped.
	 * @param value the text, matched literally
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain startsWith(String value) {
		return term("=like", escape("startsWith", value) + "%");
	}

	/**
	 * Starts with the text, ignoring case: {@code =ilike 'value%'}, the value escaped.
	 * @param value the text, matched literally
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain startsWithIgnoreCase(String value) {
		return term("=ilike", escape("startsWithIgnoreCase", value) + "%");
	}

	/**
	 * Ends with the text, case-sensitive: {@code =like '%value'}, the value escaped.
	 * @param value the text, matched literally
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain endsWith(String value) {
		return term("=like", "%" + escape("endsWith", value));
	}

	/**
	 * Ends with the text, ignoring case: {@code =ilike '%value'}, the value escaped.
	 * @param value the text, matched literally
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain endsWithIgnoreCase(String value) {
		return term("=ilike", "%" + escape("endsWithIgnoreCase", value));
	}

	/**
	 * Equals the text ignoring case: {@code =ilike value}, the value escaped.
	 * @param value the text, matched literally
	 * @return the condition
	 * @throws DomainSyntaxException if the value is null
	 */
	public Domain equalsIgnoreCase(String value) {
		return term("=ilike", escape("equalsIgnoreCase", value));
	}

	/**
	 * The field is set: {@code != False}.
	 * @return the condition
	 */
	public Domain isSet() {
		return term("!=", Boolean.FALSE);
	}

	/**
	 * The field is not set: {@code = False}.
	 * @return the condition
	 */
	public Domain isNotSet() {
		return term("=", Boolean.FALSE);
	}

	/**
	 * The field path.
	 * @return the path this predicate applies to
	 */
	public String path() {
		return this.path;
	}

	@Override
	public String toString() {
		return "FieldPredicate[" + this.path + "]";
	}

	private Domain term(String operator, @Nullable Object value) {
		return new Domain(Terms.term(this.path, operator, value));
	}

	private String text(String operator, @Nullable String value) {
		if (value == null) {
			throw new DomainSyntaxException("The value of '" + operator + "' on '" + this.path + "' must not be null");
		}
		return value;
	}

	private Collection<?> collection(String operator, @Nullable Collection<?> values) {
		if (values == null) {
			throw new DomainSyntaxException("The values of '" + operator + "' on '" + this.path + "' must not be null");
		}
		return values;
	}

	private String escape(String method, @Nullable String value) {
		return LikePatterns.escape(text(method, value));
	}

}
