package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.Subset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Scores predictions as the DREAM Challenge 2022 did (SPEC.md section 3, the reference {@code
 * prixfixe/evaluation.py}).
 *
 * <ol>
 *   <li>"All": r and ρ of measured vs predicted over every measured sequence (weight 1).
 *   <li>Each single-sequence subset (high, low, native, random, challenging): r and ρ over its
 *       members.
 *   <li>Each paired subset (SNV, motif perturbation, motif tiling): for every distinct (alt, ref)
 *       pair, {@code Δmeasured = measured(alt) − measured(ref)} and {@code Δpredicted =
 *       predicted(alt) − predicted(ref)}; r and ρ of Δmeasured vs Δpredicted over the pairs.
 *   <li>{@code Pearson score = Σ w·r² / 4.65}, {@code Spearman score = Σ w·ρ / 4.65} with the
 *       weights of {@link ChallengeWeights}.
 * </ol>
 *
 * <p>Pairs score what a model says about a change, not about the level: a model that predicts the
 * same value for alt and ref has Δpredicted = 0 for every pair, so r and ρ on that subset are
 * undefined ("zero variance in predicted differences") and the subset adds 0 to both sums, the same
 * contribution as r = 0. A subset with no data, or fewer than 2 points, is reported the same way
 * and adds 0; the denominator stays 4.65 (see {@link ChallengeScore} for why and for the score over
 * the scored sets only).
 *
 * <p>The trainer calls it in-process with its own ids:
 *
 * {@snippet :
 * EvaluationSet heldOut = EvaluationSet.builder()
 *         .measured("seq-17", 0.83).member(Subset.HIGH, "seq-17")
 *         .measured("seq-18", 0.12).measured("seq-19", 0.40)
 *         .pair(Subset.SNV, "seq-18", "seq-19")
 *         // ...
 *         .build();
 * Map<String, Double> predicted = Map.of("seq-17", 0.79, "seq-18", 0.2, "seq-19", 0.35);
 * ChallengeScore score = ChallengeEvaluator.evaluate(heldOut, predicted);
 * double pearsonScore = score.pearsonScore();
 * }
 *
 * @implNote Stateless and thread-safe.
 */
public final class ChallengeEvaluator {

    private ChallengeEvaluator() {}

    /**
     * Scores {@code predicted} against the measured values of {@code set}.
     *
     * <p>Every measured id needs a prediction; predictions for ids that were not measured are
     * ignored.
     *
     * @throws IllegalArgumentException when measured ids have no prediction (the message gives the
     *     count and the first few ids) or a needed prediction is not finite
     */
    public static ChallengeScore evaluate(
            final EvaluationSet set, final Map<String, Double> predicted) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(predicted, "predicted");
        requirePredictions(set, predicted);

        final SubsetScore all =
                singles("all", ChallengeWeights.ALL, set.measured().keySet(), set, predicted);
        final Map<Subset, SubsetScore> subsets = new EnumMap<>(Subset.class);
        for (final Subset subset : Subset.values()) {
            subsets.put(
                    subset,
                    subset.paired()
                            ? pairs(subset, set.pairs(subset), set, predicted)
                            : singles(
                                    subset.wireName(),
                                    ChallengeWeights.of(subset),
                                    set.members(subset),
                                    set,
                                    predicted));
        }
        double pearsonSum = all.pearsonTerm();
        double spearmanSum = all.spearmanTerm();
        for (final SubsetScore s : subsets.values()) {
            pearsonSum += s.pearsonTerm();
            spearmanSum += s.spearmanTerm();
        }
        return new ChallengeScore(
                all,
                subsets,
                pearsonSum / ChallengeWeights.TOTAL,
                spearmanSum / ChallengeWeights.TOTAL);
    }

    private static SubsetScore singles(
            final String name,
            final double weight,
            final Collection<String> ids,
            final EvaluationSet set,
            final Map<String, Double> predicted) {
        final double[] measured = new double[ids.size()];
        final double[] pred = new double[ids.size()];
        int i = 0;
        for (final String id : ids) {
            measured[i] = set.measured().get(id);
            pred[i] = predicted.get(id);
            i++;
        }
        return new SubsetScore(
                name,
                false,
                weight,
                Correlations.pearson("measured", measured, "predicted", pred),
                Correlations.spearman("measured", measured, "predicted", pred));
    }

    private static SubsetScore pairs(
            final Subset subset,
            final Collection<SequencePair> pairs,
            final EvaluationSet set,
            final Map<String, Double> predicted) {
        final double[] measured = new double[pairs.size()];
        final double[] pred = new double[pairs.size()];
        int i = 0;
        for (final SequencePair pair : pairs) {
            measured[i] = set.measured().get(pair.alt()) - set.measured().get(pair.ref());
            pred[i] = predicted.get(pair.alt()) - predicted.get(pair.ref());
            i++;
        }
        return new SubsetScore(
                subset.wireName(),
                true,
                ChallengeWeights.of(subset),
                Correlations.pearson(
                        "measured differences", measured, "predicted differences", pred),
                Correlations.spearman(
                        "measured differences", measured, "predicted differences", pred));
    }

    private static void requirePredictions(
            final EvaluationSet set, final Map<String, Double> predicted) {
        final List<String> missing = new ArrayList<>();
        for (final String id : set.measured().keySet()) {
            final Double value = predicted.get(id);
            if (value == null) {
                missing.add(id);
            } else if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "prediction for '%s' must be finite, but was %s".formatted(id, value));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "no prediction for %d of %d measured ids (first: %s)"
                            .formatted(
                                    missing.size(),
                                    set.measured().size(),
                                    missing.stream()
                                            .limit(5)
                                            .map(id -> "'" + id + "'")
                                            .collect(Collectors.joining(", "))));
        }
    }
}
