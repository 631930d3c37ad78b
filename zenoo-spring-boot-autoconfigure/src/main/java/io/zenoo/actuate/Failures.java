package io.zenoo.actuate;

import java.util.regex.Pattern;

/**
 * Describes a failure for a health detail or an endpoint answer: the exception's simple class name and message, with
 * any URL user info masked, so that no password reaches a response.
 */
final class Failures {

	private static final Pattern USER_INFO = Pattern.compile("://[^/@\\s]*@");

	private Failures() {
	}

	static String describe(Throwable ex) {
		Throwable shown = (ex.getMessage() == null && ex.getCause() != null) ? ex.getCause() : ex;
		String message = shown.getMessage();
		return shown.getClass().getSimpleName()
				+ ((message != null) ? ": " + USER_INFO.matcher(message).replaceAll("://***@") : "");
	}

}
