/**
 * Units of work over Odoo's external API ({@link io.zenoo.client.ZenooClient#transaction}): ordered writes,
 * compensated on failure, invalidating the cache once.
 */
@NullMarked
package io.zenoo.client.tx;

import org.jspecify.annotations.NullMarked;
