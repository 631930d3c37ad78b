package io.zenoo.client.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A quotation or sales order ({@code sale.order}). Amounts are {@link BigDecimal} because they are money; the state
 * is kept as its key ({@code draft}, {@code sent}, {@code sale}, {@code cancel}) because modules may add states.
 *
 * @param id the record id
 * @param name the order reference, for example {@code S00001}
 * @param partnerId the customer
 * @param dateOrder the order date (UTC)
 * @param state the status key
 * @param amountUntaxed the untaxed amount (computed)
 * @param amountTax the taxes (computed)
 * @param amountTotal the total (computed)
 * @param userId the salesperson
 * @param companyId the company
 * @param currencyId the currency
 * @param orderLine the ids of the order lines (one2many, read only here)
 * @param createDate when the record was created (UTC)
 * @param writeDate when the record was last updated (UTC)
 */
@OdooModel("sale.order")
public record SaleOrder(long id, @Nullable String name,
		@OdooField(relation = ResPartner.class) @Nullable Many2One partnerId,
		@Nullable LocalDateTime dateOrder, @Nullable String state,
		@OdooField(readOnly = true) @Nullable BigDecimal amountUntaxed,
		@OdooField(readOnly = true) @Nullable BigDecimal amountTax,
		@OdooField(readOnly = true) @Nullable BigDecimal amountTotal,
		@OdooField(relation = ResUsers.class) @Nullable Many2One userId, @Nullable Many2One companyId,
		@OdooField(relation = ResCurrency.class) @Nullable Many2One currencyId,
		@OdooField(readOnly = true) List<Long> orderLine,
		@OdooField(readOnly = true) @Nullable LocalDateTime createDate,
		@OdooField(readOnly = true) @Nullable LocalDateTime writeDate) {

	/**
	 * Copies the id list so the record is immutable.
	 */
	public SaleOrder {
		orderLine = (orderLine != null) ? List.copyOf(orderLine) : List.of();
	}

}
