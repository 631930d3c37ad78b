package io.zenoo.client.domain;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An Odoo search domain: immutable, thread-safe, equal to another domain with the same content.
 * <p>
 * Build one from conditions ({@code Domain.field("is_company").eq(true)}), from lookup strings
 * ({@code Domain.lookup("name__ilike", "acme")}), or from a literal ({@code Domain.parse("[('is_company', '=',
 * True)]")}), and combine with {@link #and(Domain)}, {@link #or(Domain)} and {@link #not()}.
 * {@link #toList()} gives what Odoo expects on the wire, in prefix notation: {@code A or B} is
 * {@code ['|', A, B]}, {@code not (A and B)} is {@code ['!', '&', A, B]}, and terms side by side are ANDed.
 * <p>
 * Combining simplifies: {@code all().and(x)} is {@code x}, {@code all().or(x)} is {@code all()}, and nested
 * conjunctions or disjunctions are flattened, so domains that differ only in grouping are equal.
 */
public final class Domain {

	private static final Domain ALL = new Domain(DomainNode.TRUE);

	private static final Domain NONE = new Domain(DomainNode.FALSE);

	private final DomainNode root;

	private volatile @Nullable List<Object> list;

	Domain(DomainNode root) {
		this.root = root;
	}

	/**
	 * The empty domain, which matches every record.
	 * @return the domain {@code []}
	 */
	public static Domain all() {
		return ALL;
	}

	/**
	 * The domain matching no record, Odoo's {@code [(0, '=', 1)]}; the negation of {@link #all()}.
	 * @return the domain that matches nothing
	 */
	public static Domain none() {
		return NONE;
	}

	/**
	 * Starts a condition on a field.
	 * @param path a field name or a dotted path following relations, for example {@code country_id.code}
	 * @return the field, to call an operator on
	 * @throws DomainSyntaxException if the path is null, blank, or has an empty segment
	 */
	public static FieldPredicate field(String path) {
		return new FieldPredicate(Terms.checkPath(path));
	}

	/**
	 * A condition from a lookup string, as in {@code filter(name__ilike="x", create_date__gte=t)}. See
	 * {@link #lookups(Map)} for the syntax.
	 * @param lookup the lookup, for example {@code country_id__code__in}
	 * @param value the value, converted by {@link io.zenoo.client.mapping.OdooValues}
	 * @return the condition
	 * @throws DomainSyntaxException if the lookup is null or malformed, or the value does not suit the operator
	 */
	public static Domain lookup(String lookup, @Nullable Object value) {
		return DomainLookups.lookup(lookup, value);
	}

	/**
	 * Conditions from lookup strings, ANDed in the map's iteration order.
	 * <p>
	 * The part after the last {@code __} is the operator if it is one of {@code exact eq ne neq gt gte lt lte like
	 * ilike not_like not_ilike contains icontains startswith istartswith endswith iendswith iexact in not_in child_of
	 * parent_of isnull eq_or_unset}; otherwise the whole lookup is a field path compared with {@code =}. Earlier
	 * {@code __} separate relation hops: {@code country_id__code__in} is {@code country_id.code in}. A suffix that
	 * looks like an operator but is not one ({@code name__startswit}) is taken as a field name, so Odoo reports the
	 * unknown field. A leading {@code __} belongs to the field name ({@code __last_update__gte}).
	 * {@code startswith}, {@code endswith} and {@code iexact} use {@code =like}/{@code =ilike} with the value's
	 * {@code %}, {@code _} and {@code \} escaped; {@code contains}/{@code icontains} are {@code like}/{@code ilike};
	 * {@code isnull=true} is {@code = False}, {@code isnull=false} is {@code != False}.
	 * @param lookups lookups to values
	 * @return the conjunction, {@link #all()} for an empty map
	 * @throws DomainSyntaxException if a lookup is invalid
	 */
	public static Domain lookups(Map<String, ?> lookups) {
		if (lookups == null) {
			throw new DomainSyntaxException("The lookups map must not be null");
		}
		Domain result = ALL;
		for (Map.Entry<String, ?> entry : lookups.entrySet()) {
			result = result.and(lookup(entry.getKey(), entry.getValue()));
		}
		return result;
	}

	/**
	 * Parses a domain literal as Odoo users write it: Python ({@code [('is_company', '=', True), '|', ('a', '!=',
	 * False), ('b', 'in', [1, 2])]}) or JSON ({@code [["is_company", "=", true]]}). Python expressions such as
	 * {@code uid} or {@code context_today()} are not evaluated.
	 * @param literal the literal
	 * @return the domain
	 * @throws DomainSyntaxException with the position of the problem if the literal is not a valid domain
	 */
	public static Domain parse(String literal) {
		return wrap(DomainReader.read(DomainParser.parse(literal)));
	}

	/**
	 * A domain from its list form, as {@link #toList()} returns it: operator strings and {@code [path, operator,
	 * value]} lists. Values are converted as {@link io.zenoo.client.mapping.OdooValues} does.
	 * @param literal the list
	 * @return the domain
	 * @throws DomainSyntaxException naming the element at fault if the list is not a valid domain
	 */
	public static Domain of(List<?> literal) {
		return wrap(DomainReader.read(literal));
	}

	/**
	 * The conjunction of domains.
	 * @param domains the domains
	 * @return a domain matching the records all of them match; {@link #all()} when there are none
	 * @throws DomainSyntaxException if a domain is null
	 */
	public static Domain allOf(Domain... domains) {
		DomainNode result = DomainNode.TRUE;
		for (Domain domain : checked(domains)) {
			result = DomainNode.and(result, domain.root);
		}
		return wrap(result);
	}

	/**
	 * The disjunction of domains.
	 * @param domains the domains
	 * @return a domain matching the records any of them matches; {@link #none()} when there are none
	 * @throws DomainSyntaxException if a domain is null
	 */
	public static Domain anyOf(Domain... domains) {
		DomainNode result = DomainNode.FALSE;
		for (Domain domain : checked(domains)) {
			result = DomainNode.or(result, domain.root);
		}
		return wrap(result);
	}

	/**
	 * The negation of a domain.
	 * @param domain the domain
	 * @return a domain matching the records it does not match
	 * @throws DomainSyntaxException if the domain is null
	 */
	public static Domain not(Domain domain) {
		return checked(domain).not();
	}

	/**
	 * This domain and another.
	 * @param other the other domain
	 * @return the conjunction
	 * @throws DomainSyntaxException if {@code other} is null
	 */
	public Domain and(Domain other) {
		return wrap(DomainNode.and(this.root, checked(other).root));
	}

	/**
	 * This domain or another.
	 * @param other the other domain
	 * @return the disjunction
	 * @throws DomainSyntaxException if {@code other} is null
	 */
	public Domain or(Domain other) {
		return wrap(DomainNode.or(this.root, checked(other).root));
	}

	/**
	 * The negation of this domain, of all its terms together.
	 * @return the negation
	 */
	public Domain not() {
		return wrap(DomainNode.not(this.root));
	}

	/**
	 * Whether this is the empty domain, matching every record.
	 * @return {@code true} for {@code []}
	 */
	public boolean isAll() {
		return this.root == DomainNode.TRUE;
	}

	/**
	 * The domain as Odoo expects it in JSON: operators {@code "&"}, {@code "|"}, {@code "!"} and terms
	 * {@code [path, operator, value]} in prefix notation, with values converted for the wire.
	 * @return an unmodifiable list, empty for {@link #all()}
	 */
	public List<Object> toList() {
		List<Object> result = this.list;
		if (result == null) {
			result = DomainRenderer.toList(this.root);
			this.list = result;
		}
		return result;
	}

	/**
	 * The domain as a Python literal, for example {@code [('is_company', '=', True)]}, which {@link #parse(String)}
	 * reads back into an equal domain.
	 * @return the literal
	 */
	@Override
	public String toString() {
		return DomainRenderer.toPython(this.root);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof Domain domain && this.root.equals(domain.root));
	}

	@Override
	public int hashCode() {
		return this.root.hashCode();
	}

	private static Domain wrap(DomainNode node) {
		if (node == DomainNode.TRUE) {
			return ALL;
		}
		return (node == DomainNode.FALSE) ? NONE : new Domain(node);
	}

	private static Domain checked(@Nullable Domain domain) {
		if (domain == null) {
			throw new DomainSyntaxException("A domain must not be null");
		}
		return domain;
	}

	private static Domain[] checked(Domain @Nullable [] domains) {
		if (domains == null) {
			throw new DomainSyntaxException("The domains must not be null");
		}
		for (Domain domain : domains) {
			checked(domain);
		}
		return domains;
	}

}
