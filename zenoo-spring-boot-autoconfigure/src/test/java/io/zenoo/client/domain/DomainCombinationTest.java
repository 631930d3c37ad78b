package io.zenoo.client.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.zenoo.client.domain.Domain.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code and}, {@code or} and {@code not} produce correct prefix notation.
 */
class DomainCombinationTest {

	private static final Domain A = field("a").eq(1);

	private static final Domain B = field("b").eq(2);

	private static final Domain C = field("c").eq(3);

	private static final Domain D = field("d").eq(4);

	private static final List<Object> TA = List.of("a", "=", 1L);

	private static final List<Object> TB = List.of("b", "=", 2L);

	private static final List<Object> TC = List.of("c", "=", 3L);

	private static final List<Object> TD = List.of("d", "=", 4L);

	@Test
	void termsSideBySideAreImplicitlyAnded() {
		assertThat(A.and(B).toList()).containsExactly(TA, TB);
		assertThat(A.and(B).and(C).toList()).containsExactly(TA, TB, TC);
		assertThat(Domain.allOf(A, B, C).toList()).containsExactly(TA, TB, TC);
	}

	@Test
	void orOfTwoIsPrefix() {
		assertThat(A.or(B).toList()).containsExactly("|", TA, TB);
		assertThat(A.or(B)).hasToString("['|', ('a', '=', 1), ('b', '=', 2)]");
	}

	@Test
	void orOfThreeHasTwoOperatorsFirst() {
		assertThat(A.or(B).or(C).toList()).containsExactly("|", "|", TA, TB, TC);
		assertThat(Domain.anyOf(A, B, C).toList()).containsExactly("|", "|", TA, TB, TC);
		assertThat(A.or(B.or(C))).isEqualTo(A.or(B).or(C));
	}

	@Test
	void notOfAConjunctionNegatesTheWholeConjunction() {
		assertThat(A.and(B).not().toList()).containsExactly("!", "&", TA, TB);
		assertThat(Domain.not(A.and(B).and(C)).toList()).containsExactly("!", "&", "&", TA, TB, TC);
		assertThat(A.not().toList()).containsExactly("!", TA);
		assertThat(A.not().not()).isEqualTo(A);
	}

	@Test
	void conjunctionInsideDisjunctionGetsAnExplicitAnd() {
		assertThat(A.or(B.and(C)).toList()).containsExactly("|", TA, "&", TB, TC);
	}

	@Test
	void orAndNotOrNested() {
		Domain domain = A.or(B).and(C.or(D).not());
		assertThat(domain.toList()).containsExactly("|", TA, TB, "!", "|", TC, TD);
		assertThat(domain).hasToString(
				"['|', ('a', '=', 1), ('b', '=', 2), '!', '|', ('c', '=', 3), ('d', '=', 4)]");
		assertThat(A.or(B).and(C.or(D)).not().toList()).containsExactly("!", "&", "|", TA, TB, "|", TC, TD);
	}

	@Test
	void allIdentities() {
		assertThat(Domain.all().isAll()).isTrue();
		assertThat(Domain.all().toList()).isEmpty();
		assertThat(Domain.all()).hasToString("[]");
		assertThat(Domain.all().and(A)).isEqualTo(A);
		assertThat(A.and(Domain.all())).isEqualTo(A);
		assertThat(Domain.all().or(A)).isEqualTo(Domain.all());
		assertThat(A.or(Domain.all()).isAll()).isTrue();
		assertThat(A.isAll()).isFalse();
		assertThat(Domain.allOf()).isEqualTo(Domain.all());
	}

	@Test
	void noneIsTheNegationOfAll() {
		assertThat(Domain.all().not()).isEqualTo(Domain.none());
		assertThat(Domain.none().toList()).containsExactly(List.of(0L, "=", 1L));
		assertThat(Domain.none()).hasToString("[(0, '=', 1)]");
		assertThat(Domain.none().not().isAll()).isTrue();
		assertThat(Domain.none().or(A)).isEqualTo(A);
		assertThat(Domain.none().and(A)).isEqualTo(Domain.none());
		assertThat(Domain.anyOf()).isEqualTo(Domain.none());
	}

	@Test
	void equalityIsByContent() {
		assertThat(field("a").eq(1)).isEqualTo(field("a").eq(1L)).hasSameHashCodeAs(field("a").eq(1L));
		assertThat(field("a").eq(1)).isNotEqualTo(field("a").eq(2));
		assertThat(field("a").eq(1)).isNotEqualTo(field("a").ne(1));
		assertThat(A.and(B)).isNotEqualTo(A.or(B));
		assertThat(A.and(B.and(C))).isEqualTo(A.and(B).and(C));
	}

	@Test
	void resultsAreImmutable() {
		List<Object> list = A.or(B).toList();
		assertThat(list).isUnmodifiable();
		assertThat((List<?>) list.get(1)).isUnmodifiable();
		List<?> term = (List<?>) field("id").in(new java.util.ArrayList<>(List.of(1))).toList().get(0);
		assertThat(term).isUnmodifiable();
		assertThat((List<?>) term.get(2)).isUnmodifiable();
	}

	@Test
	void combiningDoesNotChangeTheOperands() {
		Domain or = A.or(B);
		or.and(C);
		or.not();
		assertThat(or.toList()).containsExactly("|", TA, TB);
	}

}
