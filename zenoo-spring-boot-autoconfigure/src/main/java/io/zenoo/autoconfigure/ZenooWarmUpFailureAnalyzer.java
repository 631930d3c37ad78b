package io.zenoo.autoconfigure;

import io.zenoo.cache.warmup.CacheWarmupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed fail-fast warm-up into a startup report that names the failed tasks and the ways out.
 */
class ZenooWarmUpFailureAnalyzer extends AbstractFailureAnalyzer<CacheWarmupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CacheWarmupException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the failing zenoo.cache.warm-up queries or CacheWarmer beans (is Odoo reachable? does the model "
						+ "exist for this user?), or set zenoo.cache.warm-up-fail-fast=false to warm up in the "
						+ "background without failing startup.",
				cause);
	}

}
