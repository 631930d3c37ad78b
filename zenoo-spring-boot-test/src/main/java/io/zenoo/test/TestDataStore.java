package io.zenoo.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Direct access to an {@link OdooTestServer}'s data, bypassing every protocol, access right and call counter: use it
 * to arrange a test or to simulate a change made by someone else (for example in Odoo's UI) that a client's cache
 * cannot know about.
 * <p>
 * Values use the JSON-RPC forms: numbers, strings, booleans, {@code false} or {@code null} for "no value", a record id
 * (or {@code [id, name]}) for a many2one, a list of ids or x2many command lists for x2many fields. Every change sets
 * {@code write_date} (and {@code create_date} on create) to the current UTC time, like Odoo does.
 */
public interface TestDataStore {

	/**
	 * Creates a record.
	 * @param model the model, for example {@code res.partner}
	 * @param values the field values
	 * @return the new id
	 * @throws IllegalArgumentException if the model or a field does not exist, or a value is invalid
	 */
	long create(String model, Map<String, ?> values);

	/**
	 * Changes a record and bumps its {@code write_date}.
	 * @param model the model
	 * @param id the record id
	 * @param values the field values to change
	 * @throws IllegalArgumentException if the model, record or a field does not exist, or a value is invalid
	 */
	void write(String model, long id, Map<String, ?> values);

	/**
	 * Deletes a record (nothing happens if it does not exist).
	 * @param model the model
	 * @param id the record id
	 * @throws IllegalArgumentException if the model does not exist
	 */
	void unlink(String model, long id);

	/**
	 * Reads every field of a record as {@code read} returns it to the administrator.
	 * @param model the model
	 * @param id the record id
	 * @return the values, or {@code null} if the record does not exist
	 * @throws IllegalArgumentException if the model does not exist
	 */
	@Nullable Map<String, Object> read(String model, long id);

	/**
	 * Lists the ids of a model, archived records included.
	 * @param model the model
	 * @return the ids in ascending order
	 * @throws IllegalArgumentException if the model does not exist
	 */
	List<Long> ids(String model);

}
