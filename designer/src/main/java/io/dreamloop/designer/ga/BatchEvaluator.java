package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.jenetics.CharacterGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a whole population in at most one scorer call: every phenotype without a fitness is
 * decoded, identical sequences are scored once, sequences that break the constraints get the
 * objective's infeasible fitness without being scored, and the rest go to the models together.
 *
 * <p>Jenetics' default evaluator calls the fitness function once per individual (possibly on many
 * threads); a neural network scores a batch of thousands almost as fast as one sequence, so a
 * generation is one call here. Phenotypes that already have a fitness (tournament copies, unaltered
 * individuals) are not scored again; the population order is kept. It also plugs into {@code new
 * Engine.Builder<>(evaluator, codec.encoding())}.
 *
 * <p>Counts calls and scored sequences, so it is not thread-safe: use one per run.
 *
 * @param <C> the fitness type
 */
public final class BatchEvaluator<C extends Comparable<? super C>>
        implements Evaluator<CharacterGene, C> {
    private final SequenceProblem<C> problem;
    private long calls;
    private long scored;

    /** An evaluator of {@code problem}'s fitness. */
    public BatchEvaluator(final SequenceProblem<C> problem) {
        this.problem = problem;
    }

    @Override
    public ISeq<Phenotype<CharacterGene, C>> eval(
            final Seq<Phenotype<CharacterGene, C>> population) {
        final Map<DnaSequence, C> fitness = new LinkedHashMap<>();
        final List<DnaSequence> feasible = new ArrayList<>();
        final DnaSequence[] decoded = new DnaSequence[population.size()];
        for (int i = 0; i < decoded.length; i++) {
            if (population.get(i).nonEvaluated()) {
                final DnaSequence sequence = DnaCodecs.decode(population.get(i).genotype());
                decoded[i] = sequence;
                if (!fitness.containsKey(sequence)) {
                    final boolean ok = problem.feasible(sequence);
                    fitness.put(sequence, ok ? null : problem.objective().infeasible());
                    if (ok) {
                        feasible.add(sequence);
                    }
                }
            }
        }
        if (!feasible.isEmpty()) {
            final double[][] predictions = problem.predict(feasible);
            calls++;
            scored += feasible.size();
            for (int i = 0; i < feasible.size(); i++) {
                fitness.put(
                        feasible.get(i),
                        problem.objective().fitness(SequenceProblem.column(predictions, i)));
            }
        }
        final MSeq<Phenotype<CharacterGene, C>> result = MSeq.ofLength(population.size());
        for (int i = 0; i < population.size(); i++) {
            final Phenotype<CharacterGene, C> pt = population.get(i);
            result.set(i, decoded[i] == null ? pt : pt.withFitness(fitness.get(decoded[i])));
        }
        return result.toISeq();
    }

    /** Scorer calls so far. */
    public long calls() {
        return calls;
    }

    /** Sequences sent to the scorer so far. */
    public long scored() {
        return scored;
    }
}
