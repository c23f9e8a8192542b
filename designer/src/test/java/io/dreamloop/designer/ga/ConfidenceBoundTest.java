package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.Optimize;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfidenceBoundTest {
    private static final GaSettings SMALL = new GaSettings(400, 10, 0.1, 0.1, 0.025, 3, 1);

    @Test
    void theBoundIsTheMeanPlusOrMinusKappaSampleSds() {
        final double[] p = {1, 3};
        final double sd = Math.sqrt(2);
        assertThat(new ConfidenceBound(Direction.HIGH, 1).fitness(p))
                .isCloseTo(2 + sd, within(1e-12));
        assertThat(new ConfidenceBound(Direction.LOW, 1).fitness(p))
                .isCloseTo(2 - sd, within(1e-12));
        assertThat(new ConfidenceBound(Direction.HIGH, 0).fitness(p)).isEqualTo(2.0);
        assertThat(new ConfidenceBound(Direction.HIGH, 2).optimize()).isEqualTo(Optimize.MAXIMUM);
        assertThat(new ConfidenceBound(Direction.LOW, 2).optimize()).isEqualTo(Optimize.MINIMUM);
        assertThat(new ConfidenceBound(Direction.HIGH, 1).infeasible())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> new ConfidenceBound(Direction.HIGH, -0.5))
                .hasMessage("kappa must be >= 0, but was -0.5");
    }

    /**
     * Two models that agree on G + C but not on which: the ensemble mean (kappa 0) raises both, a
     * large kappa prefers sequences where they disagree, rich in one of the two.
     */
    @Test
    void kappaTradesTheEnsembleMeanForItsDisagreement() {
        final double greedy = imbalance(0);
        final double exploring = imbalance(3);
        assertThat(exploring).isGreaterThan(greedy + 10);
        assertThatThrownBy(
                        () ->
                                HighLowDesign.onEnsemble(
                                        ToyScorers.recording(ToyScorers::gCount),
                                        List.of("g"),
                                        1,
                                        DesignSpace.dream2022(LibraryConstraints.NONE),
                                        SMALL))
                .hasMessage("an ensemble design needs at least two models, but got [g]");
    }

    /** Mean |G - C| over 20 high designs of the two-model ensemble. */
    private static double imbalance(final double kappa) {
        final List<DesignedSequence> designed =
                HighLowDesign.onEnsemble(
                                ToyScorers.recording(
                                        ToyScorers::gCount, s -> ToyScorers.count(s, 'C')),
                                List.of("g", "c"),
                                kappa,
                                DesignSpace.dream2022(LibraryConstraints.NONE),
                                SMALL)
                        .design(Direction.HIGH, 20, 11, Set.of(), stats -> {});
        assertThat(designed.getFirst().provenance().settings().get("objective"))
                .isEqualTo(ConfidenceBound.describe(2, kappa));
        return designed.stream()
                .map(DesignedSequence::variable)
                .mapToInt(ConfidenceBoundTest::gMinusC)
                .map(Math::abs)
                .average()
                .orElseThrow();
    }

    private static int gMinusC(final DnaSequence s) {
        return ToyScorers.count(s, 'G') - ToyScorers.count(s, 'C');
    }
}
