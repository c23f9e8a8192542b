package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchEvaluatorTest {
    private static final LibraryConstraints NO_GC_ABOVE_HALF =
            new LibraryConstraints(0, 0.5, 80, 0, null);

    private static SequenceProblem<Double> problem(
            final SequenceScorer scorer, final LibraryConstraints constraints) {
        return new SequenceProblem<>(
                DesignSpace.dream2022(constraints),
                scorer,
                1,
                new HighLowDesign.Prediction(0, Direction.HIGH));
    }

    private static Phenotype<CharacterGene, Double> pt(final String bases) {
        return Phenotype.of(DnaCodecs.encode(DnaSequence.of(bases)), 0);
    }

    @Test
    void scoresOnlyNewFeasibleDistinctSequencesInOneCallAndKeepsTheOrder() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final BatchEvaluator<Double> evaluator =
                new BatchEvaluator<>(problem(scorer, NO_GC_ABOVE_HALF));
        final String at = "AT".repeat(40);
        final String ac = "AC".repeat(40);
        final String gc = "GC".repeat(40); // GC 1.0: infeasible
        final ISeq<Phenotype<CharacterGene, Double>> population =
                ISeq.of(
                        pt(at),
                        pt(gc),
                        pt(ac),
                        pt(at),
                        Phenotype.of(DnaCodecs.encode(DnaSequence.of(gc)), 0, 99.0));
        final ISeq<Phenotype<CharacterGene, Double>> scored = evaluator.eval(population);
        assertThat(scorer.calls).containsExactly(List.of(DnaSequence.of(at), DnaSequence.of(ac)));
        assertThat(scored.map(Phenotype::fitness).asList())
                .containsExactly(0.0, Double.NEGATIVE_INFINITY, 40.0, 0.0, 99.0);
        assertThat(scored.get(4)).isSameAs(population.get(4));
        assertThat(evaluator.calls()).isEqualTo(1);
        assertThat(evaluator.scored()).isEqualTo(2);
        assertThat(evaluator.eval(scored).asList()).containsExactlyElementsOf(scored.asList());
        assertThat(evaluator.calls()).isEqualTo(1);
    }

    @Test
    void plugsIntoAJeneticsEngineWithOneCallPerGeneration() {
        final ToyScorers.Recording scorer = ToyScorers.recording(ToyScorers::gcCount);
        final SequenceProblem<Double> problem = problem(scorer, LibraryConstraints.NONE);
        final Engine<CharacterGene, Double> engine =
                new Engine.Builder<>(new BatchEvaluator<>(problem), problem.codec().encoding())
                        .populationSize(200)
                        .executor(Runnable::run)
                        .alterers(new BaseSubstitution<>(0.1, 0.025))
                        .build();
        final List<EvolutionResult<CharacterGene, Double>> results =
                RandomRegistry.with(new SplittableRandom(1))
                        .call(() -> engine.stream().limit(5).toList());
        // The start, then one call per generation.
        assertThat(scorer.calls).hasSize(results.size() + 1);
        assertThat(scorer.calls.getFirst()).hasSize(200);
        assertThat(results.getLast().bestFitness()).isGreaterThan(40.0);
    }
}
