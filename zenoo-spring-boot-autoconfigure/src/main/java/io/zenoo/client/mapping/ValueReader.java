package io.zenoo.client.mapping;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Converts one JSON value of an Odoo row to a Java value; built once per record component.
 */
@FunctionalInterface
interface ValueReader {

	/**
	 * Reads a value.
	 * @param node the JSON value, or {@code null} when the row has no such field
	 * @return the Java value
	 * @throws ValueMismatchException if the JSON value has the wrong type
	 */
	@Nullable Object read(@Nullable JsonNode node);

}
