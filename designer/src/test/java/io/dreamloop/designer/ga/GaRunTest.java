package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Phenotype;
import io.jenetics.TournamentSelector;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaRunTest {
    // At mutation probability and rate 1 every offspring differs from its parent at every base,
    // so the scorer's batches tell parents and offspring apart.
    private static final GaSettings EVERY_BASE_CHANGES = new GaSettings(200, 1, 0, 1, 1, 3, 1);

    private static SequenceProblem<Double> problem(final SequenceScorer scorer) {
        return new SequenceProblem<>(
                DesignSpace.dream2022(LibraryConstraints.NONE),
                scorer,
                1,
                new HighLowDesign.Prediction(0, Direction.HIGH));
    }

    private static Set<DnaSequence> decoded(final ISeq<Phenotype<CharacterGene, Double>> pop) {
        final Set<DnaSequence> out = new HashSet<>();
        pop.forEach(pt -> out.add(DnaCodecs.decode(pt.genotype())));
        return out;
    }

    @Test
    void vaishnavSelectsFromTheOffspringOnly() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final ISeq<Phenotype<CharacterGene, Double>> last =
                GaRun.offspringOnly(
                                problem(scorer), EVERY_BASE_CHANGES, new TournamentSelector<>(3))
                        .evolve(new SplittableRandom(1), "t", 0, s -> {});
        assertThat(scorer.calls).hasSize(2);
        final Set<DnaSequence> start = new HashSet<>(scorer.calls.get(0));
        final Set<DnaSequence> offspring = new HashSet<>(scorer.calls.get(1));
        assertThat(last).hasSize(200);
        assertThat(decoded(last)).isSubsetOf(offspring).doesNotContainAnyElementsOf(start);
        assertThat(last.stream().mapToLong(Phenotype::generation)).containsOnly(1L);
    }

    @Test
    void deBoerSelectsFromParentsAndOffspring() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final ISeq<Phenotype<CharacterGene, Double>> last =
                GaRun.parentsAndOffspring(
                                problem(scorer), EVERY_BASE_CHANGES, new TournamentSelector<>(3))
                        .evolve(new SplittableRandom(1), "t", 0, s -> {});
        final Set<DnaSequence> start = new HashSet<>(scorer.calls.get(0));
        final Set<DnaSequence> offspring = new HashSet<>(scorer.calls.get(1));
        final Set<DnaSequence> survivors = decoded(last);
        assertThat(survivors).containsAnyElementsOf(start).containsAnyElementsOf(offspring);
    }

    @Test
    void eachGenerationIsScoredInOneCallAndReported() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final GaSettings settings = new GaSettings(300, 6, 0.1, 0.1, 0.025, 3, 1);
        final List<GenerationStats> stats = new ArrayList<>();
        GaRun.offspringOnly(problem(scorer), settings, new TournamentSelector<>(3))
                .evolve(new SplittableRandom(2), "t", 4, stats::add);
        assertThat(scorer.calls).hasSize(settings.generations() + 1);
        assertThat(scorer.calls.getFirst()).hasSize(300);
        // Later generations score only the altered individuals (~20%), never a copy twice.
        for (final List<DnaSequence> call : scorer.calls.subList(1, scorer.calls.size())) {
            assertThat(call).hasSizeBetween(1, 150).doesNotHaveDuplicates();
        }
        assertThat(stats)
                .extracting(GenerationStats::generation)
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(stats).extracting(GenerationStats::run).containsOnly(4);
        assertThat(stats).extracting(GenerationStats::feasible).containsOnly(300);
        assertThat(stats.stream().mapToLong(GenerationStats::scored).sum())
                .isEqualTo(scorer.scored());
        for (final GenerationStats s : stats) {
            assertThat(s.topDecile()).isGreaterThan(s.mean());
        }
    }
}
