package io.zenoo.cache.invalidation;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a poll saw of a model: its record count and newest {@code write_date} (archived records included), when that
 * was first seen, and whether it is confirmed (see {@link ChangeWatch} on the one-second resolution of
 * {@code write_date}). Kept in Redis as text so that a new leader continues from it.
 *
 * @param count the number of records
 * @param newest the newest {@code write_date} as Odoo wrote it, or {@code null} when there is no record
 * @param firstSeenMillis when a poll first returned this count and date (the poll's end, on the scheduler's clock)
 * @param confirmed whether a poll starting at least a second after {@code firstSeenMillis} saw it unchanged
 */
record ModelState(long count, @Nullable String newest, long firstSeenMillis, boolean confirmed) {

	boolean sameData(long otherCount, @Nullable String otherNewest) {
		return this.count == otherCount && Objects.equals(this.newest, otherNewest);
	}

	ModelState confirm() {
		return new ModelState(this.count, this.newest, this.firstSeenMillis, true);
	}

	String encode() {
		return this.count + "|" + this.firstSeenMillis + "|" + this.confirmed + "|"
				+ ((this.newest != null) ? this.newest : "");
	}

	/** @return the state, or {@code null} when the text is not one (then the next poll records a new baseline) */
	static @Nullable ModelState decode(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String[] parts = text.split("\\|", 4);
		if (parts.length != 4) {
			return null;
		}
		try {
			return new ModelState(Long.parseLong(parts[0]), parts[3].isEmpty() ? null : parts[3],
					Long.parseLong(parts[1]), Boolean.parseBoolean(parts[2]));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
