package io.dreamloop.evaluation;

import java.util.Objects;

/**
 * Pearson r and Spearman ρ of one scored set ("all" or a subset) and its weight.
 *
 * <p>For a paired subset the points are pairs and both correlations are over differences alt − ref.
 * A set whose correlation is undefined (no data, fewer than 2 points, constant values) contributes
 * nothing to the weighted sums; see {@link ChallengeScore}.
 *
 * @param name {@code all} or the subset's wire name, e.g. {@code motif-perturbation}
 * @param paired true when the points are pairs scored on differences
 * @param weight the challenge weight ({@link ChallengeWeights})
 * @param pearson Pearson r of measured vs predicted
 * @param spearman Spearman ρ of measured vs predicted
 */
public record SubsetScore(
        String name, boolean paired, double weight, Correlation pearson, Correlation spearman) {

    /**
     * @throws IllegalArgumentException when the weight is negative or the two correlations count
     *     different numbers of points
     */
    public SubsetScore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pearson, "pearson");
        Objects.requireNonNull(spearman, "spearman");
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must be >= 0, but was " + weight);
        }
        if (pearson.n() != spearman.n()) {
            throw new IllegalArgumentException(
                    "pearson and spearman of %s count different points: %d and %d"
                            .formatted(name, pearson.n(), spearman.n()));
        }
    }

    /** The number of points: sequences, or pairs for a paired subset. */
    public int n() {
        return pearson.n();
    }

    /** Pearson r, {@code NaN} when undefined. */
    public double r() {
        return pearson.value();
    }

    /** r², {@code NaN} when undefined. */
    public double rSquared() {
        return pearson.value() * pearson.value();
    }

    /** Spearman ρ, {@code NaN} when undefined. */
    public double rho() {
        return spearman.value();
    }

    /** True when both correlations are defined, so the set counts in both scores. */
    public boolean scored() {
        return pearson.defined() && spearman.defined();
    }

    /** {@code w·r²}, or 0 when r is undefined. */
    public double pearsonTerm() {
        return pearson.defined() ? weight * rSquared() : 0.0;
    }

    /** {@code w·ρ}, or 0 when ρ is undefined. */
    public double spearmanTerm() {
        return spearman.defined() ? weight * rho() : 0.0;
    }

    /**
     * Why this set does not count, e.g. {@code "fewer than 2 points (n=1)"}; {@code null} when it
     * is scored.
     */
    public String problem() {
        if (!pearson.defined()) {
            return pearson.undefinedReason();
        }
        return spearman.defined() ? null : spearman.undefinedReason();
    }
}
