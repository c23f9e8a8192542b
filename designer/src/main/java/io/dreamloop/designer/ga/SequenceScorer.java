package io.dreamloop.designer.ga;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import java.util.List;
import java.util.Objects;

/**
 * Predicts expression for a batch of variable regions with one or more models.
 *
 * <p>The designs hand over <em>variable regions</em>, never full oligos: constraints, distances and
 * outputs are all about the variable region, and which flanks a model was trained with is the
 * scorer's business. Wrap an oligo scorer (such as the predictor's {@code ModelScorer}, which
 * scores full sequences) with {@link #ofOligos(Flanks, SequenceScorer)}.
 *
 * <p>A GA calls this once per generation with every sequence of that generation that has no score
 * yet, so an implementation should batch internally rather than expect small lists.
 */
@FunctionalInterface
public interface SequenceScorer {

    /**
     * @param variableRegions the sequences to score, at least one
     * @return predictions indexed {@code [model][sequence]}: one row per model, in the order of the
     *     model names given to the design, each row as long as {@code variableRegions}
     */
    double[][] score(List<DnaSequence> variableRegions);

    /**
     * A scorer that wraps every variable region in {@code flanks} and passes the full oligos to
     * {@code oligoScorer}.
     */
    static SequenceScorer ofOligos(final Flanks flanks, final SequenceScorer oligoScorer) {
        Objects.requireNonNull(flanks, "flanks");
        Objects.requireNonNull(oligoScorer, "oligoScorer");
        return variableRegions ->
                oligoScorer.score(variableRegions.stream().map(flanks::wrap).toList());
    }
}
