package io.zenoo.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A product category ({@code product.category}).
 *
 * @param id the record id
 * @param name the name
 * @param completeName the full path, for example {@code All / Saleable} (computed)
 * @param parentId the parent category
 * @param childId the ids of the child categories (one2many, read only here)
 */
@OdooModel("product.category")
public record ProductCategory(long id, @Nullable String name,
		@OdooField(readOnly = true) @Nullable String completeName,
		@OdooField(relation = ProductCategory.class) @Nullable Many2One parentId,
		@OdooField(readOnly = true) List<Long> childId) {

	/**
	 * Copies the id list so the record is immutable.
	 */
	public ProductCategory {
		childId = (childId != null) ? List.copyOf(childId) : List.of();
	}

}
