package io.zenoo.autoconfigure;

/**
 * A {@code zenoo.*} property is missing or wrong. Reported at startup by {@link ZenooConfigurationFailureAnalyzer}
 * with the property's name and how to fix it.
 */
public class ZenooConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * @param property the property at fault, for example {@code zenoo.odoo.url}
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 */
	public ZenooConfigurationException(String property, String problem, String action) {
		super("Invalid Zenoo configuration: '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	/** @return the property at fault */
	public String getProperty() {
		return this.property;
	}

	/** @return how to fix it */
	public String getAction() {
		return this.action;
	}

}
