package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.jenetics.CharacterGene;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A design problem on the domain type: variable regions of one length, scored by models, judged by
 * an {@link Objective}, restricted by the library's constraints.
 *
 * <p>{@link #fitness()} scores one sequence per call, which is what Jenetics' own evaluator would
 * do; the designs use a {@link BatchEvaluator} instead, which scores a generation in one call
 * through {@link #predict(List)}.
 *
 * @param <C> the fitness type
 */
public final class SequenceProblem<C extends Comparable<? super C>>
        implements Problem<DnaSequence, CharacterGene, C> {
    private final Codec<DnaSequence, CharacterGene> codec;
    private final SequenceScorer scorer;
    private final int models;
    private final Objective<C> objective;
    private final ConstraintCheck check;

    /**
     * @param space the admissible sequences
     * @param scorer the models
     * @param models how many prediction rows the scorer returns
     * @param objective fitness from predictions
     */
    public SequenceProblem(
            final DesignSpace space,
            final SequenceScorer scorer,
            final int models,
            final Objective<C> objective) {
        if (models < 1) {
            throw new IllegalArgumentException("models must be >= 1, but was " + models);
        }
        this.codec = DnaCodecs.ofLength(space.length());
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.models = models;
        this.objective = Objects.requireNonNull(objective, "objective");
        this.check = space.check();
    }

    @Override
    public Codec<DnaSequence, CharacterGene> codec() {
        return codec;
    }

    @Override
    public Function<DnaSequence, C> fitness() {
        return sequence ->
                feasible(sequence)
                        ? objective.fitness(column(predict(List.of(sequence)), 0))
                        : objective.infeasible();
    }

    /** How predictions become fitness. */
    public Objective<C> objective() {
        return objective;
    }

    /** True when the sequence meets the library's constraints and may be scored. */
    public boolean feasible(final DnaSequence sequence) {
        return check.violation(sequence).isEmpty();
    }

    /**
     * Scores the sequences in one scorer call.
     *
     * @return predictions {@code [model][sequence]}
     * @throws IllegalStateException when the scorer returns the wrong shape or a value that is not
     *     finite
     */
    public double[][] predict(final List<DnaSequence> sequences) {
        final double[][] predictions = scorer.score(List.copyOf(sequences));
        if (predictions == null || predictions.length != models) {
            throw new IllegalStateException(
                    "scorer returned %s prediction rows for %d models"
                            .formatted(predictions == null ? "no" : predictions.length, models));
        }
        for (int m = 0; m < models; m++) {
            if (predictions[m] == null || predictions[m].length != sequences.size()) {
                throw new IllegalStateException(
                        "scorer returned %s predictions of model %d for %d sequences"
                                .formatted(
                                        predictions[m] == null ? "no" : predictions[m].length,
                                        m,
                                        sequences.size()));
            }
            for (int i = 0; i < sequences.size(); i++) {
                if (!Double.isFinite(predictions[m][i])) {
                    throw new IllegalStateException(
                            "model %d predicted %s for %s"
                                    .formatted(m, predictions[m][i], sequences.get(i)));
                }
            }
        }
        return predictions;
    }

    /** The predictions of sequence {@code index}, one per model. */
    public static double[] column(final double[][] predictions, final int index) {
        final double[] column = new double[predictions.length];
        for (int m = 0; m < column.length; m++) {
            column[m] = predictions[m][index];
        }
        return column;
    }
}
