package io.zenoo.cache;

/**
 * A cache specification is invalid. Names the setting at fault (in its property form, for example {@code max-size})
 * and how to fix it.
 */
public class InvalidCacheSpecException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	private final String problem;

	private final String action;

	/**
	 * Create an exception.
	 * @param setting the setting at fault, in property form ({@code max-size})
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 */
	public InvalidCacheSpecException(String setting, String problem, String action) {
		super("Cache setting '" + setting + "' " + problem + ". " + action);
		this.setting = setting;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Return the setting at fault.
	 * @return the setting, in property form
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * Return what is wrong.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Return how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
