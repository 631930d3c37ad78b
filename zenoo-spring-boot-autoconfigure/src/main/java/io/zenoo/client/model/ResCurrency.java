package io.zenoo.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A currency ({@code res.currency}).
 *
 * @param id the record id
 * @param name the ISO 4217 code, for example {@code EUR}
 * @param symbol the symbol, for example {@code €}
 * @param rate the current rate against the company currency (computed)
 * @param active whether the currency is active
 * @param decimalPlaces the number of decimal places (computed from the rounding)
 * @param position where the symbol goes: {@code before} or {@code after}
 * @param rounding the rounding factor, for example {@code 0.01}
 */
@OdooModel("res.currency")
public record ResCurrency(long id, @Nullable String name, @Nullable String symbol,
		@OdooField(readOnly = true) double rate, boolean active, @OdooField(readOnly = true) int decimalPlaces,
		@Nullable String position, double rounding) {
}
