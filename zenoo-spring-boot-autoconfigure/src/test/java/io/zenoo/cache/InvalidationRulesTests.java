package io.zenoo.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which methods count as writes, how related models expand an invalidation, and the generations of memory caches.
 */
class InvalidationRulesTests {

	private final ZenooCacheManager caches = new ZenooCacheManager();

	@Test
	void builtInMutatingMethodsAndButtonPrefixes() {
		assertThat(this.caches.isMutatingMethod("create")).isTrue();
		assertThat(this.caches.isMutatingMethod("write")).isTrue();
		assertThat(this.caches.isMutatingMethod("unlink")).isTrue();
		assertThat(this.caches.isMutatingMethod("copy")).isTrue();
		assertThat(this.caches.isMutatingMethod("name_create")).isTrue();
		assertThat(this.caches.isMutatingMethod("toggle_active")).isTrue();
		assertThat(this.caches.isMutatingMethod("action_archive")).isTrue();
		assertThat(this.caches.isMutatingMethod("action_unarchive")).isTrue();
		assertThat(this.caches.isMutatingMethod("action_confirm")).isTrue();
		assertThat(this.caches.isMutatingMethod("button_validate")).isTrue();
		assertThat(this.caches.isMutatingMethod("search_read")).isFalse();
		assertThat(this.caches.isMutatingMethod("read")).isFalse();
		assertThat(this.caches.isMutatingMethod("name_search")).isFalse();
		assertThat(this.caches.isMutatingMethod("message_post")).isFalse();
		assertThat(this.caches.isMutatingMethod(null)).isFalse();
	}

	@Test
	void applicationsAddMethodsAndPrefixes() {
		this.caches.addMutatingMethods("message_post", "do_*");
		assertThat(this.caches.isMutatingMethod("message_post")).isTrue();
		assertThat(this.caches.isMutatingMethod("message_post_with_view")).isFalse();
		assertThat(this.caches.isMutatingMethod("do_it")).isTrue();
		assertThat(this.caches.isMutatingMethod("d")).isFalse();
	}

	@Test
	void badMutatingMethodsAreRefusedAndNoneIsAdded() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods("ok", " "))
			.withMessage("a mutating method must not be null or blank");
		assertThat(this.caches.isMutatingMethod("ok")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods((String) null))
			.withMessage("a mutating method must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods("*"))
			.withMessageContaining("not be * alone");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods("a*b"))
			.withMessageContaining("may only end with *");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods("do it"))
			.withMessageContaining("contains white space");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addMutatingMethods((String[]) null))
			.withMessage("methods must not be null");
	}

	@Test
	void relatedModelsAreInvalidatedWithTheirModelButNotTransitively() {
		ZenooCache memory = this.caches.setupMemoryCache(MemoryCacheSpec.of("memory"));
		this.caches.addRelatedModels("res.partner", "res.users");
		this.caches.addRelatedModels("res.partner", "sale.order");
		this.caches.addRelatedModels("res.users", "res.groups");
		assertThat(this.caches.getRelatedModels("res.partner")).containsExactlyInAnyOrder("res.users", "sale.order");
		assertThat(this.caches.getRelatedModels("res.country")).isEmpty();

		this.caches.invalidateModelCache("res.partner").block();

		assertThat(this.caches.generation(memory, "res.partner")).isEqualTo(1);
		assertThat(this.caches.generation(memory, "res.users")).isEqualTo(1);
		assertThat(this.caches.generation(memory, "sale.order")).isEqualTo(1);
		assertThat(this.caches.generation(memory, "res.groups")).as("not transitive").isZero();
		this.caches.destroy();
	}

	@Test
	void badRelatedModelsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addRelatedModels("res.partner"))
			.withMessage("name at least one related model of res.partner");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.addRelatedModels("res.partner", "res.partner"))
			.withMessage("model res.partner cannot be related to itself");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addRelatedModels(" ", "res.users"))
			.withMessage("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.addRelatedModels("res.partner", "res users"))
			.withMessageContaining("related model of res.partner 'res users' is not an Odoo model name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.caches.addRelatedModels("res.partner", (String[]) null))
			.withMessage("relatedModels must not be null");
		assertThat(this.caches.getRelatedModels("res.partner")).isEmpty();
	}

	@Test
	void memoryGenerationsOnlyGrow() {
		LocalGenerations local = new LocalGenerations();
		assertThat(local.current("res.partner")).isZero();
		local.bump("res.partner");
		assertThat(local.current("res.partner")).isEqualTo(1);
		local.bumpAll();
		assertThat(local.current("res.partner")).isEqualTo(2);
		assertThat(local.current("res.country")).isEqualTo(1);
		local.bump("res.country");
		assertThat(local.current("res.country")).isEqualTo(2);
	}

	@Test
	void privateNumbersAreNegative() {
		for (int i = 0; i < 1000; i++) {
			assertThat(RedisGenerations.privateNumber()).isNegative();
		}
	}

}
