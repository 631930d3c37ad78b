/**
 * Conversion between Java values and Odoo's JSON values: {@link io.zenoo.client.mapping.OdooValues} for values sent
 * to Odoo, {@link io.zenoo.client.mapping.RecordMapper} for typed records and
 * {@link io.zenoo.client.mapping.MapRowMapper} for untyped rows.
 */
@NullMarked
package io.zenoo.client.mapping;

import org.jspecify.annotations.NullMarked;
