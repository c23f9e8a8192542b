package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.Subset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The challenge scores of one set of predictions, with the per-set correlations behind them.
 *
 * <p>{@code pearsonScore = Σ w·r² / 4.65} and {@code spearmanScore = Σ w·ρ / 4.65} over "all" and
 * the eight subsets (SPEC.md section 3). The denominator is always {@link ChallengeWeights#TOTAL},
 * as in the reference. A set that cannot be scored (no data, fewer than 2 points, constant measured
 * or predicted values) adds 0 to the sum and is listed in {@link #problems()}; the reference would
 * crash or print {@code NaN} instead. So on an incomplete test set the score is the challenge score
 * with 0 for the missing sets: comparable with challenge numbers only when {@link #complete()}.
 * {@link #pearsonScoreOverScored()} divides by the weight of the scored sets instead, for comparing
 * runs on the same partial test set.
 *
 * @param all the score over every measured sequence (weight 1)
 * @param subsets one score per {@link Subset}, every subset present (unscored ones with n = 0)
 * @param pearsonScore {@code Σ w·r² / 4.65}
 * @param spearmanScore {@code Σ w·ρ / 4.65}
 */
public record ChallengeScore(
        SubsetScore all,
        Map<Subset, SubsetScore> subsets,
        double pearsonScore,
        double spearmanScore) {

    /**
     * @throws IllegalArgumentException when a subset has no score
     */
    public ChallengeScore {
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(subsets, "subsets");
        final Map<Subset, SubsetScore> copy = new EnumMap<>(Subset.class);
        copy.putAll(subsets);
        for (final Subset s : Subset.values()) {
            if (!copy.containsKey(s)) {
                throw new IllegalArgumentException("no score for subset " + s.wireName());
            }
        }
        subsets = Collections.unmodifiableMap(copy);
    }

    /** The score of one subset. */
    public SubsetScore subset(final Subset subset) {
        return subsets.get(Objects.requireNonNull(subset, "subset"));
    }

    /** "All" first, then the subsets in {@link Subset} order: the nine terms of the sums. */
    public List<SubsetScore> rows() {
        final List<SubsetScore> rows = new ArrayList<>(1 + subsets.size());
        rows.add(all);
        rows.addAll(subsets.values());
        return List.copyOf(rows);
    }

    /** True when all nine sets were scored, so the scores are the challenge's. */
    public boolean complete() {
        return rows().stream().allMatch(SubsetScore::scored);
    }

    /** The summed weight of the sets that were scored (4.65 when complete). */
    public double scoredWeight() {
        return rows().stream().filter(SubsetScore::scored).mapToDouble(SubsetScore::weight).sum();
    }

    /** {@code Σ w·r² / Σ w} over the scored sets only; {@code NaN} when none was scored. */
    public double pearsonScoreOverScored() {
        final double w = scoredWeight();
        return w > 0 ? rows().stream().mapToDouble(SubsetScore::pearsonTerm).sum() / w : Double.NaN;
    }

    /** {@code Σ w·ρ / Σ w} over the scored sets only; {@code NaN} when none was scored. */
    public double spearmanScoreOverScored() {
        final double w = scoredWeight();
        return w > 0
                ? rows().stream().mapToDouble(SubsetScore::spearmanTerm).sum() / w
                : Double.NaN;
    }

    /** One line per set that was not scored, e.g. {@code "snv: fewer than 2 points (n=0)"}. */
    public List<String> problems() {
        return rows().stream()
                .filter(s -> !s.scored())
                .map(s -> s.name() + ": " + s.problem())
                .toList();
    }
}
