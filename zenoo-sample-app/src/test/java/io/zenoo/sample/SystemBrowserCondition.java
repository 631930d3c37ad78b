package io.zenoo.sample;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips a browser test class before its Spring context starts when there is no Chromium or chromedriver (the reason
 * names what to install), or fails it when {@code ZENOO_REQUIRE_BROWSER=true}: see {@link SystemBrowser#locate}.
 */
class SystemBrowserCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try {
			SystemBrowser.Executables found = SystemBrowser.locate(System.getenv());
			return ConditionEvaluationResult.enabled("found " + found.chromium() + " and " + found.chromedriver());
		}
		catch (TestAbortedException ex) {
			return ConditionEvaluationResult.disabled(ex.getMessage());
		}
	}

}
