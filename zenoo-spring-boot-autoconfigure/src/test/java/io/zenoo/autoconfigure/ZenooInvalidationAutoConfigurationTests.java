package io.zenoo.autoconfigure;

import java.time.Duration;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code zenoo.cache.related-models}, {@code mutating-methods} and {@code auto-invalidation} reach the cache manager,
 * and a wrong value stops the start naming its property.
 */
class ZenooInvalidationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZenooCacheAutoConfiguration.class));

	@Test
	void relatedModelsAndMutatingMethodsReachTheManager() {
		this.runner
			.withPropertyValues("zenoo.cache.related-models.res.partner[0]=res.users",
					"zenoo.cache.related-models.res.partner[1]=sale.order",
					"zenoo.cache.related-models[x_studio.lead_source][0]=crm.lead",
					"zenoo.cache.mutating-methods[0]=message_post", "zenoo.cache.mutating-methods[1]=do_*")
			.run((context) -> {
				ZenooCacheManager manager = context.getBean(ZenooCacheManager.class);
				assertThat(manager.getRelatedModels("res.partner")).containsExactlyInAnyOrder("res.users",
						"sale.order");
				assertThat(manager.getRelatedModels("x_studio.lead_source")).containsExactly("crm.lead");
				assertThat(manager.isMutatingMethod("message_post")).isTrue();
				assertThat(manager.isMutatingMethod("do_it")).isTrue();
				assertThat(manager.isMutatingMethod("action_confirm")).as("built in, still").isTrue();
				assertThat(manager.isMutatingMethod("read")).isFalse();
			});
	}

	@Test
	void automaticInvalidationsRunUntilTheContextCloses() {
		this.runner
			.withPropertyValues("zenoo.cache.auto-invalidation[0].pattern=res.partner:*",
					"zenoo.cache.auto-invalidation[0].interval=20ms")
			.run((context) -> {
				ZenooCacheManager manager = context.getBean(ZenooCacheManager.class);
				ZenooCache memory = manager.getCache("memory");
				await().atMost(Duration.ofSeconds(5)).until(() -> manager.generation(memory, "res.partner") >= 2);
				assertThat(manager.generation(memory, "res.country")).isZero();
			});
	}

	private ZenooConfigurationException failure(String... properties) {
		ZenooConfigurationException[] found = new ZenooConfigurationException[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (cause != null && !(cause instanceof ZenooConfigurationException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("cause chain of %s", context.getStartupFailure())
				.isInstanceOf(ZenooConfigurationException.class);
			found[0] = (ZenooConfigurationException) cause;
		});
		return found[0];
	}

	@Test
	void aModelRelatedToItselfIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.related-models.res.partner[0]=res.partner");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.related-models.res.partner");
		assertThat(ex.getMessage()).contains("cannot be related to itself");
		assertThat(ex.getAction()).contains("res.partner: [res.users]");
	}

	@Test
	void aRelatedModelThatIsNoModelNameIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.related-models.res.partner[0]=res users");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.related-models.res.partner");
		assertThat(ex.getMessage()).contains("'res users' is not an Odoo model name");
	}

	@Test
	void aBadMutatingMethodIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.mutating-methods[0]=a*b");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.mutating-methods");
		assertThat(ex.getMessage()).contains("'a*b'");
	}

	@Test
	void anAutomaticInvalidationWithoutPatternIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.auto-invalidation[0].interval=1h");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.auto-invalidation[0].pattern");
		assertThat(ex.getMessage()).contains("is missing");
	}

	@Test
	void anAutomaticInvalidationWithoutIntervalIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.auto-invalidation[0].pattern=res.partner:*");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.auto-invalidation[0].interval");
		assertThat(ex.getMessage()).contains("is missing");
	}

	@Test
	void anAutomaticInvalidationWithAZeroIntervalIsRefused() {
		ZenooConfigurationException ex = failure("zenoo.cache.auto-invalidation[0].pattern=res.partner:*",
				"zenoo.cache.auto-invalidation[1].pattern=res.country:*",
				"zenoo.cache.auto-invalidation[0].interval=1h", "zenoo.cache.auto-invalidation[1].interval=0s");
		assertThat(ex.getProperty()).isEqualTo("zenoo.cache.auto-invalidation[1].interval");
		assertThat(ex.getMessage()).contains("is PT0S but must be positive");
	}

}
