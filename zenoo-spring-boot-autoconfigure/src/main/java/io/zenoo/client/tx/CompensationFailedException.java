package io.zenoo.client.tx;

import java.util.List;

import io.zenoo.client.error.OdooException;

/**
 * A transaction failed and could not be undone completely: Odoo is left with the changes listed in
 * {@link #notUndone()}. The {@linkplain #getCause() cause} is the failure that started the rollback; each
 * compensation that failed is a {@linkplain #getSuppressed() suppressed} exception.
 */
public class CompensationFailedException extends OdooException {

	private static final long serialVersionUID = 1L;

	private final List<String> notUndone;

	/**
	 * @param notUndone the changes left in Odoo, one description each, in the order they were made
	 * @param cause the failure that started the rollback
	 */
	public CompensationFailedException(List<String> notUndone, Throwable cause) {
		super("Transaction failed (" + cause + ") and " + notUndone.size() + " change(s) could not be undone: "
				+ String.join("; ", notUndone), cause);
		this.notUndone = List.copyOf(notUndone);
	}

	/** @return the changes left in Odoo, described as {@code created res.partner 42}, {@code updated res.partner [7]
	 * (name)} or {@code deleted res.partner [9]}, in the order they were made */
	public List<String> notUndone() {
		return this.notUndone;
	}

}
