package io.dreamloop.trainer.service;

import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.evaluation.SubsetScore;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metric names a challenge score is published and stored under. */
final class ScoreMetrics {
    private ScoreMetrics() {}

    /**
     * {@code <prefix>pearson.<subset>}, {@code <prefix>spearman.<subset>}, {@code
     * <prefix>n.<subset>}, the two weighted scores, {@code <prefix>score.pearson} and {@code
     * <prefix>score.spearman}, and {@code <prefix>score.pearson.scored}, the Pearson score over the
     * scored sets only (a test set without some subsets scores 0 for them in the challenge's sum).
     */
    static Map<String, Double> of(final String prefix, final ChallengeScore score) {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final SubsetScore s : score.rows()) {
            if (s.scored()) {
                out.put(prefix + "pearson." + s.name(), s.r());
                out.put(prefix + "spearman." + s.name(), s.rho());
                out.put(prefix + "n." + s.name(), (double) s.n());
            }
        }
        out.put(prefix + "score.pearson", score.pearsonScore());
        out.put(prefix + "score.spearman", score.spearmanScore());
        out.put(prefix + "score.pearson.scored", score.pearsonScoreOverScored());
        return out;
    }
}
