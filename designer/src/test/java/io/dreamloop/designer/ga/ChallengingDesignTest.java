package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChallengingDesignTest {
    private static final GaSettings SMALL = new GaSettings(60, 40, 0.1, 1.0, 0.02, 3, 10);
    private static final String HIGH_LOW = "ga.nsga2.a-high-b-low";
    private static final String LOW_HIGH = "ga.nsga2.a-low-b-high";

    /**
     * Model A = 2 per G + 1 per C, model B = G count: per base, C and G (or A/T and G) trade off.
     */
    private static ChallengingDesign design(
            final SequenceScorer scorer, final LibraryConstraints constraints) {
        return new ChallengingDesign(
                scorer, List.of("a", "b"), "a", "b", DesignSpace.dream2022(constraints), SMALL);
    }

    private static ToyScorers.Recording toy() {
        return ToyScorers.recording(ToyScorers::weighted, ToyScorers::gCount);
    }

    /** True when x is at least as good as y in both objectives and better in one. */
    private static boolean dominates(final double[] x, final double[] y) {
        return x[0] >= y[0] && x[1] >= y[1] && (x[0] > y[0] || x[1] > y[1]);
    }

    private static double[] objectives(final DesignedSequence d) {
        final double s = d.method().equals(HIGH_LOW) ? 1 : -1;
        return new double[] {s * d.predictions().get("a"), -s * d.predictions().get("b")};
    }

    @Test
    void eachDirectionReturnsMutuallyNonDominatedSequences() {
        final List<DesignedSequence> out = design(toy(), LibraryConstraints.NONE).design(21, 3);
        assertThat(out).hasSize(21);
        final Map<String, List<DesignedSequence>> byMethod =
                out.stream().collect(Collectors.groupingBy(DesignedSequence::method));
        assertThat(byMethod.keySet()).containsExactlyInAnyOrder(HIGH_LOW, LOW_HIGH);
        assertThat(byMethod.get(HIGH_LOW)).hasSize(11);
        assertThat(byMethod.get(LOW_HIGH)).hasSize(10);
        assertThat(out.subList(0, 11)).extracting(DesignedSequence::method).containsOnly(HIGH_LOW);
        for (final List<DesignedSequence> group : byMethod.values()) {
            // One run's Pareto front per direction here, so no output may dominate another.
            assertThat(group).extracting(DesignedSequence::run).containsOnly(0);
            for (final DesignedSequence x : group) {
                for (final DesignedSequence y : group) {
                    assertThat(dominates(objectives(x), objectives(y)))
                            .as("%s dominates %s", x.predictions(), y.predictions())
                            .isFalse();
                }
            }
        }
        assertThat(out).extracting(DesignedSequence::subset).containsOnly(Subset.CHALLENGING);
        assertThat(out.getFirst().provenance().settings())
                .containsEntry("modelA", "a")
                .containsEntry("modelB", "b")
                .containsEntry("mutationProbability", "1.0");
        assertThat(DesignedSequence.toMembers("lib", out).getLast().id())
                .isEqualTo("lib-challenging-000020");
    }

    @Test
    void theModelsMoveApartInBothDirections() {
        final List<GenerationStats> stats = new ArrayList<>();
        design(toy(), LibraryConstraints.NONE).design(10, 5, Set.of(), stats::add);
        for (final String method : List.of(HIGH_LOW, LOW_HIGH)) {
            final List<GenerationStats> run =
                    stats.stream().filter(s -> s.method().equals(method) && s.run() == 0).toList();
            assertThat(run).hasSize(SMALL.generations() + 1);
            // Disagreement A - B (or B - A) starts near 40 (or -40) and must grow.
            assertThat(run.getLast().mean()).isGreaterThan(run.getFirst().mean() + 10);
        }
    }

    @Test
    void sameSeedSameSequences() {
        final List<DesignedSequence> a = design(toy(), LibraryConstraints.NONE).design(8, 9);
        final List<DesignedSequence> b = design(toy(), LibraryConstraints.NONE).design(8, 9);
        final List<DesignedSequence> c = design(toy(), LibraryConstraints.NONE).design(8, 10);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void eachGenerationOfBothDirectionsIsOneCall() {
        final ToyScorers.Recording scorer = toy();
        design(scorer, LibraryConstraints.NONE).design(6, 1);
        assertThat(scorer.calls).hasSize(2 * (SMALL.generations() + 1) + 1);
        assertThat(scorer.calls.getFirst()).hasSize(SMALL.populationSize());
        // Every offspring is mutated, so later calls score most of a population, never more.
        assertThat(scorer.calls).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(60));
    }

    @Test
    void aDirectionThatCannotFillItsShareIsNamed() {
        final LibraryConstraints farApart = new LibraryConstraints(0, 1, 80, 45, null);
        final ChallengingDesign design =
                new ChallengingDesign(
                        toy(),
                        List.of("a", "b"),
                        "a",
                        "b",
                        DesignSpace.dream2022(farApart),
                        new GaSettings(30, 5, 0.1, 1.0, 0.02, 3, 2));
        assertThatThrownBy(() -> design.design(200, 1))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessageStartingWith("ga.nsga2.a-high-b-low found only ")
                .hasMessageContaining("of 100 sequences after 2 run(s) of 5 generations");
    }

    @Test
    void modelsAAndBMustDiffer() {
        assertThatThrownBy(
                        () ->
                                new ChallengingDesign(
                                        toy(),
                                        List.of("a", "b"),
                                        "a",
                                        "a",
                                        DesignSpace.dream2022(LibraryConstraints.NONE),
                                        SMALL))
                .hasMessage("models A and B must differ, but both were 'a'");
    }
}
