package io.zenoo.client.domain;

import java.util.List;

import io.zenoo.client.mapping.OdooMappingException;
import org.jspecify.annotations.Nullable;

/**
 * Builds validated {@link DomainNode.Term terms}: a well-formed field path, a list for {@code in}/{@code not in}, a
 * {@link Domain} for {@code any}/{@code not any}, values converted for the wire.
 */
final class Terms {

	private Terms() {
	}

	static DomainNode.Term term(String path, String operator, @Nullable Object value) {
		checkPath(path);
		if (Operators.takesDomain(operator)) {
			if (!(value instanceof Domain)) {
				throw new DomainSyntaxException("operator '" + operator + "' on '" + path + "' needs a sub-domain, got "
						+ DomainReader.describe(value));
			}
			return new DomainNode.Term(path, operator, value);
		}
		if (value instanceof Domain) {
			throw new DomainSyntaxException("operator '" + operator + "' on '" + path + "' does not take a sub-domain");
		}
		Object wire;
		try {
			wire = DomainValues.normalize(value);
		}
		catch (OdooMappingException ex) {
			throw new DomainSyntaxException("The value for '" + path + "' cannot be sent to Odoo: " + ex.getMessage());
		}
		if (Operators.takesList(operator) && !(wire instanceof List)) {
			throw new DomainSyntaxException("operator '" + operator + "' on '" + path
					+ "' needs a collection or array value, got " + DomainReader.describe(value));
		}
		return new DomainNode.Term(path, operator, wire);
	}

	static String checkPath(@Nullable String path) {
		if (path == null) {
			throw new DomainSyntaxException("A field path must not be null");
		}
		if (path.isBlank()) {
			throw new DomainSyntaxException("A field path must not be blank");
		}
		// one pass over the characters: every query builds terms, so no split() or regex here
		boolean segmentStart = true;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '.') {
				if (segmentStart) {
					throw new DomainSyntaxException("The field path '" + path + "' has an empty segment");
				}
				segmentStart = true;
			}
			else if (Character.isWhitespace(c)) {
				throw new DomainSyntaxException("The field path '" + path + "' contains whitespace");
			}
			else {
				segmentStart = false;
			}
		}
		if (segmentStart) {
			throw new DomainSyntaxException("The field path '" + path + "' has an empty segment");
		}
		return path;
	}

}
