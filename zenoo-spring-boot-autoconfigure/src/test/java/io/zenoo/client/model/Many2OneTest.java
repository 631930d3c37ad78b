package io.zenoo.client.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Many2One} and the typed records' defensive copies.
 */
class Many2OneTest {

	@Test
	void ofHasNoDisplayName() {
		assertThat(Many2One.of(5)).isEqualTo(new Many2One(5, null));
		assertThat(Many2One.of(5)).isNotEqualTo(new Many2One(5, "x"));
	}

	@Test
	void idMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Many2One.of(0)).withMessageContaining("positive, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new Many2One(-1, "x"));
	}

	@Test
	void typedRecordsCopyTheirLists() {
		java.util.List<Long> ids = new java.util.ArrayList<>(java.util.List.of(1L));
		ResCountry country = new ResCountry(20, "Belgium", "BE", null, 32, ids);
		ids.add(2L);
		assertThat(country.stateIds()).containsExactly(1L).isUnmodifiable();
		assertThat(new ResCountry(20, "Belgium", "BE", null, 32, null).stateIds()).isEmpty();
	}

}
