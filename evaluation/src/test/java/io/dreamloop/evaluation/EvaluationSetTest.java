package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.Subset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {

    @Test
    void membershipsAndPairsAreSets() {
        final EvaluationSet set = ChallengeEvaluatorTest.handExample();
        assertThat(set.measured()).hasSize(4);
        assertThat(set.members(Subset.CHALLENGING)).containsExactly("a", "b", "c", "d");
        assertThat(set.pairs(Subset.SNV))
                .containsExactly(
                        new SequencePair("b", "a"),
                        new SequencePair("c", "a"),
                        new SequencePair("d", "b"));
        assertThat(set.members(Subset.HIGH)).isUnmodifiable();
    }

    @Test
    void subsetsMustSitOnTheirSide() {
        assertThatThrownBy(() -> EvaluationSet.builder().member(Subset.SNV, "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subset snv is paired: use pair(subset, alt, ref)");
        assertThatThrownBy(() -> EvaluationSet.builder().pair(Subset.HIGH, "a", "b"))
                .hasMessage("subset high is not paired: use member(subset, id)");
        assertThatThrownBy(
                        () ->
                                new EvaluationSet(
                                        Map.of("a", 1.0),
                                        Map.of(Subset.MOTIF_TILING, Set.of("a")),
                                        Map.of()))
                .hasMessage("subset motif-tiling is paired: give its ids as pairs, not members");
    }

    @Test
    void everyMemberNeedsAMeasuredValue() {
        assertThatThrownBy(
                        () ->
                                EvaluationSet.builder()
                                        .measured("a", 1)
                                        .pair(Subset.SNV, "a", "x")
                                        .build())
                .hasMessage("'x' is in subset snv but has no measured value");
    }

    @Test
    void measuredValuesAreFiniteAndConsistent() {
        assertThatThrownBy(() -> EvaluationSet.builder().measured("a", Double.POSITIVE_INFINITY))
                .hasMessage("measured value of 'a' must be finite, but was Infinity");
        assertThatThrownBy(() -> EvaluationSet.builder().measured("a", 1).measured("a", 2))
                .hasMessage("'a' measured twice with different values: 1.0 and 2.0");
        assertThat(EvaluationSet.builder().measured("a", 1).measured("a", 1).build().measured())
                .containsExactly(Map.entry("a", 1.0));
    }

    @Test
    void aPairNeedsTwoIdsThatMayBeTheSame() {
        assertThatThrownBy(() -> new SequencePair("a", " "))
                .hasMessage("pair ids must not be blank: alt 'a', ref ' '");
        // As rand311_Mga1_58 in the real motif-tiling subset: alt = ref scores as (0, 0).
        assertThat(new SequencePair("a", "a").alt()).isEqualTo("a");
    }
}
