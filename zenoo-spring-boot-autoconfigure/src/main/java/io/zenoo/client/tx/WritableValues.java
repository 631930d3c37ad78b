package io.zenoo.client.tx;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns a value as {@code read} returns it into the value {@code write} takes to restore it: a many2one
 * {@code [id, "name"]} becomes its id; an x2many list of ids becomes the command {@code [(6, 0, ids)]} (replace the
 * set); {@code false} and everything else are written as read.
 */
final class WritableValues {

	private WritableValues() {
	}

	static @Nullable Object of(@Nullable Object read) {
		if (read instanceof List<?> list) {
			if (list.size() == 2 && list.get(0) instanceof Number id && list.get(1) instanceof String) {
				return id.longValue();
			}
			if (list.stream().allMatch(Number.class::isInstance)) {
				return List.of(List.of(6, 0, list));
			}
		}
		return read;
	}

}
