/**
 * Annotations that map Java records to Odoo models, the {@link io.zenoo.client.model.Many2One} value, and typed
 * records for common Odoo models.
 */
@NullMarked
package io.zenoo.client.model;

import org.jspecify.annotations.NullMarked;
