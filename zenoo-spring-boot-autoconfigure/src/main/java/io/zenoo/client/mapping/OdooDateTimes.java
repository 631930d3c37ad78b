package io.zenoo.client.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Odoo's date ({@code YYYY-MM-DD}) and datetime ({@code YYYY-MM-DD HH:MM:SS}, UTC, no zone) text formats.
 */
final class OdooDateTimes {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	/** Also accepts the fractional seconds some computed fields carry. */
	private static final DateTimeFormatter DATE_TIME_READ = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private OdooDateTimes() {
	}

	static String format(LocalDate date) {
		return DATE.format(date);
	}

	static String format(LocalDateTime dateTime) {
		return DATE_TIME.format(dateTime);
	}

	static LocalDate parseDate(String text) {
		return LocalDate.parse(text, DATE);
	}

	static LocalDateTime parseDateTime(String text) {
		return LocalDateTime.parse(text, DATE_TIME_READ);
	}

}
