package io.zenoo.repository.query;

import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;

/**
 * Spring Data's {@link Sort} as an Odoo order ({@code "name asc, id desc"}).
 */
public final class Orders {

	private Orders() {
	}

	/**
	 * The Odoo order of a sort.
	 * @param sort the sort; its properties are record component names or dotted paths
	 * @param paths how properties become fields
	 * @return the order, or {@code null} when the sort is unsorted
	 * @throws IllegalArgumentException if a property is not a component of the record
	 */
	public static @Nullable String of(Sort sort, RecordPaths<?> paths) {
		if (sort == null || sort.isUnsorted()) {
			return null;
		}
		StringJoiner order = new StringJoiner(", ");
		for (Sort.Order each : sort) {
			order.add(paths.fieldPath(each.getProperty()) + (each.isAscending() ? " asc" : " desc"));
		}
		return order.toString();
	}

}
