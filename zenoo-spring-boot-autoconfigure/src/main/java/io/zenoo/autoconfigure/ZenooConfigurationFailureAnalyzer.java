package io.zenoo.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ZenooConfigurationException} into a startup report that names the property and the fix.
 */
class ZenooConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ZenooConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZenooConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
