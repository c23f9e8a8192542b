package io.dreamloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.sequence.Subset;
import org.junit.jupiter.api.Test;

class ChallengeWeightsTest {

    @Test
    void weightsAsInSpec() {
        assertThat(ChallengeWeights.ALL).isEqualTo(1.0);
        assertThat(ChallengeWeights.of(Subset.HIGH)).isEqualTo(0.3);
        assertThat(ChallengeWeights.of(Subset.LOW)).isEqualTo(0.3);
        assertThat(ChallengeWeights.of(Subset.NATIVE)).isEqualTo(0.3);
        assertThat(ChallengeWeights.of(Subset.RANDOM)).isEqualTo(0.3);
        assertThat(ChallengeWeights.of(Subset.CHALLENGING)).isEqualTo(0.5);
        assertThat(ChallengeWeights.of(Subset.SNV)).isEqualTo(1.25);
        assertThat(ChallengeWeights.of(Subset.MOTIF_PERTURBATION)).isEqualTo(0.3);
        assertThat(ChallengeWeights.of(Subset.MOTIF_TILING)).isEqualTo(0.4);
    }

    @Test
    void allNineWeightsSumToTheDenominator() {
        double sum = ChallengeWeights.ALL;
        for (final Subset s : Subset.values()) {
            sum += ChallengeWeights.of(s);
        }
        assertThat(sum).isCloseTo(ChallengeWeights.TOTAL, within(1e-12));
        assertThat(ChallengeWeights.TOTAL).isEqualTo(4.65);
    }
}
