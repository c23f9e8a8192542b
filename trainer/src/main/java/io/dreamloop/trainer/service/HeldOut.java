package io.dreamloop.trainer.service;

import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.evaluation.ChallengeEvaluator;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.evaluation.EvaluationSet;
import io.dreamloop.trainer.persistence.TrainingRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The held-out rows of a run and their evaluation by the challenge's scores: per subset Pearson r
 * and Spearman ρ (pairs on differences, when both members are held out), and the weighted scores.
 */
final class HeldOut {
    private final List<TrainingRow> rows;
    private final EvaluationSet set;

    HeldOut(final List<TrainingRow> rows) {
        this.rows = List.copyOf(rows);
        final EvaluationSet.Builder builder = EvaluationSet.builder();
        final Map<String, List<TrainingRow>> pairs = new HashMap<>();
        for (final TrainingRow r : rows) {
            builder.measured(r.id(), r.value());
            if (r.subset() == null) {
                continue;
            }
            final Subset subset = Subset.fromWireName(r.subset());
            if (subset.paired()) {
                if (r.pairKey() != null) {
                    pairs.computeIfAbsent(r.pairKey(), k -> new ArrayList<>()).add(r);
                }
            } else {
                builder.member(subset, r.id());
            }
        }
        pairs.values().stream()
                .filter(p -> p.size() == 2)
                .forEach(
                        p ->
                                builder.pair(
                                        Subset.fromWireName(p.get(0).subset()),
                                        altOf(p).id(),
                                        refOf(p).id()));
        this.set = builder.build();
    }

    /**
     * The held-out rule, the one place it is written: a row is held out when the hash of its pair
     * key (both members of a pair go to the same side) or else of its sequence, xor the seed, falls
     * in bucket 0 of {@code round(1 / validationFraction)}. It depends only on the row, so a
     * sequence stays on its side from run to run while the seed and fraction stay the same.
     *
     * @param sequence the full measured sequence
     * @param pairKey the pair key, unique in the data set ({@code <run>/<pair>}), or null
     */
    static boolean heldOut(
            final String sequence,
            final String pairKey,
            final long seed,
            final double validationFraction) {
        final long buckets = Math.round(1 / validationFraction);
        return Math.floorMod((pairKey == null ? sequence : pairKey).hashCode() ^ seed, buckets)
                == 0;
    }

    /** The member whose id ends in {@code -alt} (designer convention), else the first. */
    private static TrainingRow altOf(final List<TrainingRow> pair) {
        return pair.get(1).id().endsWith("-alt") ? pair.get(1) : pair.get(0);
    }

    private static TrainingRow refOf(final List<TrainingRow> pair) {
        return altOf(pair) == pair.get(0) ? pair.get(1) : pair.get(0);
    }

    List<TrainingRow> rows() {
        return rows;
    }

    /** Scores predictions given in row order. */
    ChallengeScore evaluate(final float[] predictions) {
        final Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byId.put(rows.get(i).id(), (double) predictions[i]);
        }
        return ChallengeEvaluator.evaluate(set, byId);
    }
}
