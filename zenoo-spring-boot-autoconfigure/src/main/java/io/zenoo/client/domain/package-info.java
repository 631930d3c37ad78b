/**
 * Odoo search domains: {@link io.zenoo.client.domain.Domain}, built from conditions, lookup strings or literals.
 */
@NullMarked
package io.zenoo.client.domain;

import org.jspecify.annotations.NullMarked;
