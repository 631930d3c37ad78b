package io.zenoo.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Odoo repositories, under {@code zenoo.repositories}.
 */
@ConfigurationProperties("zenoo.repositories")
public class ZenooRepositoryProperties {

	/**
	 * Whether OdooRepository interfaces in the application's packages are found and implemented at startup
	 * (@EnableOdooRepositories works either way).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
