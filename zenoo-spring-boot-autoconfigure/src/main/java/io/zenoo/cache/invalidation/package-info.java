/**
 * Detection of changes made outside the application (Odoo's UI, other programs): {@link ChangeWatch} polls each
 * watched model's newest {@code write_date} and record count and invalidates the model when either moved.
 */
@NullMarked
package io.zenoo.cache.invalidation;

import org.jspecify.annotations.NullMarked;
