package io.zenoo.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The value of a many2one field: Odoo reads it as {@code [id, "display name"]} and writes it as the bare id.
 *
 * @param id the id of the related record, positive
 * @param displayName the related record's display name as Odoo sent it, or {@code null} when unknown
 */
public record Many2One(long id, @Nullable String displayName) {

	/**
	 * Validates the id.
	 * @param id the id of the related record, positive
	 * @param displayName the display name, or {@code null}
	 * @throws IllegalArgumentException if {@code id} is not positive
	 */
	public Many2One {
		if (id <= 0) {
			throw new IllegalArgumentException("A many2one id must be positive, got " + id);
		}
	}

	/**
	 * A reference to a record by id only, for writing.
	 * @param id the id of the related record, positive
	 * @return the reference, without a display name
	 */
	public static Many2One of(long id) {
		return new Many2One(id, null);
	}

}
